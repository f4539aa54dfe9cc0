"""Protection fixtures: people registered at Borići and Lipa, consent, and a guarded child."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from waypoint.accounts.models import User
from waypoint.people.models import ConsentMethod, Person, Purpose
from waypoint.people.services import (
    consent_record,
    guardian_appoint,
    household_register,
    person_register,
)
from waypoint.places.models import Site

CSW = "centre_for_social_work"


def years_ago(years: int) -> date:
    today = date.today()
    return today.replace(year=today.year - years, day=min(today.day, 28))


def register_person(actor: User, site: Site, given_name: str = "Ahmad", **details: Any) -> Person:
    details.setdefault("family_name", "Karimi")
    details.setdefault("birth_date", years_ago(30))
    return person_register(actor=actor, site=site, given_name=given_name, **details)


def unaccompanied_child(actor: User, site: Site, **details: Any) -> Person:
    """A 15-year-old registered alone: the household of one makes them unaccompanied."""
    child = register_person(actor, site, "Omid", birth_date=years_ago(15), sex="M", **details)
    household_register(actor=actor, head=child)
    child.refresh_from_db()
    assert child.unaccompanied
    guardian_appoint(
        actor=actor,
        child=child,
        name="Amela Hodžić",
        institution="Centre for Social Work Bihać",
        appointed_on=date.today(),
    )
    return child


def consent_to(actor: User, person: Person, *recipients: str, method: str = "signed") -> None:
    consent_record(
        actor=actor,
        person=person,
        purpose=Purpose.PROTECTION,
        method=method,
        recipients=recipients,
        witness="Amela Hodžić" if method == ConsentMethod.GUARDIAN else "",
    )


@pytest.fixture
def admin(personas: dict[str, User]) -> User:
    return personas["admin"]


@pytest.fixture
def officer(personas: dict[str, User]) -> User:
    """The protection officer at Borići."""
    return personas["protection.borici"]


@pytest.fixture
def caseworker(personas: dict[str, User]) -> User:
    """The case worker at Lipa."""
    return personas["caseworker.lipa"]


@pytest.fixture
def at_borici(admin: User, site: Callable[[str], Site]) -> Person:
    return register_person(admin, site("TRC-BOR"), "Ahmad", family_name="Karimi")


@pytest.fixture
def at_lipa(admin: User, site: Callable[[str], Site]) -> Person:
    return register_person(admin, site("TRC-LIP"), "Bilal", family_name="Hussain")


@pytest.fixture
def child_at_borici(admin: User, site: Callable[[str], Site]) -> Person:
    return unaccompanied_child(admin, site("TRC-BOR"))
