"""Reception fixtures: units and beds at Lipa and Borići, and registered people to admit."""

from __future__ import annotations

from datetime import date
from itertools import count

import pytest

from waypoint.people.services import person_register
from waypoint.reception.models import Bed, UnitKind, UnitProfile
from waypoint.reception.services import unit_add

_names = count(1)


@pytest.fixture
def admin(personas):
    return personas["admin"]


@pytest.fixture
def registrar(personas):
    return personas["registrar.lipa"]


@pytest.fixture
def lipa(site):
    return site("TRC-LIP")


@pytest.fixture
def borici(site):
    return site("TRC-BOR")


@pytest.fixture
def beds(admin, lipa, borici):
    """Lipa: unit A (single men, 3 beds), F (families, 3), U (unaccompanied children, 2);
    Borići: unit B (families, 2). Keyed "A1", "F2", "B1", ..."""
    units = [
        (lipa, "A", UnitProfile.SINGLE_MEN, 3),
        (lipa, "F", UnitProfile.FAMILIES, 3),
        (lipa, "U", UnitProfile.UNACCOMPANIED_CHILDREN, 2),
        (borici, "B", UnitProfile.FAMILIES, 2),
    ]
    for where, name, profile, size in units:
        unit_add(
            actor=admin, site=where, name=name, kind=UnitKind.CONTAINER, profile=profile, beds=size
        )
    return {
        f"{bed.unit.name}{bed.label}": bed
        for bed in Bed.objects.select_related("unit").filter(unit__site__in=[lipa, borici])
    }


@pytest.fixture
def register(admin, site):
    """Register a person at a centre: ``register("TRC-LIP", sex="F", birth_date=...)``."""

    def make(code: str = "TRC-LIP", **details):
        details.setdefault("sex", "M")
        details.setdefault("birth_date", date(1995, 3, 1))
        details.setdefault("nationality", "AFG")
        details.setdefault("family_name", "Testović")
        return person_register(
            actor=admin, site=site(code), given_name=f"Person{next(_names)}", **details
        )

    return make
