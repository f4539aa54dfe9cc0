"""Field-level encryption of the most sensitive text fields (Fernet: AES-128-CBC with
HMAC-SHA256): protection narratives, screening notes and referral reasons, voluntary return
applicants' contact details and medical notes (``privacy.classification`` lists them).

The key comes from ``WAYPOINT_FIELD_KEY`` (one or more Fernet keys separated by commas: the
first encrypts, all decrypt, so keys can be rotated). Without it, a key is made once and kept
in ``VAR_DIR/field_key``, readable by its owner only; the file may also hold several keys,
comma-separated, while ``waypoint keys rotate`` re-encrypts. Losing the key loses the
encrypted fields: ``waypoint backup`` keeps it, with the database, under a passphrase that is
not in the backup (docs/security.md, Backups).

A key is made only for a database that holds no encrypted value yet. When the key file is
missing but an encrypted field holds a token (a database restored without its key, a key
file deleted), encrypting or decrypting refuses with ``FieldKeyMissing`` instead of making a
key that could never open the existing values. The check is one ``EXISTS`` query per
encrypted column, run only when the key file is missing; apps declare their columns with
``register_encrypted_field`` next to the model.

Two ways to hold a token: a ``*_token`` text column that services fill with ``encrypt`` /
``seal`` (``Incident.narrative_token``, ``Case.contact_token``), or an
``EncryptedTextField``, which encrypts on save and decrypts on load, so forms, serializers,
templates and exports keep seeing text.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.expressions import ExpressionWrapper, F, Value

from waypoint.core.env import read_or_create_secret

KEY_ENV = "WAYPOINT_FIELD_KEY"
KEY_FILE_NAME = "field_key"

# Every Fernet token starts with these characters: version byte 0x80, then a 64-bit
# timestamp whose high bytes stay zero until 2106. Plain text that does not start so is
# not a token (a column not yet encrypted by its migration).
TOKEN_PREFIX = "gAAAAA"  # noqa: S105 (not a secret: the start of every token)


class FieldUnreadable(Exception):
    """A token no configured key opens: the key was changed or lost, or the row altered."""


class FieldKeyMissing(ImproperlyConfigured):
    """No key is configured or kept, yet the database holds encrypted values."""


# The columns that hold tokens made here, as (model, field name), declared by their apps.
_ENCRYPTED_FIELDS: list[tuple[type[models.Model], str]] = []


def register_encrypted_field(model: type[models.Model], field_name: str) -> None:
    """Declare that ``model.field_name`` holds tokens made by ``encrypt``/``seal`` or by an
    ``EncryptedTextField``.

    Called by the owning app right after its model, so that this module can tell a fresh
    database from one whose key went missing, a restore can check every token opens, and
    ``waypoint keys rotate`` finds every token to re-encrypt.
    """
    model._meta.get_field(field_name)  # a typo fails at import, not at the first check
    if (model, field_name) not in _ENCRYPTED_FIELDS:
        _ENCRYPTED_FIELDS.append((model, field_name))


def encrypted_fields() -> list[tuple[type[models.Model], str]]:
    return list(_ENCRYPTED_FIELDS)


def column_label(model: type[models.Model], field_name: str) -> str:
    """``app_label.Model.field``, as ``privacy.classification`` names fields."""
    return f"{model._meta.label}.{field_name}"


def _holding(model: type[models.Model], field_name: str) -> models.QuerySet[models.Model]:
    # Lookups on an EncryptedTextField compare with the stored token, so "" and NULL work.
    return model._base_manager.exclude(**{f"{field_name}__isnull": True}).exclude(
        **{field_name: ""}
    )


def encrypted_values_exist() -> bool:
    """Whether any declared encrypted column holds a token (one EXISTS query per column).

    Plain text left in a column that a migration has yet to encrypt does not count: it
    needs a key made, not a lost one found."""
    return any(
        _holding(model, name).filter(**{f"{name}__startswith": TOKEN_PREFIX}).exists()
        for model, name in _ENCRYPTED_FIELDS
    )


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


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


@lru_cache(maxsize=8)
def _keys(configured: str, path: str, stamp: int) -> tuple[str, ...]:
    keys = _split(configured or _key_from_file(Path(path)))
    if not keys:
        raise ImproperlyConfigured(f"{KEY_ENV if configured else path} holds no key")
    try:
        for key in keys:
            Fernet(key.encode())
    except (ValueError, TypeError):
        # Never echo the key itself.
        source = KEY_ENV if configured else str(path)
        raise ImproperlyConfigured(
            f"{source} must hold Fernet keys (32 bytes, URL-safe base64), comma-separated"
        ) from None
    return tuple(keys)


@lru_cache(maxsize=8)
def _cipher(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in keys])


def _file_stamp(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return -1


def configured_keys() -> tuple[str, ...]:
    """The keys in use, the current (encrypting) one first. Never print or log them.

    Cached per key setting and per key file version (its modification time), so a process
    picks up a key file rewritten by ``waypoint keys rotate`` on its next use."""
    configured = os.environ.get(KEY_ENV, "").strip()
    path = key_path()
    return _keys(configured, str(path), 0 if configured else _file_stamp(path))


def cipher() -> MultiFernet:
    """The cipher for the configured key(s).

    Raises ``FieldKeyMissing`` rather than make a key for a database that already holds
    encrypted values.
    """
    return _cipher(configured_keys())


def forget_keys() -> None:
    """Drop the cached keys, so the next use reads them again (after a restore)."""
    _keys.cache_clear()
    _cipher.cache_clear()


def keys_from_environment() -> bool:
    """Whether the keys come from ``WAYPOINT_FIELD_KEY`` (else from the key file)."""
    return bool(os.environ.get(KEY_ENV, "").strip())


def key_fingerprint(key: str) -> str:
    """A short name for a key that reveals nothing of it (the start of its SHA-256)."""
    return hashlib.sha256(key.encode("ascii")).hexdigest()[:8]


def new_key() -> str:
    return Fernet.generate_key().decode("ascii")


def write_key_file(keys: list[str] | tuple[str, ...]) -> None:
    """Replace the key file with ``keys`` (first encrypts), atomically, owner-readable only."""
    path = key_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(f".{path.name}.{os.getpid()}.new")
    descriptor = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(",".join(keys))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(staging, path)
    forget_keys()


def stored_tokens(
    model: type[models.Model], field_name: str
) -> models.QuerySet[models.Model, tuple[Any, str]]:
    """(primary key, token as stored) for each row holding a value, ordered by key.

    Reads the column as plain text, so an ``EncryptedTextField`` is not decrypted."""
    raw = ExpressionWrapper(F(field_name), output_field=models.TextField())
    return (
        _holding(model, field_name)
        .annotate(stored_token=raw)
        .order_by("pk")
        .values_list("pk", "stored_token")
    )


def write_token(model: type[models.Model], field_name: str, pk: Any, token: str) -> None:
    """Store ``token`` as it is (an ``EncryptedTextField`` would encrypt it again)."""
    model._base_manager.filter(pk=pk).update(
        **{field_name: Value(token, output_field=models.TextField())}
    )


def encrypted_values_readable() -> tuple[int, int]:
    """(how many stored tokens the configured key opens, how many there are), over every
    declared encrypted column."""
    readable = total = 0
    for model, name in _ENCRYPTED_FIELDS:
        for _pk, token in stored_tokens(model, name).iterator():
            total += 1
            try:
                cipher().decrypt(str(token).encode("ascii"))
            except (InvalidToken, UnicodeError):
                continue
            readable += 1
    return readable, total


def which_key_opens(token: str, keys: tuple[str, ...]) -> int | None:
    """The position in ``keys`` of the key that opens ``token``, or None."""
    for position, key in enumerate(keys):
        try:
            Fernet(key.encode()).decrypt(token.encode("ascii"))
        except (InvalidToken, UnicodeError):
            continue
        return position
    return None


def rewrite_column(
    model: type[models.Model],
    field_name: str,
    rewrite: Callable[[str], str | None],
    *,
    batch_size: int = 500,
) -> int:
    """Store ``rewrite(stored value)`` in each row of one column holding a value (None
    keeps the row as it is), one transaction per batch of rows, the rows locked where the
    database can. Returns how many rows were rewritten. Works on a migration's models too."""
    rewritten = 0
    after: Any = None
    while True:
        with transaction.atomic():
            batch = stored_tokens(model, field_name).select_for_update()
            if after is not None:
                batch = batch.filter(pk__gt=after)
            rows = list(batch[:batch_size])
            for pk, stored in rows:
                replacement = rewrite(stored)
                if replacement is not None and replacement != stored:
                    write_token(model, field_name, pk, replacement)
                    rewritten += 1
        if len(rows) < batch_size:
            return rewritten
        after = rows[-1][0]


