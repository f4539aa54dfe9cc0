"""Training without labels: u probabilities within nationalities, date m's from the data."""

import random
from typing import Any

import pytest

from waypoint.linkage.comparisons import birth_m
from waypoint.linkage.engine import train

NAMES = {
    "AFG": [
        "Ahmad",
        "Bashir",
        "Farid",
        "Hamid",
        "Jawad",
        "Karim",
        "Nasir",
        "Omid",
        "Rahim",
        "Zaki",
    ],
    "CUB": [
        "Carlos",
        "Diego",
        "Ernesto",
        "Jorge",
        "Luis",
        "Mario",
        "Pablo",
        "Raul",
        "Sergio",
        "Tomas",
    ],
}
FAMILIES = {
    "AFG": ["Amiri", "Barakzai", "Haidari", "Karimi", "Noori", "Rahimi", "Sultani", "Wardak"],
    "CUB": ["Diaz", "Garcia", "Lopez", "Martinez", "Perez", "Rodriguez", "Sanchez", "Torres"],
}


def population(placeholder_share: float) -> list[dict[str, str]]:
    rng = random.Random(7)
    rows = []
    for nationality in ("AFG", "CUB"):
        for _ in range(700):
            year = rng.randint(1960, 2010)
            if rng.random() < placeholder_share:
                born = f"01.01.{year}"
            else:
                born = f"{rng.randint(1, 28):02d}.{rng.randint(2, 12):02d}.{year}"
            rows.append(
                {
                    "given_name": rng.choice(NAMES[nationality]),
                    "family_name": rng.choice(FAMILIES[nationality]),
                    "father_name": rng.choice(NAMES[nationality]),
                    "birth_date": born,
                    "sex": "M",
                    "nationality": nationality,
                }
            )
    return rows


def level(model: dict[str, Any], field: str, label: str) -> dict[str, Any]:
    comparison = next(c for c in model["comparisons"] if c["output_column_name"] == field)
    return next(lv for lv in comparison["comparison_levels"] if lv["label_for_charts"] == label)


@pytest.fixture(scope="module")
def model() -> dict[str, Any]:
    return train(population(placeholder_share=0.4))


def test_name_agreement_is_measured_among_people_of_one_nationality(model: dict) -> None:
    # Ten given names per nationality (each one very common): two random Afghans share one
    # one time in ten, two random records of the whole list half as often.
    u = level(model, "given_name", "same very common name")["u_probability"]
    assert 0.08 < u < 0.12


def test_a_trained_model_knows_the_common_names_of_each_nationality(model: dict) -> None:
    common = model["waypoint_common_names"]
    assert "given:AFG|ahmd" in common
    assert "given+:AFG|ahmd" in common  # one Afghan in ten: very common
    assert "family:CUB|grs" in common
    assert not any(name.startswith("given:CUB|ahmd") for name in common)


def test_a_rare_name_written_alike_weighs_more_than_a_common_one() -> None:
    rows = population(placeholder_share=0.4)
    rng = random.Random(3)
    for index in range(300):  # 300 Afghans with names of their own
        rows.append(
            {
                "given_name": f"Zabih{index:03d}",
                "family_name": f"Zadran{index:03d}",
                "birth_date": f"01.01.{rng.randint(1960, 2010)}",
                "sex": "M",
                "nationality": "AFG",
            }
        )
    trained = train(rows)
    rare = level(trained, "given_name", "same spelling")
    common = level(trained, "given_name", "same very common name")
    assert rare["m_probability"] / rare["u_probability"] > 4 * (
        common["m_probability"] / common["u_probability"]
    )


def test_sharing_a_nationality_is_weighed_by_how_common_that_is(model: dict) -> None:
    u = level(model, "nationality", "same")["u_probability"]
    assert u == pytest.approx(0.5, abs=0.01)


def test_the_date_of_birth_m_follow_the_share_of_placeholder_dates(model: dict) -> None:
    rows = population(placeholder_share=0.4)
    share = sum(row["birth_date"].startswith("01.01.") for row in rows) / len(rows)
    expected = birth_m(share)
    assert level(model, "birth", "same date")["m_probability"] == pytest.approx(expected[0])
    assert level(model, "birth", "same year, a placeholder date")["m_probability"] == pytest.approx(
        expected[1]
    )


def test_more_placeholders_make_a_placeholder_year_likelier_for_one_person() -> None:
    assert birth_m(0.6)[1] > birth_m(0.2)[1]
    assert birth_m(0.6)[0] < birth_m(0.2)[0]
    assert sum(birth_m(0.35)) == pytest.approx(1.0, abs=0.001)


def test_repeat_registrations_do_not_make_a_shared_date_look_common() -> None:
    # 1,400 people, each registered twice with the same date of birth: a random pair of
    # one nationality is the same person one time in 700 and then shares the date, which
    # would double the u of "same date"; strangers share one about one time in 10,000.
    rows = population(placeholder_share=0.0)
    rows += [dict(row, given_name=row["given_name"] + "a") for row in rows]
    u = level(train(rows), "birth", "same date")["u_probability"]
    assert u < 0.0006
