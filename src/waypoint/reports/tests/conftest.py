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


# A registry estimate as `estimate --period` stores it: three lists in Una-Sana Canton,
# 843 people on at least one, the estimate at the chosen linkage cut-off and the band.
ESTIMATE_HISTORIES = [
    [1, 0, 0, 402],
    [0, 1, 0, 151],
    [0, 0, 1, 88],
    [1, 1, 0, 97],
    [1, 0, 1, 54],
    [0, 1, 1, 21],
    [1, 1, 1, 30],
]
ESTIMATE_METHOD = (
    "loglinear: Poisson log-linear models (statsmodels GLM), exhaustive search of two-list "
    "interactions ranked by AIC; estimate averaged over 2 model(s) within AIC 2 of the best"
)


def estimate_result(**changes: object) -> dict[str, object]:
    tier = {
        "estimate": 1180.2,
        "ci_low": 960.4,
        "ci_high": 1580.0,
        "observed": 851,
        "model": "centres*screenings + avrr",
        "method": ESTIMATE_METHOD,
        "warnings": [],
    }
    result: dict[str, object] = {
        "estimate": 1234.6,
        "ci_low": 987.2,
        "ci_high": 1642.9,
        "observed": 843,
        "model": "centres*screenings + avrr",
        "method": ESTIMATE_METHOD,
        "warnings": [
            "Lists centres and avrr barely overlap (54 people): the estimate leans on few.",
            "The unseen people are more than the seen: read the estimate as an order of size.",
        ],
        "linkage": {
            "strict": {**tier, "estimate": 1302.5, "ci_high": 1821.7},
            "loose": tier,
            "band_low": 960.4,
            "band_high": 1821.7,
        },
        "not_in_centres": {"estimate": 573.4, "ci_low": 326.0, "ci_high": 981.9},
    }
    result.update(changes)
    return result


def make_estimate(first_day: date, last_day: date, *, area_code: str = "BA0101", **changes):  # type: ignore[no-untyped-def]
    from waypoint.estimation.models import Source, StoredEstimate

    return StoredEstimate.objects.create(
        source=Source.REGISTRY,
        first_day=first_day,
        last_day=last_day,
        area_code=area_code,
        lists=["centres", "screenings", "avrr"],
        histories=ESTIMATE_HISTORIES,
        options={"criterion": "aic", "bootstrap": 500, "seed": 0},
        result=estimate_result(**changes),
    )