def reencrypt_column(
    model: type[models.Model], field_name: str, *, batch_size: int = 500
) -> tuple[int, int, int]:
    """Re-encrypt with the current key every token of one column that it does not already
    open. Returns (tokens re-encrypted, already under the current key, unreadable)."""
    current = Fernet(configured_keys()[0].encode())
    kept = unreadable = 0

    def rotate(token: str) -> str | None:
        nonlocal kept, unreadable
        try:
            current.decrypt(token.encode("ascii"))
        except (InvalidToken, UnicodeError):
            pass
        else:
            kept += 1
            return None
        try:
            return reencrypt(token)
        except FieldUnreadable:
            unreadable += 1
            return None

    rotated = rewrite_column(model, field_name, rotate, batch_size=batch_size)
    return rotated, kept, unreadable


def _is_token(value: str) -> bool:
    if not value.startswith(TOKEN_PREFIX):
        return False
    try:
        cipher().decrypt(value.encode("ascii"))
    except (InvalidToken, UnicodeError):
        return False
    return True


def encrypt_plain_values(model: type[models.Model], field_name: str) -> int:
    """Encrypt the plain text left in a column that has just become encrypted (a data
    migration); values already encrypted stay. Returns how many were encrypted."""
    return rewrite_column(
        model, field_name, lambda value: None if _is_token(value) else encrypt(value)
    )


