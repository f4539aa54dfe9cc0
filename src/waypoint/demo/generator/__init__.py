"""A synthetic population with the shapes of Bosnia and Herzegovina's reception system.

Pure Python, no Django: ``population_generate`` yields one frozen ``SyntheticRecord`` per
registration, deterministically for its arguments, in bounded memory whatever the size.
Nobody in it is a real person.

What it reproduces (``households``): a nationality mix weighted like recent arrivals
(Afghanistan, Pakistan, Bangladesh and Morocco first); about 77% single adult men; families
(a couple or a single parent with children, one family name, one household id); about 4%
unaccompanied children (UASC) and a few single women; centres chosen by profile; birth
dates recorded as 01.01.YYYY for about a third of people. A share of individuals
(``duplicate_rate``) registers a second time, later and at a different centre, with the
noise real registrations show (``noise``). Both registrations carry the same
``true_person_id``.

Second registrations wait in a heap and come out within about ``window`` records, so memory
depends on the window, never on the population size.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from waypoint.demo.generator.details import born_where
from waypoint.demo.generator.households import (
    CENTRE_PREFIXES,
    HISTORY_DAYS,
    NATIONALITY_DRAWS,
    ORIGINAL_SCRIPT_SHARE,
    PEOPLE_SHARES,
    SITE_DRAWS,
    SITES,
    Placement,
    first_record,
    identities,
    registration_day,
    unit_draw,
)
from waypoint.demo.generator.noise import NOISE_KINDS, second_record
from waypoint.demo.generator.records import (
    FAMILY,
    SINGLE_MAN,
    SINGLE_WOMAN,
    UASC,
    SyntheticRecord,
    Weighted,
)
from waypoint.demo.names import POOLS
from waypoint.demo.places_of_birth import PLACES_OF_BIRTH

__all__ = [
    "CENTRE_PREFIXES",
    "FAMILY",
    "HISTORY_DAYS",
    "NOISE_KINDS",
    "PEOPLE_SHARES",
    "SINGLE_MAN",
    "SINGLE_WOMAN",
    "UASC",
    "SyntheticRecord",
    "population_generate",
]


def population_generate(
    *,
    people: int,
    seed: int,
    duplicate_rate: float = 0.10,
    until: date | None = None,
    window: int = 1000,
) -> Iterator[SyntheticRecord]:
    """Yield ``people`` individuals' first registrations and the planted second ones.

    Deterministic for the arguments. ``until`` (default today) moves only the dates: who
    is generated, in which order and at which centre stays the same, so registration
    numbers do not change from one day to the next. ``record_key`` is
    ``"<seed>-<position>"``, unique within one run. A second registration comes at most
    about ``window`` records after its individual's first one, or at the end.
    """
    if people < 0:
        raise ValueError("people must not be negative")
    if not 0 <= duplicate_rate <= 1:
        raise ValueError("duplicate_rate is a share between 0 and 1")
    if window < 1:
        raise ValueError("window must be at least 1")
    run = _Run(
        rng=random.Random(seed),
        dates=random.Random(f"{seed}:dates"),
        last_day=until or date.today(),
        duplicate_rate=duplicate_rate,
        key_prefix=f"{seed}-",
    )
    units = unit_draw()
    pending: list[tuple[int, int, SyntheticRecord]] = []
    position = planted = person_id = household_id = 0
    while person_id < people:
        while pending and pending[0][0] <= position:
            position += 1
            yield replace(heapq.heappop(pending)[2], record_key=f"{seed}-{position:08d}")
        kind = units.draw(run.rng)
        if kind == FAMILY:
            household_id += 1
        household = household_id if kind == FAMILY else None
        firsts, seconds = _unit(run, kind, person_id, household, people - person_id, position)
        person_id += len(firsts)
        position += len(firsts)
        yield from firsts
        due = position + run.rng.randint(1, window)
        for record in seconds:
            planted += 1
            heapq.heappush(pending, (due, planted, record))
    while pending:
        position += 1
        yield replace(heapq.heappop(pending)[2], record_key=f"{seed}-{position:08d}")


@dataclass(frozen=True, slots=True)
class _Run:
    rng: random.Random  # everything but registration days: who, in which order, where
    dates: random.Random  # registration days, apart so that ``until`` moves only dates
    last_day: date
    duplicate_rate: float
    key_prefix: str


def _unit(
    run: _Run, kind: str, first_id: int, household: int | None, room: int, position: int
) -> tuple[list[SyntheticRecord], list[SyntheticRecord]]:
    """One single person or one family (cut to ``room`` members at the very end): their
    first registrations, and their second ones if the unit registers twice."""
    rng = run.rng
    nationality = NATIONALITY_DRAWS[kind].draw(rng)
    pool = POOLS[nationality]
    communities = pool.communities
    community = (
        communities[0]
        if len(communities) == 1
        else Weighted(communities, [c.weight for c in communities]).draw(rng)
    )
    duplicated = rng.random() < run.duplicate_rate
    placement = Placement(
        profile=kind,
        nationality=nationality,
        site=SITE_DRAWS[kind].draw(rng),
        registered_on=registration_day(run.dates, run.last_day, leave_room=duplicated),
        with_script=pool.has_original_script and rng.random() < ORIGINAL_SCRIPT_SHARE,
        household=household,
    )
    members = identities(rng, kind, community, placement.registered_on)[:room]
    members = born_where(rng, members, PLACES_OF_BIRTH.get(nationality, ()))
    firsts = [
        first_record(
            rng,
            identity,
            first_id + offset + 1,
            placement,
            f"{run.key_prefix}{position + offset + 1:08d}",
        )
        for offset, identity in enumerate(members)
    ]
    if not duplicated:
        return firsts, []
    # A family registers again together: same day, same other centre.
    later = placement.registered_on + timedelta(days=3 + int(rng.gammavariate(1.5, 40)))
    codes, weights = SITES[kind]
    others = [(code, w) for code, w in zip(codes, weights, strict=True) if code != placement.site]
    second_site = Weighted([c for c, _ in others], [w for _, w in others]).draw(rng)
    # Whether a kind of noise applies depends on the dates (a day/month swap needs a day up
    # to 12), so noise draws from its own generator, seeded by one fixed draw from the main.
    noise_rng = random.Random(rng.getrandbits(64))
    seconds = [
        second_record(
            noise_rng, first, identity, pool.script, second_site, min(later, run.last_day)
        )
        for first, identity in zip(firsts, members, strict=True)
    ]
    return firsts, seconds
