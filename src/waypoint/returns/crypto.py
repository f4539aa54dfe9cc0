"""Encryption of applicants' contact details (Fernet), with the same field key as protection.

The key comes from ``WAYPOINT_FIELD_KEY`` or ``VAR_DIR/field_key`` (see docs/protection.md
for rotation and back-up); returns cannot import protection (a sibling layer), so the few
lines that open the key are repeated here.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

from waypoint.core.env import read_or_create_secret


@lru_cache(maxsize=8)
def _cipher(configured: str, path: str) -> MultiFernet:
    text = configured or read_or_create_secret(
        Path(path), make=lambda: Fernet.generate_key().decode()
    )
    return MultiFernet([Fernet(key.strip().encode()) for key in text.split(",") if key.strip()])


def _current() -> MultiFernet:
    return _cipher(
        os.environ.get("WAYPOINT_FIELD_KEY", "").strip(), str(Path(settings.VAR_DIR) / "field_key")
    )


def seal(text: str) -> str:
    return _current().encrypt(text.encode("utf-8")).decode("ascii") if text else ""


def unseal(token: str) -> str:
    """The text, or an empty string when no configured key opens the token."""
    if not token:
        return ""
    try:
        return _current().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeError, ValueError):
        return ""