def decrypt_to_plain_values(model: type[models.Model], field_name: str) -> int:
    """The reverse of ``encrypt_plain_values`` (a migration rolled back): every token back
    to its text; ``FieldUnreadable`` stops it when no configured key opens one."""
    return rewrite_column(
        model, field_name, lambda value: decrypt(value) if value.startswith(TOKEN_PREFIX) else None
    )


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


# Who records key changes in the audit trail: ``core`` may not import ``audit`` (it sits
# left of it), so the audit app lends its recorder (waypoint.audit.apps.AuditConfig.ready).
KeyChangeRecorder = Callable[[str, list[str]], None]
_key_change_recorders: list[KeyChangeRecorder] = []


def register_key_change_recorder(recorder: KeyChangeRecorder) -> None:
    """``recorder(what happened, column labels)`` is called after each key change; it must
    never be given key material."""
    if recorder not in _key_change_recorders:
        _key_change_recorders.append(recorder)


def record_key_change(summary: str, columns: list[str]) -> int:
    """Tell every registered recorder; returns how many recorded it."""
    for recorder in _key_change_recorders:
        recorder(summary, columns)
    return len(_key_change_recorders)


class UnreadableText(str):
    """What an ``EncryptedTextField`` reads when no configured key opens its token: shown
    as empty, and saved back as the token it came from, so a wrong key loses nothing."""

    token: str

    def __new__(cls, token: str) -> UnreadableText:
        text = super().__new__(cls, "")
        text.token = token
        return text


class EncryptedTextField(models.TextField):
    """Free text kept as a Fernet token and read back as text.

    Encrypts when saved (``get_db_prep_save``), decrypts when loaded (``from_db_value``);
    lookups compare with the stored token, so only ``isnull`` and ``""`` mean anything, and
    ordering or searching by the text is impossible by design. ``max_length`` limits the
    text (forms, serializers), not the column. Declare every such column with
    ``register_encrypted_field`` next to its model.
    """

    description = "Text encrypted at rest"

    def from_db_value(
        self, value: str | None, expression: object, connection: BaseDatabaseWrapper
    ) -> str | None:
        if not value:
            return value
        try:
            return decrypt(value)
        except FieldUnreadable:
            return UnreadableText(value)

    def get_db_prep_save(self, value: Any, connection: BaseDatabaseWrapper) -> Any:
        if hasattr(value, "as_sql"):
            return value
        if isinstance(value, UnreadableText):
            return value.token
        text = self.get_prep_value(value)
        return encrypt(text) if text else text
