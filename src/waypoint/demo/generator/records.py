"""The generator's data: a registration record, the truth behind it, and drawing helpers."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import accumulate
from typing import Generic, TypeVar

from waypoint.demo.names import Name

SINGLE_MAN = "single_man"
SINGLE_WOMAN = "single_woman"
FAMILY = "family"
UASC = "uasc"  # unaccompanied and separated children

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SyntheticRecord:
    """One registration of one synthetic individual."""

    record_key: str
    true_person_id: int
    household_id: int | None
    registration: int  # 1 for the first registration, 2 for the later one
    profile: str
    given_name: str
    family_name: str
    father_name: str
    mother_name: str
    given_name_original: str
    family_name_original: str
    father_name_original: str
    mother_name_original: str
    sex: str
    birth_date: date
    birth_date_precision: str
    nationality: str
    site_code: str
    registered_on: date
    relationship: str = ""  # to the head of the household: "head", "spouse" or "child"
    birth_place: str = ""
    phone: str = ""
    document_number: str = ""
    noise: tuple[str, ...] = ()

    @property
    def is_duplicate(self) -> bool:
        return self.registration > 1


@dataclass(frozen=True, slots=True)
class Spelled:
    """A name and which of its Latin variants a clerk wrote."""

    name: Name
    variant: int

    @property
    def latin(self) -> str:
        return self.name.variants[self.variant]


@dataclass(frozen=True, slots=True)
class Identity:
    """The truth about an individual, from which each registration is written down."""

    given: Spelled
    family: Spelled
    father: Spelled
    mother: Spelled
    sex: str
    birth_date: date
    relationship: str = ""
    birth_place: Spelled | None = None


class Weighted(Generic[T]):
    """Values drawn in proportion to their weights (``random.choices`` without the setup)."""

    __slots__ = ("cumulative", "values")

    def __init__(self, values: Sequence[T], weights: Sequence[float]) -> None:
        self.values = tuple(values)
        self.cumulative = tuple(accumulate(weights))

    def draw(self, rng: random.Random) -> T:
        return self.values[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


_VARIANT_WEIGHTS = (60, 22, 10, 5, 3, 2)  # the first (most common) spelling mostly
_VARIANT_DRAWS = {
    count: Weighted(range(count), _VARIANT_WEIGHTS[:count])
    for count in range(2, len(_VARIANT_WEIGHTS) + 1)
}


# Names are not equally common: the first in each list most, the last least (a Zipf-like
# law, 1 / (rank + 10), flattened at the top: in a list of 170 the first name is drawn
# about 6 times as often as the last).
_RANK_OFFSET = 10
# By the list's identity; the list is kept with its draw, so the identity is never reused.
_NAME_DRAWS: dict[int, tuple[tuple[Name, ...], Weighted[Name]]] = {}


def pick(rng: random.Random, names: tuple[Name, ...]) -> Name:
    """One name of the list, the more common ones more often."""
    known = _NAME_DRAWS.get(id(names))
    if known is None or known[0] is not names:
        weights = [1 / (rank + _RANK_OFFSET) for rank in range(1, len(names) + 1)]
        known = _NAME_DRAWS[id(names)] = (names, Weighted(names, weights))
    return known[1].draw(rng)


def spell(rng: random.Random, name: Name) -> Spelled:
    count = len(name.variants)
    if count == 1:
        return Spelled(name, 0)
    return Spelled(name, _VARIANT_DRAWS[min(count, len(_VARIANT_WEIGHTS))].draw(rng))


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
