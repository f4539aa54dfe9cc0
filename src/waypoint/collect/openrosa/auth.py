"""Signing phones in on the OpenRosa endpoints: HTTP Digest everywhere, Basic over HTTPS.

ODK Collect and KoboCollect send Basic credentials only to an https:// address; on http://
(a laptop serving Waypoint on a centre's network) they answer a Digest challenge only. So
every challenge offers Digest (SHA-256 and MD5, ``accounts.digest``: a per-account secret
derived when the password is set, never the password) and, where the connection allows
it, Basic, which Enketo sends. Basic lets Django's own password check (and django-axes'
lockout) decide; it is refused on plain HTTP when Waypoint runs behind HTTPS
(``WAYPOINT_HTTPS``).

Phones send the credentials with every request; checking a password hash costs about half
a second by design, so a verified header is remembered in this process for a few minutes,
keyed by its SHA-256 and tied to the account's current password hash.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import time
from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.http import HttpRequest

from waypoint.accounts import digest
from waypoint.accounts.models import User

REMEMBER_SECONDS = 300
_verified: dict[str, tuple[int, str, float]] = {}


def basic_credentials(header: str) -> tuple[str, str] | None:
    scheme, _space, encoded = header.partition(" ")
    if scheme.lower() != "basic" or not encoded.strip():
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    email, colon, password = decoded.partition(":")
    if not colon or not email or len(email) > 254 or len(password) > 4096 or "\x00" in decoded:
        return None
    return email.strip().lower(), password


def transport_allowed(request: HttpRequest) -> bool:
    return request.is_secure() or not getattr(settings, "SECURE_HTTPS", False)


def challenge(request: HttpRequest) -> str:
    """The ``WWW-Authenticate`` value: Digest always, Basic where the transport allows."""
    offered = digest.challenge(request, stale=digest.digest_nonce_stale(request))
    if transport_allowed(request):
        offered += ', Basic realm="Waypoint", charset="UTF-8"'
    return offered


def authenticated_user(request: HttpRequest) -> Any | None:
    """The active account the request's Digest or Basic credentials belong to, or None."""
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if not header or len(header) > 8192:
        return None
    if digest.digest_credentials_sent(request):
        return digest.digest_user(request)
    if not transport_allowed(request):
        return None
    key = hashlib.sha256(header.encode("utf-8", errors="replace")).hexdigest()
    remembered = _verified.get(key)
    if remembered is not None and remembered[2] > time.monotonic():
        user = User.objects.filter(pk=remembered[0], is_active=True).first()
        if user is not None and user.password == remembered[1]:
            return user
        _verified.pop(key, None)
    credentials = basic_credentials(header)
    if credentials is None:
        return None
    user = authenticate(request, username=credentials[0], password=credentials[1])
    if user is None or not user.is_active:
        return None
    digest.secret_ensure(user, credentials[1])
    if len(_verified) > 10_000:
        _verified.clear()
    _verified[key] = (user.pk, user.password, time.monotonic() + REMEMBER_SECONDS)
    return user
