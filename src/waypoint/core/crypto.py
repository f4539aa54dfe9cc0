"""Field-level encryption of the most sensitive text fields (Fernet: AES-128-CBC with
HMAC-SHA256): protection narratives, voluntary return applicants' contact details.

The key comes from ``WAYPOINT_FIELD_KEY`` (one or more Fernet keys separated by commas: the
first encrypts, all decrypt, so keys can be rotated). Without it, a key is made once and kept
in ``VAR_DIR/field_key``, readable by its owner only. Losing the key loses the narratives:
back it up apart from the database (see docs/protection.md). Losing the key loses the
encrypted fields.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from waypoint.core.env import read_or_create_secret

KEY_ENV = "WAYPOINT_FIELD_KEY"
KEY_FILE_NAME = "field_key"


class FieldUnreadable(Exception):
    """A token no configured key opens: the key was changed or lost, or the row altered."""


def key_path() -> Path:
    return Path(settings.VAR_DIR) / KEY_FILE_NAME


@lru_cache(maxsize=8)
def _cipher(configured: str, path: str) -> MultiFernet:
    text = configured or read_or_create_secret(
        Path(path), make=lambda: Fernet.generate_key().decode()
    )
    keys = [part.strip() for part in text.split(",") if part.strip()]
    if not keys:
        raise ImproperlyConfigured(f"{KEY_ENV} is set but holds no key")
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except (ValueError, TypeError):
        # Never echo the key itself.
        source = KEY_ENV if configured else str(path)
        raise ImproperlyConfigured(
            f"{source} must hold Fernet keys (32 bytes, URL-safe base64), comma-separated"
        ) from None


def cipher() -> MultiFernet:
    """The cipher for the configured key(s); cached per key setting and key file."""
    return _cipher(os.environ.get(KEY_ENV, "").strip(), str(key_path()))


def encrypt(text: str) -> str:
    """``text`` as an ASCII Fernet token, with the current (first) key."""
    return cipher().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    """The text inside ``token``; ``FieldUnreadable`` when no configured key opens it."""
    try:
        return cipher().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeError):
        raise FieldUnreadable("no configured field key opens this field") from None


def reencrypt(token: str) -> str:
    """``token`` encrypted again with the current key (for rotating keys)."""
    try:
        return cipher().rotate(token.encode("ascii")).decode("ascii")
    except (InvalidToken, UnicodeError):
        raise FieldUnreadable("no configured field key opens this field") from None


def seal(text: str) -> str:
    """``encrypt`` for an optional field: an empty text stays empty."""
    return encrypt(text) if text else ""


def unseal(token: str) -> str:
    """``decrypt`` for display: an empty string when empty or when no key opens the token."""
    if not token:
        return ""
    try:
        return decrypt(token)
    except FieldUnreadable:
        return ""
