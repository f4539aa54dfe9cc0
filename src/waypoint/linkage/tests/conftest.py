"""Linkage fixtures: registrations at Lipa that the model should see as one person."""

from __future__ import annotations

from datetime import date

import pytest

from waypoint.linkage import services
from waypoint.linkage.models import CandidatePair
from waypoint.people.models import DatePrecision
from waypoint.people.services import person_register


@pytest.fixture
def admin(personas):
    return personas["admin"]


@pytest.fixture
def lipa(site):
    return site("TRC-LIP")


@pytest.fixture
def usivak(site):
    return site("TRC-USI")


@pytest.fixture
def register(admin, site):
    """``register("TRC-LIP", "Mohammed", "Rahimi", ...)``: one registration."""

    def make(code: str, given: str, family: str, **details):
        details.setdefault("sex", "M")
        details.setdefault("nationality", "AFG")
        details.setdefault("birth_date", date(1995, 1, 1))
        details.setdefault("birth_date_precision", DatePrecision.YEAR)
        return person_register(
            actor=admin, site=site(code), given_name=given, family_name=family, **details
        )

    return make


@pytest.fixture
def twins(register):
    """Two spellings of one man at Lipa, and a different man."""
    first = register("TRC-LIP", "Mohammed", "Rahimi", father_name="Abdul Karim")
    second = register("TRC-LIP", "Muhammad", "Rahimy", father_name="Abdulkarim")
    other = register(
        "TRC-LIP",
        "Bilal",
        "Khan",
        nationality="PAK",
        birth_date=date(1988, 6, 14),
        birth_date_precision=DatePrecision.EXACT,
    )
    return first, second, other


@pytest.fixture
def lipa_people(register):
    """``lipa_people(5)``: that many registrations at Lipa, nobody's namesake."""
    given_names = ["Amir", "Bashir", "Daud", "Farid", "Ghulam", "Hamza", "Idris", "Jawad"]
    family_names = ["Noori", "Popal", "Qaderi", "Sultani", "Tahiri", "Wardak", "Yusufzai"]
    made = []

    def make(count: int):
        start = len(made)
        for index in range(start, start + count):
            made.append(
                register(
                    "TRC-LIP",
                    given_names[index % len(given_names)],
                    family_names[index // len(given_names) % len(family_names)],
                    birth_date=date(1980 + index % 20, 1 + index % 12, 1 + index % 28),
                    birth_date_precision=DatePrecision.EXACT,
                )
            )
        return made[start:]

    return make


@pytest.fixture
def scored_pair():
    """``scored_pair(a, b, 0.9, "pending")``: a candidate pair as a run would have stored it."""
    from waypoint.linkage.models import CandidatePair

    def make(one, other, probability: float, status: str):
        left, right = sorted((one, other), key=lambda person: person.pk)
        return CandidatePair.objects.create(
            left=left, right=right, probability=probability, status=status
        )

    return make


@pytest.fixture
def pending(admin, twins):
    """The twins' pair waiting for review: the threshold is set above their score, so
    nothing is linked automatically."""
    services.run_execute(
        run=services.run_request(
            actor=admin, threshold=0.9999999, review_floor=0.01, background=False
        )
    )
    first, second, _other = twins
    return CandidatePair.objects.get(left=first, right=second)
