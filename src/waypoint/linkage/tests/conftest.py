"""Linkage fixtures: registrations at Lipa that the model should see as one person."""

from __future__ import annotations

from datetime import date

import pytest

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
