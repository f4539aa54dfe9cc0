import pytest

from waypoint.linkage.features import (
    normalise_document,
    normalise_phone,
    parse_birth_date,
    record_features,
)


def test_spellings_of_one_name_share_a_skeleton_key() -> None:
    keys = {
        record_features({"given_name": name})["given_key"]
        for name in ("Mohammed", "Muhammad", "Mohamad")
    }
    assert keys == {"mhmd"}


def test_arabic_script_folds_to_the_same_keys_as_latin() -> None:
    latin = record_features({"given_name": "Muhammad", "family_name": "Rahimi"})
    arabic = record_features({"given_name": "محمد", "family_name": "رحيمي"})
    assert arabic["given_key"] == latin["given_key"]
    assert arabic["family_key"] == latin["family_key"]


def test_particles_and_diacritics_are_folded_away() -> None:
    assert (
        record_features({"given_name": "Abdul Rahman"})["given_name"]
        == (record_features({"given_name": "Abdulrahman"})["given_name"])
    )
    # Bosnian letters are read as they sound: š is sh, ć is ch
    assert record_features({"family_name": "Šćepanović"})["family_name"] == "shchepanovich"


def test_swapped_names_give_the_same_order_free_keys() -> None:
    one = record_features({"given_name": "Hekmatullah", "family_name": "Niyazi"})
    other = record_features({"given_name": "Niyazi", "family_name": "Hekmatullah"})
    assert one["all_tokens"] == other["all_tokens"]
    assert one["all_keys"] == other["all_keys"]
    assert one["given_key"] == other["family_key"]


def test_a_full_name_alone_is_split_into_given_and_family() -> None:
    features = record_features({"full_name": "Farid Ahmad Nazari"})
    assert features["given_name"] == "farid"
    assert features["family_name"] == "ahmad nazari"


def test_the_three_date_forms_read_the_same_date() -> None:
    assert parse_birth_date("1990-03-14") == (1990, 3, 14)
    assert parse_birth_date("14.03.1990") == (1990, 3, 14)
    assert parse_birth_date("19900314") == (1990, 3, 14)
    assert parse_birth_date("1990-03-14T00:00:00") == (1990, 3, 14)


def test_an_unreadable_date_is_missing_and_an_impossible_one_keeps_its_year() -> None:
    assert parse_birth_date("31.02.1990") == (1990, None, None)
    assert parse_birth_date("19900096") == (1990, None, None)
    assert parse_birth_date("sometime in spring") == (None, None, None)


def test_first_of_january_is_flagged_as_a_placeholder() -> None:
    for written in ("01.01.1995", "1.1.1995", "1995-01-01"):
        features = record_features({"birth_date": written})
        assert features["birth_year"] == 1995
        assert features["birth_placeholder"] is True
    assert record_features({"birth_date": "02.01.1995"})["birth_placeholder"] is False


def test_a_birth_year_alone_is_a_placeholder_year() -> None:
    features = record_features({"birth_year": "1987"})
    assert (features["birth_year"], features["birth_month"]) == (1987, None)
    assert features["birth_placeholder"] is True
    assert features["birth_date"] is None


def test_documents_phones_sex_and_nationality_are_normalised() -> None:
    assert normalise_document("p 123-456") == normalise_document("P123456") == "P123456"
    assert normalise_phone("+387 61 234 567") == normalise_phone("061/234-567")
    features = record_features({"sex": "female", "nationality": " afg "})
    assert (features["sex"], features["nationality"]) == ("F", "AFG")


def test_missing_roles_give_missing_features() -> None:
    features = record_features({})
    assert features["given_name"] is None
    assert features["birth_year"] is None
    assert features["birth_placeholder"] is None
    assert features["phone"] is None


@pytest.mark.parametrize(
    ("one", "other"),
    [("Jalalabad", "Dzalalabad"), ("Mazar-i-Sharif", "Mazar e Sharif"), ("Herat", "Hirat")],
)
def test_a_place_of_birth_spelled_two_ways_has_one_key(one: str, other: str) -> None:
    assert (
        record_features({"birth_place": one})["birth_place_key"]
        == (record_features({"birth_place": other})["birth_place_key"])
    )
    assert (
        record_features({"birth_place": "Kabul"})["birth_place_key"]
        != (record_features({"birth_place": "Kunduz"})["birth_place_key"])
    )
