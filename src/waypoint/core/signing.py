"""The key that signs the audit chain's head, kept outside the database.

The audit trail is a hash chain: each event's hash covers the previous one, so a changed,
removed or inserted row breaks it. Someone able to write the database could still rewrite
every hash after their edit. The chain's head is therefore also signed (HMAC-SHA256) with a
key the database does not hold: ``WAYPOINT_AUDIT_KEY``, or ``VAR_DIR/audit_key`` (made once,
readable by its owner only, kept in backups). A rewritten chain no longer matches the
signature, and ``waypoint audit verify`` says so.

A key is made only while nothing has been signed: once the head is signed, a missing key is
an error (``SigningKeyMissing``), never silently replaced by a new one that would make a
rewritten chain look right.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from waypoint.core.env import read_or_create_secret

KEY_ENV = "WAYPOINT_AUDIT_KEY"
KEY_FILE_NAME = "audit_key"


class SigningKeyMissing(ImproperlyConfigured):
    """The audit chain is signed, but its key is neither configured nor kept."""


def key_path() -> Path:
    return Path(settings.VAR_DIR) / KEY_FILE_NAME


def signing_key(*, create: bool) -> bytes:
    configured = os.environ.get(KEY_ENV, "").strip()
    if configured:
        return configured.encode()
    path = key_path()
    if not create and not path.exists():
        raise SigningKeyMissing(
            f"the audit signing key {path} is missing but the audit chain is signed; restore "
            f"it from a backup (or set {KEY_ENV})"
        )
    return read_or_create_secret(path, make=lambda: secrets.token_urlsafe(48)).encode()


def sign(message: str, *, create: bool) -> str:
    """HMAC-SHA256 of ``message`` under the signing key, as hex."""
    key = signing_key(create=create)
    return hmac.new(key, message.encode(), hashlib.sha256).hexdigest()


def signature_holds(message: str, signature: str) -> bool:
    """Whether ``signature`` is ``message``'s under the key in use (False without a key)."""
    try:
        expected = sign(message, create=False)
    except SigningKeyMissing:
        return False
    return hmac.compare_digest(expected, signature)
