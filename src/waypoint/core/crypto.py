"""Field-level encryption of the most sensitive text fields (Fernet: AES-128-CBC with
HMAC-SHA256): protection narratives, voluntary return applicants' contact details.

The key comes from ``WAYPOINT_FIELD_KEY`` (one or more Fernet keys separated by commas: the
first encrypts, all decrypt, so keys can be rotated). Without it, a key is made once and kept
in ``VAR_DIR/field_key``, readable by its owner only. Losing the key loses the encrypted
fields: ``waypoint backup`` keeps it, with the database, under a passphrase that is not in
the backup (docs/security.md, Backups).

A key is made only for a database that holds no encrypted value yet. When the key file is
missing but an encrypted field has a value (a database restored without its key, a key file
deleted), encrypting or decrypting refuses with ``FieldKeyMissing`` instead of making a key
that could never open the existing values. The check is one ``EXISTS`` query per encrypted
column, run only when the key file is missing; apps declare their columns with
``register_encrypted_field`` next to the model.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

from waypoint.core.env import read_or_create_secret

KEY_ENV = "WAYPOINT_FIELD_KEY"
KEY_FILE_NAME = "field_key"


class FieldUnreadable(Exception):
    """A token no configured key opens: the key was changed or lost, or the row altered."""


class FieldKeyMissing(ImproperlyConfigured):
    """No key is configured or kept, yet the database holds encrypted values."""


# The columns that hold tokens made here, as (model, field name), declared by their apps.
_ENCRYPTED_FIELDS: list[tuple[type[models.Model], str]] = []


def register_encrypted_field(model: type[models.Model], field_name: str) -> None:
    """Declare that ``model.field_name`` holds tokens made by ``encrypt``/``seal``.

    Called by the owning app right after its model, so that this module can tell a fresh
    database from one whose key went missing, and a restore can check every token opens.
    """
    model._meta.get_field(field_name)  # a typo fails at import, not at the first check
    if (model, field_name) not in _ENCRYPTED_FIELDS:
        _ENCRYPTED_FIELDS.append((model, field_name))


def encrypted_fields() -> list[tuple[type[models.Model], str]]:
    return list(_ENCRYPTED_FIELDS)


def _holding(model: type[models.Model], field_name: str) -> models.QuerySet[models.Model]:
    return model._base_manager.exclude(**{f"{field_name}__isnull": True}).exclude(
        **{field_name: ""}
    )


def encrypted_values_exist() -> bool:
    """Whether any declared encrypted column holds a value (one EXISTS query per column)."""
    return any(_holding(model, name).exists() for model, name in _ENCRYPTED_FIELDS)


def key_path() -> Path:
    return Path(settings.VAR_DIR) / KEY_FILE_NAME


def _key_from_file(path: Path) -> str:
    if not path.exists() and encrypted_values_exist():
        raise FieldKeyMissing(
            f"the field key {path} is missing but the database holds encrypted values, "
            f"which a new key could never open: restore the key from a backup "
            f"(waypoint restore) or set {KEY_ENV}; no new key was made"
        )
    return read_or_create_secret(path, make=lambda: Fernet.generate_key().decode())


@lru_cache(maxsize=8)
def _cipher(configured: str, path: str) -> MultiFernet:
    text = configured or _key_from_file(Path(path))
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
    """The cipher for the configured key(s); cached per key setting and key file.

    Raises ``FieldKeyMissing`` rather than make a key for a database that already holds
    encrypted values.
    """
    return _cipher(os.environ.get(KEY_ENV, "").strip(), str(key_path()))


def forget_keys() -> None:
    """Drop the cached cipher, so the next use reads the key again (after a restore)."""
    _cipher.cache_clear()


def encrypted_values_readable() -> tuple[int, int]:
    """(how many stored tokens the configured key opens, how many there are), over every
    declared encrypted column."""
    readable = total = 0
    for model, name in _ENCRYPTED_FIELDS:
        for token in _holding(model, name).values_list(name, flat=True).iterator():
            total += 1
            try:
                cipher().decrypt(str(token).encode("ascii"))
            except (InvalidToken, UnicodeError):
                continue
            readable += 1
    return readable, total


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
