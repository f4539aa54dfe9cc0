"""Registration numbers: three letters for the issuing site, a serial, and a check digit.

``LIP-0001234-7``: the Luhn check digit over the serial catches every single mistyped digit
and most swaps of neighbouring digits, the errors people make copying numbers by hand.
"""

from __future__ import annotations

import re

_PATTERN = re.compile(r"^([A-Z]{3})-(\d{7})-(\d)$")


def luhn_digit(digits: str) -> int:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 0:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return (10 - total % 10) % 10


def registration_number(prefix: str, serial: int) -> str:
    if not re.fullmatch(r"[A-Z]{3}", prefix):
        raise ValueError("the prefix is three capital letters")
    if not 0 < serial < 10_000_000:
        raise ValueError("the serial is between 1 and 9,999,999")
    body = f"{serial:07d}"
    return f"{prefix}-{body}-{luhn_digit(body)}"


def is_valid_registration_number(value: str) -> bool:
    match = _PATTERN.match(value.strip().upper())
    if match is None:
        return False
    return luhn_digit(match.group(2)) == int(match.group(3))
