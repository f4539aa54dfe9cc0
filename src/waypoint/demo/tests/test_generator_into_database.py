"""``population_build`` writes the synthetic population as ``Person`` rows."""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date

import pytest

from waypoint.audit.models import AuditEvent
from waypoint.demo.generator import population_generate
from waypoint.demo.population import GROUND_TRUTH_COLUMNS, population_build, record_name_keys
from waypoint.people.identifiers import is_valid_registration_number
from waypoint.people.models import Household, HouseholdMember, NameKey, Person
from waypoint.people.names import person_name_keys
from waypoint.people.queries import identification_search
from waypoint.people.services import person_register
from waypoint.places.models import Site

pytestmark = pytest.mark.django_db

UNTIL = date(2025, 6, 30)


def _truth(path) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_it_writes_the_people_and_their_duplicates_as_synthetic_persons(places, tmp_path):
    truth_path = tmp_path / "truth" / "ground-truth.csv"

    report = population_build(
        people=600, seed=1, reset=False, ground_truth_path=truth_path, until=UNTIL, batch_size=250
    )

    assert report.individuals == 600
    assert report.persons_written == 600 + report.duplicates_planted
    assert 30 <= report.duplicates_planted <= 100
    assert Person.objects.count() == report.persons_written
    assert not Person.objects.filter(is_synthetic=False).exists()
    assert report.ground_truth_path == truth_path


def test_the_ground_truth_names_every_person_and_pairs_each_duplicate(places, tmp_path):
    truth_path = tmp_path / "ground-truth.csv"
    population_build(people=600, seed=2, reset=False, ground_truth_path=truth_path, until=UNTIL)

    rows = _truth(truth_path)
    assert list(rows[0]) == list(GROUND_TRUTH_COLUMNS)
    persons = {p.registration_number: p for p in Person.objects.select_related("registered_at")}
    assert {row["registration_number"] for row in rows} == set(persons)
    by_individual = defaultdict(list)
    for row in rows:
        by_individual[row["true_person_id"]].append(persons[row["registration_number"]])
    assert len(by_individual) == 600
    pairs = [group for group in by_individual.values() if len(group) == 2]
    assert pairs
    for first, second in sorted(pairs, key=lambda group: [p.pk for p in group]):
        assert first.registered_at != second.registered_at
        assert first.registered_on < second.registered_on
        assert (first.nationality, first.sex) == (second.nationality, second.sex)
    households = {row["household_id"] for row in rows if row["household_id"]}
    assert households


def test_registration_numbers_carry_the_centre_prefix_and_a_check_digit(places, tmp_path):
    population_build(
        people=300, seed=3, reset=False, ground_truth_path=tmp_path / "t.csv", until=UNTIL
    )

    serials = []
    for person in Person.objects.select_related("registered_at"):
        assert is_valid_registration_number(person.registration_number)
        assert person.registration_number[:3] == person.registered_at.registration_prefix
        serials.append(int(person.registration_number[4:11]))
    assert sorted(serials) == list(range(1, len(serials) + 1))


def test_it_loads_the_places_when_there_are_none(db, tmp_path):
    Site.objects.all().delete()

    population_build(
        people=50, seed=1, reset=False, ground_truth_path=tmp_path / "t.csv", until=UNTIL
    )

    assert Site.objects.filter(code="TRC-LIP").exists()
    assert Person.objects.count() >= 50


def test_it_records_one_audit_event_for_the_build(places, tmp_path):
    before = AuditEvent.objects.count()

    population_build(
        people=100, seed=1, reset=False, ground_truth_path=tmp_path / "t.csv", until=UNTIL
    )

    event = AuditEvent.objects.order_by("-sequence").first()
    assert AuditEvent.objects.count() == before + 1
    assert (event.action, event.object_type, event.actor_label) == (
        "import",
        "people.person",
        "waypoint demo",
    )


def test_progress_is_reported_up_to_all_the_people(places, tmp_path):
    calls = []

    population_build(
        people=700,
        seed=1,
        reset=False,
        ground_truth_path=tmp_path / "t.csv",
        until=UNTIL,
        batch_size=200,
        progress=lambda done, total: calls.append((done, total)),
    )

    assert len(calls) >= 3
    assert calls[-1] == (700, 700)
    assert [done for done, _total in calls] == sorted(done for done, _total in calls)


def test_families_become_households_and_lone_children_are_flagged(places, tmp_path):
    truth_path = tmp_path / "ground-truth.csv"
    population_build(
        people=800, seed=5, reset=False, ground_truth_path=truth_path, until=UNTIL, batch_size=97
    )

    household_of = {
        row["registration_number"]: (row["household_id"], row["true_person_id"])
        for row in _truth(truth_path)
    }
    households = Household.objects.prefetch_related("members__person")
    assert households
    for household in households:
        members = list(household.members.all())
        numbers = {m.person.registration_number for m in members}
        assert len({household_of[number][0] for number in numbers}) == 1
        assert household.head == members[0].person
        assert members[0].relationship == "head"
        assert {m.relationship for m in members[1:]} <= {"spouse", "child"}
        assert len({(m.person.registered_at_id, m.person.registered_on) for m in members}) == 1
    in_households = HouseholdMember.objects.count()
    assert in_households == sum(1 for family, _ in household_of.values() if family)
    children = Person.objects.filter(unaccompanied=True)
    assert children
    assert not HouseholdMember.objects.filter(person__in=children).exists()


def test_persons_carry_their_serial_last_seen_place_and_search_keys(places, tmp_path):
    population_build(
        people=100, seed=1, reset=False, ground_truth_path=tmp_path / "t.csv", until=UNTIL
    )

    for person in Person.objects.all():
        assert person.serial == int(person.registration_number[4:11])
        assert (person.last_seen_at_id, person.last_seen_on) == (
            person.registered_at_id,
            person.registered_on,
        )
        assert NameKey.objects.filter(person=person).exists()


def test_a_registration_after_the_demo_takes_the_next_serial(places, tmp_path):
    report = population_build(
        people=100, seed=1, reset=False, ground_truth_path=tmp_path / "t.csv", until=UNTIL
    )

    person = person_register(actor=None, site=Site.objects.get(code="TRC-LIP"), given_name="Test")

    assert person.serial == report.persons_written + 1


def test_the_search_keys_written_are_the_ones_registration_would_write():
    records = population_generate(people=3000, seed=8, until=UNTIL)

    for record in records:
        assert record_name_keys(record) == person_name_keys(record)


def test_search_before_register_finds_demo_persons_in_either_script(personas, tmp_path):
    population_build(
        people=300, seed=4, reset=False, ground_truth_path=tmp_path / "t.csv", until=UNTIL
    )
    registrar = personas["registrar.lipa"]
    person = Person.objects.exclude(given_name_original="").exclude(family_name="").first()

    for name in (
        f"{person.given_name} {person.family_name}",
        f"{person.given_name_original} {person.family_name_original}",
    ):
        hits = identification_search(registrar, name=name)
        assert person.registration_number in [hit.registration_number for hit in hits]
