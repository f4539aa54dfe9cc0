"""Second registrations: the same individual written down again, with real-world noise.

The noise is what registrations in the Balkans show: another romanisation of a name,
given and family name swapped, a family or father's name left out, a birth date written as
01.01.YYYY, with day and month swapped or a year off, a typo, or only the original script
written differently (or not at all).
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from waypoint.demo.generator.details import (
    mother_again,
    passport_again,
    phone_again,
    place_again,
)
from waypoint.demo.generator.records import (
    Identity,
    Spelled,
    SyntheticRecord,
    Weighted,
    years_before,
)

# Kinds of noise with relative weights; "script_only" is always applied alone.
# fmt: off
NOISE_KINDS = (
    ("romanisation", 30), ("swap", 8), ("family_missing", 8), ("father_missing", 7),
    ("father_variant", 6), ("birth_year_only", 12), ("birth_day_month_swap", 6),
    ("birth_year_shift", 8), ("typo", 10), ("script_only", 5),
)
# fmt: on
_NOISE_COUNT_DRAW = Weighted((1, 2, 3), (50, 35, 15))
_BIRTH_NOISE = {"birth_year_only", "birth_day_month_swap", "birth_year_shift"}
# Letters that the same Arabic-script name is typed with on different keyboards.
_SCRIPT_SPELLINGS = str.maketrans(
    {
        "\N{ARABIC LETTER ALEF WITH HAMZA ABOVE}": "\N{ARABIC LETTER ALEF}",
        "\N{ARABIC LETTER ALEF WITH HAMZA BELOW}": "\N{ARABIC LETTER ALEF}",
        "\N{ARABIC LETTER ALEF WITH MADDA ABOVE}": "\N{ARABIC LETTER ALEF}",
        "\N{ARABIC LETTER TEH MARBUTA}": "\N{ARABIC LETTER HEH}",
        "\N{ARABIC LETTER ALEF MAKSURA}": "\N{ARABIC LETTER YEH}",
        "\N{ARABIC LETTER YEH}": "\N{ARABIC LETTER FARSI YEH}",
        "\N{ARABIC LETTER FARSI YEH}": "\N{ARABIC LETTER YEH}",
        "\N{ARABIC LETTER KAF}": "\N{ARABIC LETTER KEHEH}",
        "\N{ARABIC LETTER KEHEH}": "\N{ARABIC LETTER KAF}",
        "\N{ARABIC LETTER HEH GOAL}": "\N{ARABIC LETTER HEH}",
        "\N{ARABIC LETTER YEH BARREE}": "\N{ARABIC LETTER FARSI YEH}",
    }
)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def second_record(
    rng: random.Random,
    first: SyntheticRecord,
    identity: Identity,
    script: str,
    site: str,
    registered_on: date,
) -> SyntheticRecord:
    """The same individual registered again, later, elsewhere and a little differently.

    The result always differs from ``first`` in a name, an original-script name or the
    birth date; ``noise`` lists the kinds of difference applied.
    """
    record = replace(first, registration=2, site_code=site, registered_on=registered_on)
    applied: list[str] = []
    for kind in _noise_kinds(rng):
        changed = _apply(rng, kind, record, identity, script)
        if changed != record:
            record = changed
            applied.append(kind)
    if not applied or _written_alike(first, record):
        # The kinds drawn changed nothing here (say, a date already 01.01), or undid each
        # other (a respelling and a typo that lands on the first spelling).
        record = replace(record, given_name=typo(rng, record.given_name))
        applied.append("typo")
    mother = mother_again(rng, first.mother_name, identity.mother.latin)
    return replace(
        record,
        mother_name=mother,
        mother_name_original=(
            (record.mother_name_original or identity.mother.name.original)
            if mother and record.given_name_original
            else ""
        ),
        birth_place=place_again(rng, first.birth_place, identity.birth_place),
        phone=phone_again(rng, first.phone, first.nationality),
        document_number=passport_again(rng, first.document_number),
        noise=tuple(applied),
    )


_WRITTEN = (
    "given_name",
    "family_name",
    "father_name",
    "given_name_original",
    "family_name_original",
    "birth_date",
    "birth_date_precision",
)


def _written_alike(one: SyntheticRecord, other: SyntheticRecord) -> bool:
    return all(getattr(one, field) == getattr(other, field) for field in _WRITTEN)


def _noise_kinds(rng: random.Random) -> list[str]:
    kinds = [kind for kind, _ in NOISE_KINDS]
    weights = [float(weight) for _, weight in NOISE_KINDS]
    chosen: list[str] = []
    for _ in range(_NOISE_COUNT_DRAW.draw(rng)):
        kind = Weighted(kinds, weights).draw(rng)
        weights[kinds.index(kind)] = 0.0
        if kind == "script_only":
            return [kind]
        chosen.append(kind)
    return chosen


def _apply(
    rng: random.Random, kind: str, record: SyntheticRecord, identity: Identity, script: str
) -> SyntheticRecord:
    if kind == "romanisation":
        if rng.random() < 0.6 and len(identity.given.name.variants) > 1:
            return replace(record, given_name=_respell(rng, identity.given, record.given_name))
        if record.family_name:
            return replace(record, family_name=_respell(rng, identity.family, record.family_name))
        return record
    if kind == "swap":
        if not record.family_name:
            return record
        return replace(
            record,
            given_name=record.family_name,
            family_name=record.given_name,
            given_name_original=record.family_name_original,
            family_name_original=record.given_name_original,
        )
    if kind == "family_missing":
        return replace(record, family_name="", family_name_original="")
    if kind == "father_missing":
        return replace(record, father_name="", father_name_original="")
    if kind == "father_variant":
        return replace(record, father_name=_respell(rng, identity.father, record.father_name))
    if kind in _BIRTH_NOISE:
        return _birth_noise(rng, kind, record)
    if kind == "typo":
        if rng.random() < 0.5 and record.family_name:
            return replace(record, family_name=typo(rng, record.family_name))
        return replace(record, given_name=typo(rng, record.given_name))
    return _script_noise(rng, record, identity, script)


def _respell(rng: random.Random, spelled: Spelled, current: str) -> str:
    """Another Latin variant than the one written now and the one written the first time."""
    variants = spelled.name.variants
    others = [v for i, v in enumerate(variants) if v != current and i != spelled.variant]
    return rng.choice(others) if others else current


def _birth_noise(rng: random.Random, kind: str, record: SyntheticRecord) -> SyntheticRecord:
    born = record.birth_date
    if kind == "birth_year_only":
        return replace(record, birth_date=date(born.year, 1, 1), birth_date_precision="year")
    if kind == "birth_day_month_swap":
        if born.day > 12 or born.day == born.month:
            return record
        swapped = date(born.year, born.day, born.month)
        return replace(record, birth_date=swapped, birth_date_precision="exact")
    shift = rng.choice((-1, 1))
    return replace(record, birth_date=years_before(born, shift))


def _script_noise(
    rng: random.Random, record: SyntheticRecord, identity: Identity, script: str
) -> SyntheticRecord:
    """Only the original script differs: written this time, typed differently, or left out."""
    if script == "latin":
        return record
    if not record.given_name_original:
        return replace(
            record,
            given_name_original=identity.given.name.original,
            family_name_original=identity.family.name.original,
            father_name_original=identity.father.name.original if record.father_name else "",
            mother_name_original=identity.mother.name.original if record.mother_name else "",
        )
    respelled = record.given_name_original.translate(_SCRIPT_SPELLINGS)
    if respelled != record.given_name_original and rng.random() < 0.6:
        return replace(
            record,
            given_name_original=respelled,
            family_name_original=record.family_name_original.translate(_SCRIPT_SPELLINGS),
            father_name_original=record.father_name_original.translate(_SCRIPT_SPELLINGS),
            mother_name_original=record.mother_name_original.translate(_SCRIPT_SPELLINGS),
        )
    return replace(
        record,
        given_name_original="",
        family_name_original="",
        father_name_original="",
        mother_name_original="",
    )


def typo(rng: random.Random, text: str) -> str:
    """One character edited: replaced, dropped, doubled or swapped with its neighbour."""
    if len(text) < 3:
        return text + rng.choice(_LETTERS)
    at = rng.randrange(1, len(text) - 1)
    edit = rng.randrange(4)
    if edit == 0:
        letter = rng.choice([c for c in _LETTERS if c != text[at].lower()])
        return text[:at] + letter + text[at + 1 :]
    if edit == 1:
        return text[:at] + text[at + 1 :]
    if edit == 2:
        return text[:at] + text[at] + text[at:]
    if text[at] == text[at + 1]:
        return text[:at] + text[at + 1 :]
    return text[:at] + text[at + 1] + text[at] + text[at + 2 :]
