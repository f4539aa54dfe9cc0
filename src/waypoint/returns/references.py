"""Case references and portal PINs: random, short, and easy to read out over the phone."""

from __future__ import annotations

import secrets
from functools import lru_cache

from django.contrib.auth.hashers import check_password, make_password

# No 0/O and no 1/I: applicants copy references by hand from a screen or a message.
ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
PIN_LENGTH = 6


def reference_new() -> str:
    """ "R-" and two groups of four: 32**8 (about 10**12) references."""
    chars = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"R-{chars[:4]}-{chars[4:]}"


def reference_normalise(text: str) -> str:
    """What an applicant typed, as a stored reference: upper case, dashes where they belong."""
    compact = "".join(ch for ch in text.upper() if ch.isalnum())[:20]
    if compact.startswith("R") and len(compact) == 9:
        compact = compact[1:]
    if len(compact) != 8:
        return compact
    return f"R-{compact[:4]}-{compact[4:]}"


def pin_new() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(PIN_LENGTH))


def pin_hash(pin: str) -> str:
    return make_password(pin)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return make_password(pin_new())


def pin_matches(pin: str, stored: str | None) -> bool:
    """Check ``pin``; with no stored hash, check against a dummy so the work is the same."""
    matched = check_password(pin, stored or _dummy_hash())
    return bool(stored) and matched
