"""The fast path: the same population as a CSV file, without the database."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from waypoint.demo.population import (
    CSV_COLUMNS,
    PopulationError,
    population_build,
    population_write_csv,
)

UNTIL = date(2025, 6, 30)


def _rows(path) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_it_writes_the_population_and_its_ground_truth_without_the_database(tmp_path):
    # No database fixture: touching the database here would fail the test.
    report = population_write_csv(
        people=800,
        seed=4,
        path=tmp_path / "people.csv",
        ground_truth_path=tmp_path / "truth.csv",
        until=UNTIL,
    )

    rows, truth = _rows(tmp_path / "people.csv"), _rows(tmp_path / "truth.csv")
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert len(rows) == len(truth) == report.persons_written == 800 + report.duplicates_planted
    assert [row["record_key"] for row in rows] == [row["record_key"] for row in truth]
    assert len({row["true_person_id"] for row in truth}) == 800
    assert date.fromisoformat(rows[0]["birth_date"]) < date.fromisoformat(rows[0]["registered_on"])
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.django_db
def test_its_ground_truth_matches_a_build_into_an_empty_database(places, tmp_path):
    population_write_csv(
        people=300,
        seed=6,
        path=tmp_path / "people.csv",
        ground_truth_path=tmp_path / "from-csv.csv",
        until=UNTIL,
    )
    population_build(
        people=300,
        seed=6,
        reset=True,
        ground_truth_path=tmp_path / "from-database.csv",
        until=UNTIL,
    )

    assert (tmp_path / "from-csv.csv").read_text() == (tmp_path / "from-database.csv").read_text()


def test_more_people_than_registration_serials_can_number_is_refused_up_front(tmp_path):
    with pytest.raises(PopulationError, match="need more registration serials"):
        population_write_csv(
            people=9_500_000,
            seed=1,
            path=tmp_path / "people.csv",
            ground_truth_path=tmp_path / "truth.csv",
        )

    assert not list(tmp_path.iterdir())
