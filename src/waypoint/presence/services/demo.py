"""Synthetic DTM data for the demo and the benchmarks: a baseline and some rounds.

Shapes follow DTM BiH's published rounds: mostly adult men, a few families; Afghan,
Pakistani, Moroccan, Bangladeshi and Syrian nationals first; most people in Una-Sana
and Sarajevo. Nothing here is a real person or a real count.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from waypoint.places.models import Area
from waypoint.presence.models import (
    Location,
    LocationEvent,
    LocationEventKind,
    LocationType,
    Need,
    Observation,
    ObservationSource,
    Round,
    RoundStatus,
)

# Municipality P-code: (latitude, longitude, weight of the baseline placed there).
TOWNS = {
    "BA0101001": (44.8169, 15.8708, 30),  # Bihać
    "BA0101008": (45.1842, 15.8056, 20),  # Velika Kladuša
    "BA0101005": (44.9667, 15.9431, 10),  # Cazin
    "BA0101002": (44.8825, 16.1514, 6),  # Bosanska Krupa
    "BA0101006": (44.5328, 16.7764, 4),  # Ključ
    "BA0109001": (43.8590, 18.4130, 8),  # Centar Sarajevo
    "BA0109005": (43.8500, 18.3500, 8),  # Novi Grad Sarajevo
    "BA0109006": (43.8480, 18.3900, 8),  # Novo Sarajevo
    "BA0109003": (43.8270, 18.3100, 6),  # Ilidža
    "BA0109007": (43.8600, 18.4310, 3),  # Stari Grad Sarajevo
    "BA0103012": (44.5380, 18.6760, 10),  # Tuzla
    "BA0107005": (43.3430, 17.8080, 6),  # Mostar
    "BA0107001": (43.1210, 17.6850, 3),  # Čapljina
    "BA02056": (42.7110, 18.3440, 3),  # Trebinje
}
NATIONALITIES = [
    ("AFG", 30),
    ("PAK", 22),
    ("MAR", 14),
    ("BGD", 10),
    ("SYR", 6),
    ("IRQ", 4),
    ("IRN", 4),
    ("IND", 3),
    ("NPL", 3),
    ("DZA", 2),
]
TYPES = [
    (LocationType.ABANDONED_BUILDING, 35),
    (LocationType.SQUAT, 20),
    (LocationType.OPEN_AIR, 20),
    (LocationType.BORDER_AREA, 10),
    (LocationType.STATION, 8),
    (LocationType.PRIVATE_ACCOMMODATION, 5),
    (LocationType.OTHER, 2),
]


def _pick(rng: random.Random, weighted: list) -> object:
    return rng.choices([item for item, _w in weighted], [w for _i, w in weighted])[0]


def _counts(rng: random.Random, total: int) -> dict[str, Any]:
    women = round(total * rng.uniform(0, 0.06))
    children = round(total * rng.uniform(0, 0.08))
    boys = round(children * 0.7)
    girls = children - boys
    men = total - women - boys - girls
    unaccompanied = min(boys, round(boys * rng.uniform(0.2, 0.6)))
    nationalities: dict[str, int] = {}
    left = round(total * rng.uniform(0.85, 1.0))
    for _ in range(left):
        code = str(_pick(rng, NATIONALITIES))
        nationalities[code] = nationalities.get(code, 0) + 1
    return {
        "adult_men": men,
        "adult_women": women,
        "boys": boys,
        "girls": girls,
        "unaccompanied_children": unaccompanied,
        "nationalities": nationalities,
    }


@transaction.atomic
def rounds_generate(
    *,
    locations: int = 150,
    published: int = 3,
    in_review: int = 1,
    collecting: int = 0,
    first_snapshot: date | None = None,
    first_number: int = 1,
    seed: int = 20,
) -> list[Round]:
    """A baseline of ``locations`` and ``published`` published rounds followed by
    ``in_review`` rounds in review, the last of which fails a sex-and-age check, then
    ``collecting`` rounds still open for entries (no observation yet: phones fill them).

    Monthly snapshots from ``first_snapshot`` (by default so the last is this month).
    Locations already in the baseline with the generated codes are reused.
    """
    rng = random.Random(seed)
    count = published + in_review + collecting
    today = timezone.localdate()
    start = first_snapshot or (today - timedelta(days=30 * max(count - 1, 0)))
    municipalities = {area.code: area for area in Area.objects.filter(code__in=TOWNS)}
    towns = [(code, weight) for code, (_la, _lo, weight) in TOWNS.items() if code in municipalities]
    baseline = []
    for index in range(locations):
        code = f"LOC-{index + 1:04d}"
        existing = Location.objects.filter(code=code).first()
        if existing is not None:
            baseline.append(existing)
            continue
        town = str(_pick(rng, towns))
        latitude, longitude, _weight = TOWNS[town]
        location = Location.objects.create(
            code=code,
            name=f"{municipalities[town].name} {index + 1}",
            type=str(_pick(rng, TYPES)),
            municipality=municipalities[town],
            latitude=Decimal(f"{latitude + rng.uniform(-0.04, 0.04):.5f}"),
            longitude=Decimal(f"{longitude + rng.uniform(-0.05, 0.05):.5f}"),
            active_from=start - timedelta(days=60),
        )
        LocationEvent.objects.create(
            location=location, kind=LocationEventKind.CREATED, effective_on=location.active_from
        )
        baseline.append(location)
    sizes = {location.pk: max(1, int(rng.lognormvariate(2.3, 1.0))) for location in baseline}
    made = []
    for offset in range(count):
        number = first_number + offset
        status = (
            RoundStatus.PUBLISHED
            if offset < published
            else RoundStatus.IN_REVIEW
            if offset < published + in_review
            else RoundStatus.COLLECTING
        )
        round_, _created = Round.objects.update_or_create(
            number=number,
            defaults={
                "snapshot_date": start + timedelta(days=30 * offset),
                "status": status,
                "teams": rng.randint(8, 14),
                "enumerators_male": rng.randint(10, 20),
                "enumerators_female": rng.randint(4, 10),
                "sfa_staff_male": rng.randint(5, 12),
                "sfa_staff_female": rng.randint(1, 5),
                "red_cross_staff_male": rng.randint(3, 8),
                "red_cross_staff_female": rng.randint(2, 6),
                "published_at": timezone.now() if status == RoundStatus.PUBLISHED else None,
            },
        )
        round_.observations.all().delete()
        observations = []
        for location in baseline if status != RoundStatus.COLLECTING else ():
            if rng.random() < 0.02:
                continue  # not visited this round
            sizes[location.pk] = max(0, round(sizes[location.pk] * rng.uniform(0.8, 1.2)))
            total = sizes[location.pk]
            counts = _counts(rng, total)
            observations.append(
                Observation(
                    round=round_,
                    location=location,
                    observed_on=round_.snapshot_date - timedelta(days=rng.randint(0, 3)),
                    migrants_observed=total,
                    not_in_trc=round(total * rng.uniform(0.5, 1.0)),
                    needs=sorted(rng.sample(list(Need.values), rng.randint(1, 3))),
                    team=f"T{rng.randint(1, 12):02d}",
                    source=ObservationSource.PHONE,
                    **counts,
                )
            )
        if status == RoundStatus.IN_REVIEW and offset == published + in_review - 1 and observations:
            flawed = observations[0]
            flawed.migrants_observed = flawed.by_sex_and_age + 7
        Observation.objects.bulk_create(observations, batch_size=500)
        made.append(round_)
    return made
