"""Who arrives, with whom, when and where: the first registration of each individual."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta

from waypoint.demo.generator.details import (
    MOTHER_RECORDED_SHARE,
    passport_number,
    phone_number,
    phone_share,
    place_written,
)
from waypoint.demo.generator.records import (
    FAMILY,
    SINGLE_MAN,
    SINGLE_WOMAN,
    UASC,
    Identity,
    Spelled,
    SyntheticRecord,
    Weighted,
    age_on,
    pick,
    spell,
    years_before,
)
from waypoint.demo.names import Name, NameCommunity

# Site code -> registration prefix, as the places loader creates them.
CENTRE_PREFIXES: dict[str, str] = {
    "TRC-LIP": "LIP",
    "TRC-BOR": "BOR",
    "TRC-MIR": "MIR",
    "TRC-USI": "USI",
    "TRC-BLA": "BLA",
    "AC-DEL": "DEL",
    "IC-LUK": "LUK",
}

# Where each profile is placed: Lipa, Blažuj and Miral take single men, Borići and Delijaš
# families and children, Ušivak both; the immigration centre holds a few adults.
SITES: dict[str, tuple[tuple[str, ...], tuple[float, ...]]] = {
    SINGLE_MAN: (("TRC-LIP", "TRC-BLA", "TRC-MIR", "TRC-USI", "IC-LUK"), (34, 30, 14, 18, 4)),
    SINGLE_WOMAN: (("TRC-USI", "TRC-BOR", "AC-DEL", "IC-LUK"), (45, 30, 20, 5)),
    FAMILY: (("TRC-BOR", "TRC-USI", "AC-DEL"), (35, 40, 25)),
    UASC: (("TRC-BOR", "TRC-USI", "AC-DEL"), (65, 30, 5)),
}

# Nationalities by profile (percent). Overall this gives roughly Afghanistan 23%, Pakistan
# 20%, Bangladesh 12%, Morocco 10%, then Iraq, Iran, Syria, Algeria, Turkey, Cuba, Burundi,
# India, Nepal and a few from Tunisia, Egypt, Libya and Palestine.
# fmt: off
_NATIONALITIES: dict[str, dict[str, float]] = {
    SINGLE_MAN: {
        "AFG": 18, "PAK": 24, "BGD": 15, "MAR": 12.5, "IRQ": 3, "IRN": 3.5, "SYR": 3,
        "DZA": 5, "TUR": 1.5, "CUB": 2, "BDI": 1.5, "IND": 3.2, "NPL": 2.6, "TUN": 1.8,
        "EGY": 1.8, "LBY": 1.2, "PSE": 1.2,
    },
    FAMILY: {
        "AFG": 38, "IRQ": 16, "IRN": 12, "SYR": 10, "TUR": 8, "PAK": 4, "BDI": 4, "CUB": 3,
        "PSE": 3, "MAR": 1, "LBY": 1,
    },
    UASC: {"AFG": 55, "PAK": 25, "MAR": 8, "BGD": 4, "SYR": 3, "IRQ": 2, "DZA": 2, "EGY": 1},
    SINGLE_WOMAN: {
        "CUB": 25, "BDI": 20, "IRN": 15, "AFG": 10, "MAR": 8, "TUR": 8, "IRQ": 5, "SYR": 5,
        "DZA": 4,
    },
}
# fmt: on

# Shares of individuals; families are drawn as units, so their weight is divided by size.
PEOPLE_SHARES = {SINGLE_MAN: 0.77, SINGLE_WOMAN: 0.02, UASC: 0.04, FAMILY: 0.17}
_COUPLE_SHARE, _SINGLE_MOTHER_SHARE = 0.65, 0.27  # the rest: single fathers
_COUPLE_CHILDREN = ((0, 1, 2, 3, 4), (8, 22, 30, 24, 16))
_SINGLE_PARENT_CHILDREN = ((1, 2, 3, 4), (35, 35, 20, 10))
TWINS_SHARE = 0.015

YEAR_ONLY_SHARE = 0.35  # birth dates recorded as 01.01.YYYY
ESTIMATED_SHARE = 0.08
MONTH_SHARE = 0.02
ORIGINAL_SCRIPT_SHARE = 0.45
HISTORY_DAYS = 6 * 365
# Arrivals swing from year to year (most recent year last) and peak from July to October.
_YEAR_WEIGHTS = (0.9, 0.55, 0.6, 0.95, 1.0, 0.5)
_MONTH_WEIGHTS = (0.5, 0.45, 0.6, 0.75, 0.9, 1.0, 1.25, 1.4, 1.4, 1.3, 0.9, 0.6)

SITE_DRAWS = {kind: Weighted(*sites) for kind, sites in SITES.items()}
NATIONALITY_DRAWS = {
    kind: Weighted(tuple(table), tuple(table.values())) for kind, table in _NATIONALITIES.items()
}
_COUPLE_CHILDREN_DRAW = Weighted(*_COUPLE_CHILDREN)
_SINGLE_PARENT_CHILDREN_DRAW = Weighted(*_SINGLE_PARENT_CHILDREN)
_UASC_AGE_DRAW = Weighted((14, 15, 16, 17), (15, 25, 32, 28))


@dataclass(frozen=True, slots=True)
class Placement:
    """What the members of one unit share at their first registration."""

    profile: str
    nationality: str
    site: str
    registered_on: date
    with_script: bool
    household: int | None


def unit_draw() -> Weighted[str]:
    """Profiles of units (a single person or a family) giving ``PEOPLE_SHARES`` of people."""

    def mean(values: tuple[int, ...], weights: tuple[float, ...]) -> float:
        return sum(v * w for v, w in zip(values, weights, strict=True)) / sum(weights)

    couple = 2 + mean(*_COUPLE_CHILDREN)
    single_parent = 1 + mean(*_SINGLE_PARENT_CHILDREN)
    family_size = _COUPLE_SHARE * couple + (1 - _COUPLE_SHARE) * single_parent
    sizes = {SINGLE_MAN: 1.0, SINGLE_WOMAN: 1.0, UASC: 1.0, FAMILY: family_size}
    kinds = tuple(PEOPLE_SHARES)
    return Weighted(kinds, tuple(PEOPLE_SHARES[kind] / sizes[kind] for kind in kinds))


def registration_day(rng: random.Random, last_day: date, *, leave_room: bool) -> date:
    """A day in the last six years, following the yearly swings and the summer peak.

    ``leave_room`` keeps the last 30 days free, for a later second registration.
    """
    margin = 30 if leave_room else 0
    ceiling = max(_YEAR_WEIGHTS) * max(_MONTH_WEIGHTS)
    while True:
        back = rng.randrange(HISTORY_DAYS - margin) + margin
        day = last_day - timedelta(days=back)
        year_index = len(_YEAR_WEIGHTS) - 1 - min(back // 365, len(_YEAR_WEIGHTS) - 1)
        weight = _YEAR_WEIGHTS[year_index] * _MONTH_WEIGHTS[day.month - 1]
        if rng.random() * ceiling < weight:
            return day


def identities(
    rng: random.Random, kind: str, community: NameCommunity, registered_on: date
) -> list[Identity]:
    """The members of one unit of this profile: one person, or a family."""
    family = spell(rng, pick(rng, community.family))
    if kind in {SINGLE_MAN, SINGLE_WOMAN}:
        sex = "M" if kind == SINGLE_MAN else "F"
        return [_person(rng, community, sex, family, registered_on, _adult_age(rng))]
    if kind == UASC:
        sex = "M" if rng.random() < 0.93 else "F"
        age = _UASC_AGE_DRAW.draw(rng) if rng.random() < 0.85 else rng.randint(10, 13)
        return [_person(rng, community, sex, family, registered_on, age)]
    return _family(rng, community, family, registered_on)


def _adult_age(rng: random.Random) -> int:
    # Mostly 18 to 35, a tail to the mid-forties and a few older.
    return min(18 + int(rng.gammavariate(2.2, 4.2)), 68)


def _person(
    rng: random.Random,
    community: NameCommunity,
    sex: str,
    family: Spelled,
    registered_on: date,
    age: int,
    father: Spelled | None = None,
    mother: Spelled | None = None,
    *,
    born: date | None = None,
    taken: frozenset[str] = frozenset(),
) -> Identity:
    """Someone of this age (or born on ``born``); the parents' given names as given, or
    drawn. The given name is none of ``taken`` (a brother's or sister's), as parents name
    their children."""
    names = community.male if sex == "M" else community.female
    name = pick(rng, names)
    for _ in range(20):
        if name.key not in taken:
            break
        name = pick(rng, names)
    given = spell(rng, name)
    father = father or spell(rng, pick(rng, community.male))
    mother = mother or spell(rng, pick(rng, community.female))
    if born is None:
        born = years_before(registered_on, age) - timedelta(days=rng.randrange(365))
    return Identity(given, family, father, mother, sex, born)


def _children_born(rng: random.Random, count: int, registered_on: date, eldest: int) -> list[date]:
    """Birth dates of a family's children, youngest first: one every two or three years
    (twins now and then), the eldest at most ``eldest`` years old."""
    ages = [rng.randrange(2 * 365)]
    for _ in range(count - 1):
        twins = rng.random() < TWINS_SHARE
        ages.append(ages[-1] + (0 if twins else 400 + int(rng.gammavariate(2.0, 220))))
    limit = eldest * 365 + 364
    if ages[-1] > limit:  # a young mother: the same order, closer together
        ages = [age * limit // ages[-1] for age in ages]
    return [registered_on - timedelta(days=age) for age in ages]


def _family(
    rng: random.Random, community: NameCommunity, family: Spelled, registered_on: date
) -> list[Identity]:
    """A couple or a single parent, and their children; one family name for all."""
    draw = rng.random()
    mother_age = min(19 + int(rng.gammavariate(2.5, 3.6)), 50)
    parents: list[Identity] = []
    if draw < _COUPLE_SHARE:
        children = _COUPLE_CHILDREN_DRAW.draw(rng)
        father_age = mother_age + rng.randint(0, 8)
        parents.append(_person(rng, community, "M", family, registered_on, father_age))
        parents.append(_person(rng, community, "F", family, registered_on, mother_age))
        dad, mum = parents[0].given, parents[1].given
    elif draw < _COUPLE_SHARE + _SINGLE_MOTHER_SHARE:
        children = _SINGLE_PARENT_CHILDREN_DRAW.draw(rng)
        parents.append(_person(rng, community, "F", family, registered_on, mother_age))
        dad, mum = _absent_parent(rng, community.male), parents[0].given
    else:
        children = _SINGLE_PARENT_CHILDREN_DRAW.draw(rng)
        father_age = mother_age + rng.randint(0, 8)
        parents.append(_person(rng, community, "M", family, registered_on, father_age))
        dad, mum = parents[0].given, _absent_parent(rng, community.female)
    parents[0] = replace(parents[0], relationship="head")
    if len(parents) == 2:
        parents[1] = replace(parents[1], relationship="spouse")
    eldest = max(0, min(17, mother_age - 17))
    kids: list[Identity] = []
    for born in _children_born(rng, children, registered_on, eldest):
        sex = "M" if rng.random() < 0.52 else "F"
        taken = frozenset(kid.given.name.key for kid in kids if kid.sex == sex)
        kids.append(
            _person(rng, community, sex, family, registered_on, 0, dad, mum, born=born, taken=taken)
        )
    return parents + [replace(kid, relationship="child") for kid in kids]


def _absent_parent(rng: random.Random, names: tuple[Name, ...]) -> Spelled:
    return spell(rng, pick(rng, names))


def _recorded_birth(rng: random.Random, born: date, registered_on: date) -> tuple[date, str]:
    draw = rng.random()
    if draw < YEAR_ONLY_SHARE:
        return date(born.year, 1, 1), "year"
    if draw < YEAR_ONLY_SHARE + ESTIMATED_SHARE:
        # A stated age: the registration day that many years back.
        return years_before(registered_on, age_on(born, registered_on)), "estimated"
    if draw < YEAR_ONLY_SHARE + ESTIMATED_SHARE + MONTH_SHARE:
        return date(born.year, born.month, 1), "month"
    return born, "exact"


def first_record(
    rng: random.Random, identity: Identity, person_id: int, placement: Placement, key: str
) -> SyntheticRecord:
    """The individual's first registration, as the clerk wrote it down."""
    registered_on = placement.registered_on
    birth_date, precision = _recorded_birth(rng, identity.birth_date, registered_on)
    if placement.profile == UASC and age_on(birth_date, registered_on) >= 18:
        # 01.01 of the birth year can make a 17-year-old look 18: a clerk takes the stated
        # age instead, or the child would not be placed as a child.
        birth_date = years_before(registered_on, age_on(identity.birth_date, registered_on))
        precision = "estimated"
    script = placement.with_script
    age = age_on(identity.birth_date, registered_on)
    phone_chance = phone_share(placement.profile, identity.relationship, age)
    phone = phone_number(rng, placement.nationality) if rng.random() < phone_chance else ""
    mother = identity.mother if rng.random() < MOTHER_RECORDED_SHARE else None
    return SyntheticRecord(
        record_key=key,
        true_person_id=person_id,
        household_id=placement.household,
        registration=1,
        profile=placement.profile,
        given_name=identity.given.latin,
        family_name=identity.family.latin,
        father_name=identity.father.latin,
        mother_name=mother.latin if mother else "",
        given_name_original=identity.given.name.original if script else "",
        family_name_original=identity.family.name.original if script else "",
        father_name_original=identity.father.name.original if script else "",
        mother_name_original=mother.name.original if script and mother else "",
        sex=identity.sex,
        birth_date=birth_date,
        birth_date_precision=precision,
        nationality=placement.nationality,
        site_code=placement.site,
        registered_on=registered_on,
        relationship=identity.relationship,
        birth_place=place_written(rng, identity.birth_place),
        phone=phone,
        document_number=passport_number(rng, placement.nationality, age),
    )
