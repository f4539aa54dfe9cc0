"""``reset`` replaces earlier demo data, and the same (people, seed) gives the same numbers."""

from __future__ import annotations

from datetime import date

import pytest

from waypoint.demo.population import population_build
from waypoint.people.models import Household, IdentityDocument, NameKey, Person
from waypoint.places.models import Site

pytestmark = pytest.mark.django_db

UNTIL = date(2025, 6, 30)


def _numbers() -> list[str]:
    return list(Person.objects.order_by("pk").values_list("registration_number", flat=True))


def _build(tmp_path, *, reset: bool, people: int = 300, seed: int = 1):  # type: ignore[no-untyped-def]
    return population_build(
        people=people,
        seed=seed,
        reset=reset,
        ground_truth_path=tmp_path / "ground-truth.csv",
        until=UNTIL,
        batch_size=100,
    )


def test_a_reset_replaces_the_demo_data_with_identical_registration_numbers(places, tmp_path):
    _build(tmp_path, reset=True)
    first_numbers = _numbers()
    households = Household.objects.count()
    first_truth = (tmp_path / "ground-truth.csv").read_text()

    report = _build(tmp_path, reset=True)

    assert report.removed == len(first_numbers)
    assert Household.objects.count() == households
    assert _numbers() == first_numbers
    assert (tmp_path / "ground-truth.csv").read_text() == first_truth


def test_without_a_reset_the_serials_go_on_after_the_highest(places, tmp_path):
    first = _build(tmp_path, reset=False, people=100)
    second = _build(tmp_path, reset=False, people=100)

    serials = sorted(int(number[4:11]) for number in _numbers())
    assert second.removed == 0
    assert len(serials) == first.persons_written + second.persons_written
    assert serials == list(range(1, len(serials) + 1))


def test_a_reset_leaves_real_persons_alone(places, tmp_path):
    real = Person.objects.create(
        registration_number="LIP-0000007-5",
        given_name="Real",
        family_name="Person",
        registered_at=Site.objects.get(code="TRC-LIP"),
        registered_on=UNTIL,
    )
    _build(tmp_path, reset=True, people=50)

    _build(tmp_path, reset=True, people=50)

    assert Person.objects.filter(pk=real.pk).exists()
    synthetic = Person.objects.filter(is_synthetic=True).order_by("pk")
    assert synthetic.first().registration_number[4:11] == "0000008"


def test_a_reset_also_removes_what_else_refers_to_demo_persons(places, tmp_path):
    _build(tmp_path, reset=True, people=50)
    person = Person.objects.filter(is_synthetic=True).first()
    IdentityDocument.objects.create(person=person, kind="passport", number="P1234567")

    _build(tmp_path, reset=True, people=50)

    assert not IdentityDocument.objects.filter(number="P1234567").exists()
    assert not Person.objects.filter(pk=person.pk).exists()
    assert not NameKey.objects.filter(person_id=person.pk).exists()
