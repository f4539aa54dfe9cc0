"""Reports fixtures: a published round in which one Cuban stays alone in one centre."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from waypoint.people.services import person_register
from waypoint.places.models import Area
from waypoint.presence.models import Location, Observation, Round, RoundStatus
from waypoint.reception.services import stay_admit

SNAPSHOT = date(2026, 10, 31)
# (centre, nationality, sex, birth year, how many)
RESIDENTS = [
    ("TRC-LIP", "AFG", "M", 1995, 14),
    ("TRC-LIP", "PAK", "M", 1998, 9),
    ("TRC-LIP", "BGD", "M", 1990, 6),
    ("TRC-BOR", "AFG", "F", 1992, 7),
    ("TRC-BOR", "AFG", "M", 2015, 6),
    ("TRC-BOR", "IRN", "F", 1988, 5),
    ("TRC-USI", "MAR", "M", 1999, 12),
    ("TRC-USI", "PAK", "M", 2000, 8),
    ("TRC-MIR", "CUB", "M", 1993, 1),  # the one identifiable person
    ("TRC-MIR", "AFG", "M", 1991, 11),
]


def make_location(code: str, municipality: str, lat: str, lon: str) -> Location:
    return Location.objects.create(
        code=code,
        name=f"Site {code}",
        municipality=Area.objects.get(code=municipality),
        type="abandoned_building",
        latitude=Decimal(lat),
        longitude=Decimal(lon),
        active_from=date(2026, 1, 1),
    )


def build_round(admin, *, number: int = 7) -> Round:  # type: ignore[no-untyped-def]
    admitted = timezone.make_aware(datetime(2026, 10, 1, 10, 0))
    serial = 0
    from waypoint.places.models import Site

    for code, nationality, sex, year, count in RESIDENTS:
        site = Site.objects.get(code=code)
        for _ in range(count):
            serial += 1
            person = person_register(
                actor=admin,
                site=site,
                given_name=f"Test{serial:03d}",
                family_name=f"Person{serial:03d}",
                sex=sex,
                birth_date=date(year, 3, 1 + serial % 27),
                nationality=nationality,
            )
            stay_admit(actor=admin, person=person, site=site, at=admitted)
    round_ = Round.objects.create(
        number=number, snapshot_date=SNAPSHOT, status=RoundStatus.PUBLISHED
    )
    for location, municipality, lat, lon, men, women, boys, girls, nationalities in [
        ("BIH-1", "BA0101001", "44.81", "15.87", 40, 3, 0, 2, {"AFG": 30, "PAK": 15}),
        ("BIH-2", "BA0101001", "44.82", "15.88", 2, 0, 0, 0, {"AFG": 2}),
        ("SA-1", "BA0109006", "43.85", "18.39", 25, 0, 0, 0, {"MAR": 25}),
    ]:
        total = men + women + boys + girls
        Observation.objects.create(
            round=round_,
            location=make_location(location, municipality, lat, lon),
            observed_on=SNAPSHOT,
            migrants_observed=total,
            not_in_trc=total,
            adult_men=men,
            adult_women=women,
            boys=boys,
            girls=girls,
            nationalities=nationalities,
            source="web",
        )
    return round_


@pytest.fixture
def one_cuban_round(personas):  # type: ignore[no-untyped-def]
    return build_round(personas["admin"])
