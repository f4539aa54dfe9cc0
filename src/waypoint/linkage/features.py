"""What linkage compares: a record's raw fields turned into comparable features.

A record arrives as a mapping from a role (``given_name``, ``birth_date``, ...) to the text
entered. Names go through ``waypoint.people.names`` so that scripts, romanisations,
particles and token order stop mattering; dates are split into year, month and day with a
flag for the placeholder dates (01.01.YYYY) that registrations use when only the year is
known. Everything here is pure: no database, no settings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache
from itertools import combinations
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from waypoint.people.names import fold, name_tokens, skeleton

ROLES = (
    "given_name",
    "family_name",
    "full_name",
    "father_name",
    "mother_name",
    "birth_date",
    "birth_year",
    "birth_place",
    "sex",
    "nationality",
    "document_number",
    "phone",
)

# A blocking key (two name sounds and a year, a sound and a date) held by more records
# than this is dropped: its block would be namesakes by the thousand (Mohammad Ahmadi,
# 1990), whose pairs the model cannot tell apart anyway, and whose true pairs other
# keys (a real date, a document, a phone) still bring together.
BLOCK_LIMIT = 100

# Blocking keys that are lists: a pair is compared when the lists share an element.
LIST_FEATURES = ("name_years", "name_pair_years", "name_triples", "name_dates", "name_rare")

# Columns every features row has, in this order; free-text columns follow as text_<n>.
FEATURE_COLUMNS = (
    "given_name",
    "given_key",
    "given_key1",
    "given_key_last",
    "given_sound",
    "family_name",
    "family_key",
    "family_key1",
    "family_key_last",
    "family_sound",
    "given_common",
    "family_common",
    "given_very_common",
    "family_very_common",
    "father_name",
    "father_key",
    "mother_name",
    "mother_key",
    "birth_place",
    "birth_place_key",
    "all_tokens",
    "all_keys",
    "all_sounds",
    "name_years",
    "name_pair_years",
    "name_triples",
    "name_dates",
    "name_rare",
    "birth_date",
    "birth_year",
    "birth_month",
    "birth_day",
    "birth_placeholder",
    "birth_year_next",
    "sex",
    "nationality",
    "block_group",
    "document_number",
    "phone",
)

PHONE_DIGITS = 8  # the subscriber part; country and trunk prefixes are written many ways

# A name (its skeleton) held by at least this share of the records of one nationality,
# and by at least COMMON_HOLDERS of them, is a common name (``with_common_names``); from
# VERY_COMMON_SHARE on, a very common one (Mohammad, Ahmad, Khan).
COMMON_SHARE = 0.01
VERY_COMMON_SHARE = 0.05
COMMON_HOLDERS = 5

# Names and dates repeat a lot in a list; each distinct one is worked out once.
NAME_CACHE_SIZE = 1 << 20  # the engine clears the caches once a list's features are built

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_DOTTED = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})\.?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")

_SEXES = {
    "m": "M",
    "male": "M",
    "man": "M",
    "muski": "M",
    "f": "F",
    "female": "F",
    "woman": "F",
    "z": "F",
    "zenski": "F",
}


@lru_cache(maxsize=NAME_CACHE_SIZE)
def parse_birth_date(text: str) -> tuple[int | None, int | None, int | None]:
    """Year, month and day of a date written as ISO 8601, DD.MM.YYYY or YYYYMMDD.

    A bare year, or a date whose day or month is impossible, gives ``(year, None, None)``;
    anything unreadable gives three ``None``: one bad cell in a list must not stop the
    others being linked.
    """
    value = text.strip()
    if not value:
        return None, None, None
    if match := _ISO.match(value):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DOTTED.match(value):
        day, month, year = (int(part) for part in match.groups())
    elif match := _COMPACT.match(value):
        year, month, day = (int(part) for part in match.groups())
    elif match := _YEAR.match(value):
        year = int(match.group(1))
        return (year, None, None) if 1850 <= year <= 2200 else (None, None, None)
    else:
        return None, None, None
    try:
        date(year, month, day)
    except ValueError:
        # 19900096, 31.02.1990: the day or month is wrong, the year is still evidence.
        return (year, None, None) if 1850 <= year <= 2200 else (None, None, None)
    return year, month, day


def is_placeholder(month: int | None, day: int | None) -> bool:
    """A date that stands for "born in this year": 01.01., or no day and month at all."""
    return (month, day) in {(1, 1), (None, None)}


def normalise_document(text: str) -> str | None:
    """Upper-case letters and digits only: ``p 123-456`` and ``P123456`` are one number."""
    value = re.sub(r"[^0-9A-Z]", "", fold(text).upper())
    return value or None


def normalise_phone(text: str) -> str | None:
    """The last ``PHONE_DIGITS`` digits: +387 61 234 567 and 061/234-567 agree."""
    digits = re.sub(r"\D", "", fold(text))
    if len(digits) < 6:
        return None
    return digits[-PHONE_DIGITS:]


def normalise_sex(text: str) -> str | None:
    return _SEXES.get(fold(text))


# A coarser key than the skeleton, for consonants that romanisations and dialects
# exchange beyond the skeleton's rules: Jamal / Gamal (Egyptian g for j), Qasim / Kasim /
# Gasim, Tariq / Tarik, Zubair / Dubair, Bilal / Pilal.
_SOUNDS = str.maketrans("jgqcdpfvwuz", "kkkktbbbbbs")


def sound(key: str) -> str:
    """The coarse sound of one skeleton key (``jml`` and ``gml`` -> ``kml``)."""
    lead, body = (key[0], key[1:]) if key[:1] in {"a", "y"} else ("", key)
    coarse = re.sub(r"(.)\1+", r"\1", body.translate(_SOUNDS))
    return (lead + coarse) or key


# Registration officers in BiH write names by ear in Bosnian Latin: š, č, ć, ž and dž are
# sh, ch, ch, zh and j, and j after a vowel and before a consonant is y (Husajn = Husayn,
# Marjam = Maryam). Read that way before folding, so the skeletons agree.
_BOSNIAN_LETTERS = (
    ("dž", "j"),
    ("š", "sh"),
    ("č", "ch"),
    ("ć", "ch"),
    ("ž", "zh"),
    ("ş", "sh"),  # and Turkish: Ateş = Atesh, Çelik = Chelik
    ("ç", "ch"),
)
_BOSNIAN_J = re.compile(r"(?<=[aeiou])j(?=[bcdfghklmnpqrstvwxz]|$)")


def _as_bosnian_reads(text: str) -> str:
    lowered = text.lower()
    for letters, sound_of in _BOSNIAN_LETTERS:
        lowered = lowered.replace(letters, sound_of)
    return " ".join(_BOSNIAN_J.sub("y", word) for word in lowered.split())


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _name_parts(text: str) -> tuple[str | None, str | None, str | None, str | None, str | None]:
    """Folded tokens, their skeleton keys, the first and the last key (for blocking), and
    the keys' coarse sounds."""
    tokens = name_tokens(_as_bosnian_reads(text)) if text else []
    if not tokens:
        return None, None, None, None, None
    keys = [_skeleton(token) for token in tokens]
    keys = [key for key in keys if key]
    if not keys:
        return " ".join(tokens), None, None, None, None
    sounds = " ".join(_sound(key) for key in keys)
    return " ".join(tokens), " ".join(keys), keys[0], keys[-1], sounds


