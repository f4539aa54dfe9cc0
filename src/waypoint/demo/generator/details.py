"""What registrations in Bosnia and Herzegovina record besides names, sex and dates.

Most adults arrive with a phone, mostly with a SIM card bought on the way, so a number
seen at one registration is often gone at the next. Few carry a passport, and how few
depends on the route: those who could fly in (Turks, Cubans, Iranians) mostly do. The
mother's name and the place of birth are asked for, but clerks leave them out now and
then, and write a place the way they heard it.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

from waypoint.demo.generator.records import (
    FAMILY,
    SINGLE_WOMAN,
    UASC,
    Identity,
    Spelled,
    pick,
    spell,
)
from waypoint.demo.names import Name

MOTHER_RECORDED_SHARE = 0.7  # of registrations, each one on its own
PLACE_RECORDED_SHARE = 0.8
PLACE_RESPELLED = 0.25  # a second registration writes a place another way
SAME_PLACE_IN_FAMILY = 0.7  # a family member born where the head was

# Who has a phone number recorded at a first registration.
PHONE_SHARES = {SINGLE_WOMAN: 0.75, UASC: 0.5}
SINGLE_MAN_PHONE_SHARE = 0.7
HEAD_PHONE_SHARE = 0.85  # of a family's head; the spouse and children rarely have their own
SPOUSE_PHONE_SHARE = 0.3
CHILD_PHONE_SHARE = 0.2  # from 16
FOREIGN_SIM_SHARE = 0.15  # still the SIM card from home
# At a second registration: the same number, another number, or none recorded.
PHONE_KEPT, PHONE_CHANGED = 0.4, 0.35

# Adults with a passport number recorded, by nationality.
DOCUMENT_SHARES = {
    "CUB": 0.85, "TUR": 0.6, "BDI": 0.4, "IRN": 0.35, "IND": 0.3, "NPL": 0.3, "EGY": 0.3,
    "MAR": 0.25, "TUN": 0.25, "DZA": 0.2,
}  # fmt: skip
OTHER_DOCUMENT_SHARE = 0.08
DOCUMENT_SHOWN_AGAIN = 0.7
DOCUMENT_MISTYPED = 0.05

_BIH_MOBILE = ("60", "61", "62", "63", "64", "65", "66")
_CALLING_CODES = {
    "AFG": "93", "PAK": "92", "BGD": "880", "MAR": "212", "IRQ": "964", "IRN": "98",
    "SYR": "963", "DZA": "213", "TUR": "90", "CUB": "53", "BDI": "257", "IND": "91",
    "NPL": "977", "TUN": "216", "EGY": "20", "LBY": "218", "PSE": "970",
}  # fmt: skip
_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"
_BIH_PREFIX = re.compile(r"^(?:\+387|00387|0)")


def _digits(rng: random.Random, count: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(count))


def phone_number(rng: random.Random, nationality: str) -> str:
    """A new mobile number, written one of the ways clerks write numbers."""
    code = _CALLING_CODES.get(nationality)
    if code and rng.random() < FOREIGN_SIM_SHARE:
        digits = _digits(rng, 9)
        return f"+{code} {digits[:3]} {digits[3:]}"
    return _bih_written(rng, rng.choice(_BIH_MOBILE) + _digits(rng, rng.choice((6, 7))))


def _bih_written(rng: random.Random, national: str) -> str:
    """A Bosnian mobile number (``61234567``: operator prefix and subscriber) as written."""
    prefix, rest = national[:2], national[2:]
    style = rng.randrange(4)
    if style == 0:
        return f"+387 {prefix} {rest[:3]} {rest[3:]}"
    if style == 1:
        return f"0{prefix} {rest[:3]} {rest[3:]}"
    if style == 2:
        return f"0{prefix}/{rest[:3]}-{rest[3:]}"
    return f"00387{national}"


def mother_again(rng: random.Random, first: str, written: str) -> str:
    """The mother's name at a second registration: as written the first time (or, if it
    was left out then, as ``written``), or left out again."""
    if rng.random() >= MOTHER_RECORDED_SHARE:
        return ""
    return first or written


def phone_again(rng: random.Random, phone: str, nationality: str) -> str:
    """The number recorded at a second registration: the same one (perhaps written another
    way), a new one, or none."""
    draw = rng.random()
    if phone and draw < PHONE_KEPT:
        if phone.startswith("+") and not phone.startswith("+387"):
            return phone
        return _bih_written(rng, _BIH_PREFIX.sub("", re.sub(r"[^\d+]", "", phone)))
    if draw < PHONE_KEPT + PHONE_CHANGED:
        return phone_number(rng, nationality)
    return ""


def phone_share(profile: str, relationship: str, age: int) -> float:
    """The chance that this member of a unit has a number of their own recorded."""
    if profile != FAMILY:
        return PHONE_SHARES.get(profile, SINGLE_MAN_PHONE_SHARE)
    if relationship == "head":
        return HEAD_PHONE_SHARE
    if relationship == "spouse":
        return SPOUSE_PHONE_SHARE
    return CHILD_PHONE_SHARE if age >= 16 else 0.0


def passport_number(rng: random.Random, nationality: str, age: int) -> str:
    """A passport number, or none: children's are not recorded here."""
    share = DOCUMENT_SHARES.get(nationality, OTHER_DOCUMENT_SHARE)
    if age < 18 or rng.random() >= share:
        return ""
    return rng.choice(_LETTERS) + rng.choice(_LETTERS) + _digits(rng, 7)


def passport_again(rng: random.Random, number: str) -> str:
    """The passport shown at a second registration, sometimes with one digit mistyped."""
    if not number or rng.random() >= DOCUMENT_SHOWN_AGAIN:
        return ""
    if rng.random() < DOCUMENT_MISTYPED:
        at = rng.randrange(2, len(number))
        digit = str((int(number[at]) + rng.randrange(1, 10)) % 10)
        return number[:at] + digit + number[at + 1 :]
    return number


def born_where(
    rng: random.Random, members: list[Identity], places: tuple[Name, ...]
) -> list[Identity]:
    """The unit's members with their places of birth: most of a family where its head
    was born, the others elsewhere in the same country."""
    if not places:
        return members
    home = spell(rng, pick(rng, places))
    return [
        replace(
            member,
            birth_place=(
                home
                if index == 0 or rng.random() < SAME_PLACE_IN_FAMILY
                else spell(rng, pick(rng, places))
            ),
        )
        for index, member in enumerate(members)
    ]


def place_written(rng: random.Random, place: Spelled | None) -> str:
    """The place of birth at a first registration, or none."""
    if place is None or rng.random() >= PLACE_RECORDED_SHARE:
        return ""
    return place.latin


def place_again(rng: random.Random, first: str, place: Spelled | None) -> str:
    """The place of birth at a second registration: as written the first time, another
    way, or not at all."""
    if place is None or rng.random() >= PLACE_RECORDED_SHARE:
        return ""
    if not first:
        return spell(rng, place.name).latin
    others = [variant for variant in place.name.variants if variant != first]
    if others and rng.random() < PLACE_RESPELLED:
        return rng.choice(others)
    return first
