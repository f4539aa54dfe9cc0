import pytest

from waypoint.linkage.engine import deduplicate, link

PEOPLE = {
    "a1": {
        "given_name": "Mohammed",
        "family_name": "Rahimi",
        "father_name": "Ahmad",
        "birth_date": "1994-03-14",
        "sex": "M",
        "nationality": "AFG",
    },
    "a2": {
        "given_name": "Muhammad",
        "family_name": "Rahimi",
        "father_name": "Ahmed",
        "birth_date": "14.03.1994",
        "sex": "M",
        "nationality": "AFG",
    },
    "a3": {
        "given_name": "رحيمي",
        "family_name": "محمد",
        "father_name": "احمد",
        "birth_date": "19940314",
        "sex": "M",
        "nationality": "AFG",
    },
    "b1": {
        "given_name": "Abdul Rahman",
        "family_name": "Al-Hashimi",
        "father_name": "Yusuf",
        "birth_date": "01.01.1988",
        "sex": "M",
        "nationality": "SYR",
    },
    "b2": {
        "given_name": "Abdulrahman",
        "family_name": "Hashimi",
        "father_name": "Youssef",
        "birth_date": "1988-05-20",
        "sex": "M",
        "nationality": "SYR",
    },
    "c1": {
        "given_name": "Fatima",
        "family_name": "Rahimi",
        "father_name": "Karim",
        "birth_date": "2001-07-02",
        "sex": "F",
        "nationality": "AFG",
    },
    "d1": {
        "given_name": "Hassan",
        "family_name": "Qureshi",
        "father_name": "Tariq",
        "birth_date": "1979-11-30",
        "sex": "M",
        "nationality": "PAK",
    },
    "e1": {
        "given_name": "Mohammed",
        "family_name": "Rahimi",
        "father_name": "Nasir",
        "birth_date": "1961-08-09",
        "sex": "M",
        "nationality": "AFG",
    },
}


@pytest.fixture(scope="module")
def clusters() -> dict[str, str]:
    return deduplicate(list(PEOPLE.values()), ids=list(PEOPLE), threshold=0.9)


def test_every_record_gets_a_cluster(clusters: dict[str, str]) -> None:
    assert set(clusters) == set(PEOPLE)


def test_spellings_swapped_names_and_arabic_script_are_one_person(
    clusters: dict[str, str],
) -> None:
    assert clusters["a1"] == clusters["a2"] == clusters["a3"] == "a1"


def test_particles_and_a_placeholder_birth_date_still_match(clusters: dict[str, str]) -> None:
    assert clusters["b1"] == clusters["b2"]


def test_different_people_stay_apart(clusters: dict[str, str]) -> None:
    groups = {clusters[key] for key in ("a1", "b1", "c1", "d1", "e1")}
    assert len(groups) == 5


def test_a_namesake_born_decades_apart_is_a_different_person(clusters: dict[str, str]) -> None:
    assert clusters["e1"] == "e1"


def test_linking_two_lists_pairs_the_same_people() -> None:
    left = [PEOPLE["a1"], PEOPLE["c1"], PEOPLE["d1"]]
    right = [PEOPLE["b2"], PEOPLE["a3"], PEOPLE["e1"]]
    pairs = link(left, right, left_ids=["L1", "L2", "L3"], right_ids=["R1", "R2", "R3"])
    assert [(one, other) for one, other, _ in pairs] == [("L1", "R2")]
    assert pairs[0][2] >= 0.9


def test_a_threshold_outside_zero_and_one_is_refused() -> None:
    with pytest.raises(ValueError, match="threshold"):
        deduplicate(list(PEOPLE.values()), threshold=1.5)