# Tokens repeat far more than whole names: each one's key and sound is worked out once.
_skeleton = lru_cache(maxsize=NAME_CACHE_SIZE)(skeleton)
_sound = lru_cache(maxsize=NAME_CACHE_SIZE)(sound)


def _order_free(given: str | None, family: str | None) -> tuple[str | None, str | None, str | None]:
    """The tokens, the skeleton keys and the sounds of a whole name (the given and the
    family name's folded tokens), sorted so that swaps agree."""
    tokens = sorted(f"{given or ''} {family or ''}".split())
    keys = sorted({key for key in (_skeleton(token) for token in tokens) if key})
    sounds = sorted({_sound(key) for key in keys})
    return " ".join(tokens) or None, " ".join(keys) or None, " ".join(sounds) or None


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _blocking_keys(
    sounds: str | None,
    father: str | None,
    year: int | None,
    real_date: str | None,
    initials: str | None,
) -> tuple[
    list[str] | None, list[str] | None, list[str] | None, list[str] | None, list[str] | None
]:
    """Keys that put two records in one block wherever their names sit (given, family or
    father's name: an Afghan without a family name is written with his father's name in
    its place) and however they are spelt within a sound: every name sound, and every two,
    with the birth year (and the year after, so that years one apart meet); every three
    name sounds, whatever the year; every name sound with a real date of birth (not a
    placeholder). And for rare names and rare spellings (``name_rare``): every name sound
    alone, whatever the date (a date left out or mistyped), and the initials of the given
    and family name's sounds with the birth year (Isam Hosaini 1947 and Iam Huwejni 1947,
    two spellings that share no sound). The engine drops the keys too many records share
    (``BLOCK_LIMIT``), so a rare name brings its holders together alone and a common one
    needs company."""
    words = sorted(set(sounds.split()) | ({father} if father else set())) if sounds else []
    singles = pairs = None
    if words and year is not None:
        years = (year, year + 1)
        singles = [f"{word} {when}" for word in words for when in years]
        couples = [f"{a} {b}" for a, b in combinations(words, 2)]
        pairs = [f"{couple} {when}" for couple in couples for when in years] or None
    triples = [" ".join(three) for three in combinations(words, 3)] or None
    dates = [f"{word} {real_date}" for word in words] if words and real_date else None
    rare = list(words)
    if initials and year is not None:
        rare += [f"{initials} {when}" for when in (year, year + 1)]
    return singles, pairs, triples, dates, rare or None


def clear_caches() -> None:
    """Free the name caches (a large list fills them; the next list starts afresh)."""
    for cached in (_name_parts, _blocking_keys, _skeleton, _sound):
        cached.cache_clear()


def _split_full_name(text: str) -> tuple[str, str]:
    """A full name with no given/family split: the first word given, the rest family.

    Swaps are caught anyway by the order-free ``all_tokens`` and the crossed comparisons.
    """
    words = text.split()
    if len(words) < 2:
        return text, ""
    return words[0], " ".join(words[1:])


def record_features(
    raw: Mapping[str, str], *, text_columns: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The comparison features of one record.

    ``raw`` maps roles from ``ROLES`` (and the names in ``text_columns``) to the text as
    entered; absent or blank roles give ``None`` features. Free-text columns come out
    folded as ``text_0``, ``text_1``, ... in the order of ``text_columns``.
    """
    given = (raw.get("given_name") or "").strip()
    family = (raw.get("family_name") or "").strip()
    full = (raw.get("full_name") or "").strip()
    if full and not (given or family):
        given, family = _split_full_name(full)
    given_name, given_key, given_key1, given_key_last, given_sound = _name_parts(given)
    family_name, family_key, family_key1, family_key_last, family_sound = _name_parts(family)
    father_name, father_key, *_ = _name_parts((raw.get("father_name") or "").strip())
    mother_name, mother_key, *_ = _name_parts((raw.get("mother_name") or "").strip())
    birth_place, birth_place_key, *_ = _name_parts((raw.get("birth_place") or "").strip())

    all_tokens, all_keys, all_sounds = _order_free(given_name, family_name)

    year, month, day = parse_birth_date(raw.get("birth_date") or "")
    if year is None:
        year, month, day = parse_birth_date((raw.get("birth_year") or "").strip()[:4])
    features: dict[str, Any] = {
        "given_name": given_name,
        "given_key": given_key,
        "given_key1": given_key1,
        "given_key_last": given_key_last,
        "given_sound": given_sound,
        "family_name": family_name,
        "family_key": family_key,
        "family_key1": family_key1,
        "family_key_last": family_key_last,
        "family_sound": family_sound,
        "given_common": None,  # known only with the whole list: ``with_common_names``
        "family_common": None,
        "given_very_common": None,
        "family_very_common": None,
        "father_name": father_name,
        "father_key": father_key,
        "mother_name": mother_name,
        "mother_key": mother_key,
        "birth_place": birth_place,
        "birth_place_key": birth_place_key,
        "all_tokens": all_tokens,
        "all_keys": all_keys,
        "all_sounds": all_sounds,
        "birth_date": (f"{year:04d}-{month:02d}-{day:02d}" if year and month and day else None),
        "birth_year": year,
        "birth_month": month,
        "birth_day": day,
        "birth_placeholder": None if year is None else is_placeholder(month, day),
        "birth_year_next": None if year is None else year + 1,
        "sex": normalise_sex(raw.get("sex") or ""),
        "nationality": fold(raw.get("nationality") or "").upper() or None,
        "document_number": normalise_document(raw.get("document_number") or ""),
        "phone": normalise_phone(raw.get("phone") or ""),
    }
    # For blocking: sex and nationality in one value, blank ones included.
    features["block_group"] = f"{features['sex'] or ''}:{features['nationality'] or ''}"
    father_sound = _sound(father_key.split()[0]) if father_key else None
    real_date = features["birth_date"] if not features["birth_placeholder"] else None
    initials = None
    if given_sound and family_sound:
        initials = "".join(sorted((given_sound[0], family_sound[0])))
    keys = _blocking_keys(all_sounds, father_sound, year, real_date, initials)
    (
        features["name_years"],
        features["name_pair_years"],
        features["name_triples"],
        features["name_dates"],
        features["name_rare"],
    ) = keys
    for index, column in enumerate(text_columns):
        features[f"text_{index}"] = fold(raw.get(column) or "") or None
    return features


def capped(
    column: pa.ChunkedArray, limit: int, refine: pa.ChunkedArray | None = None
) -> pa.ChunkedArray:
    """A list column of blocking keys without the keys more than ``limit`` rows hold.

    With ``refine`` (one string per row, such as sex and nationality), a crowded key is
    first made finer with the row's value (``mhmt aht 1989`` becomes ``mhmt aht 1989|M:PAK``)
    and dropped only if that is still crowded: the namesakes of one year are many, those
    of one year, sex and nationality fewer.
    """
    lists = column.combine_chunks()
    flat = pc.list_flatten(lists)
    if len(flat) == 0:
        return column
    rows = pc.list_parent_indices(lists)
    crowded = _crowded(flat, limit)
    if len(crowded) == 0:
        return column
    is_crowded = pc.is_in(flat, value_set=crowded)
    if refine is not None:
        finer = pc.binary_join_element_wise(
            flat, pc.take(pc.fill_null(refine.combine_chunks(), ""), rows), "|"
        )
        flat = pc.if_else(is_crowded, finer, flat)
        still = _crowded(pc.filter(flat, is_crowded), limit)
        is_crowded = pc.and_(is_crowded, pc.is_in(flat, value_set=still))
    keep = pc.invert(is_crowded)
    kept = np.bincount(rows.to_numpy()[keep.to_numpy(zero_copy_only=False)], minlength=len(lists))
    offsets = np.concatenate([[0], np.cumsum(kept)]).astype(np.int32)
    rebuilt = pa.ListArray.from_arrays(pa.array(offsets), flat.filter(keep), mask=pc.is_null(lists))
    return pa.chunked_array([rebuilt])


def _crowded(keys: pa.Array, limit: int) -> pa.Array:
    counts = pc.value_counts(keys)
    return counts.field("values").filter(pc.greater(counts.field("counts"), limit))


def value_counts(values: pa.Array | pa.ChunkedArray) -> dict[Any, int]:
    """How many times each value occurs (nulls left out)."""
    counts = pc.value_counts(pc.drop_null(values))
    return dict(
        zip(counts.field("values").to_pylist(), counts.field("counts").to_pylist(), strict=True)
    )


def nationality_pairs(*tables: pa.Table) -> int:
    """How many pairs of records of one nationality there are: within one table of
    features, or across two (a link). Records without a nationality make none."""
    counts = [value_counts(table["nationality"]) for table in tables]
    if len(counts) == 1:
        return sum(count * (count - 1) // 2 for count in counts[0].values())
    return sum(count * counts[1].get(value, 0) for value, count in counts[0].items())


def _held(table: pa.Table, part: str) -> pa.ChunkedArray:
    """``NATIONALITY|skeleton`` of each record's given or family name (null without one)."""
    return pc.binary_join_element_wise(
        pc.fill_null(table["nationality"], ""), table[f"{part}_key"], "|"
    )


def common_names(table: pa.Table) -> list[str]:
    """The common names of a list of features: ``given:NATIONALITY|skeleton`` (or
    ``family:``) for a common one, ``given+:``... for a very common one.

    Two Afghans both written Mohammad are weaker evidence than two both written Zabihullah:
    a name is common when at least ``COMMON_SHARE`` of the records of its nationality (and
    ``COMMON_HOLDERS`` records) hold its skeleton as given or as family name, very common
    from ``VERY_COMMON_SHARE``. There are at most 1 / ``COMMON_SHARE`` of them per
    nationality and name part, so a trained model carries them (``waypoint_common_names``)
    to score new records the same way.
    """
    totals = value_counts(pc.fill_null(table["nationality"], ""))
    found: set[str] = set()
    for part in ("given", "family"):
        for held, count in value_counts(pc.drop_null(_held(table, part))).items():
            total = totals[held.split("|")[0]]
            if count >= COMMON_HOLDERS and count >= COMMON_SHARE * total:
                found.add(f"{part}:{held}")
                if count >= VERY_COMMON_SHARE * total:
                    found.add(f"{part}+:{held}")
    return sorted(found)


_BANDS = (("", "common"), ("+", "very_common"))


def with_common_names(table: pa.Table, common: Sequence[str]) -> pa.Table:
    """``given_common``, ``given_very_common`` and the family name's alike, filled in from
    ``common`` (from ``common_names``); a record without the name has no flag."""
    known = pa.array(list(common), type=pa.string())
    for part in ("given", "family"):
        held = _held(table, part)
        for mark, band in _BANDS:
            named = pc.binary_join_element_wise(f"{part}{mark}:", held, "")
            flags = pc.if_else(pc.is_null(named), None, pc.is_in(named, value_set=known))
            column = f"{part}_{band}"
            table = table.set_column(table.schema.get_field_index(column), column, flags)
    return table


def mark_common(features: dict[str, Any], common: Sequence[str] | set[str]) -> dict[str, Any]:
    """``with_common_names`` for one record's features (search before register)."""
    known = common if isinstance(common, set) else set(common)
    nationality = features.get("nationality") or ""
    for part in ("given", "family"):
        key = features.get(f"{part}_key")
        for mark, band in _BANDS:
            name = f"{part}{mark}:{nationality}|{key}"
            features[f"{part}_{band}"] = None if key is None else name in known
    return features
