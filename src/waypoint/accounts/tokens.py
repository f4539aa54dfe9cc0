"""API tokens kept as digests: issue, check, revoke.

A token is 32 random bytes (URL-safe text) shown once to its owner; the database keeps its
SHA-256 digest and its first eight characters (so the owner can tell tokens apart). The
``Authorization: Token <token>`` header is checked against the digest; an expired or revoked
token, or one of an inactive account, is refused like a wrong one.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from waypoint.accounts.models import ApiToken, User
from waypoint.audit.models import Action
from waypoint.audit.services import audit_record

# How long a token lives unless its owner says otherwise (WAYPOINT_TOKEN_DAYS).
DEFAULT_DAYS = 90
MAX_DAYS = 365
# last_used_at is written at most this often, so that reading through the API is not a
# write per request.
USED_RESOLUTION = timedelta(minutes=5)


def digest_of(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def token_days() -> int:
    return int(getattr(settings, "WAYPOINT_TOKEN_DAYS", DEFAULT_DAYS))


@transaction.atomic
def token_issue(*, user: User, name: str = "", days: int | None = None) -> tuple[ApiToken, str]:
    """A new token for ``user`` (the token text is returned once and never kept); audited."""
    days = token_days() if days is None else days
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"a token lives 1 to {MAX_DAYS} days, not {days}")
    key = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name.strip()[:80],
        prefix=key[:8],
        digest=digest_of(key),
        expires_at=timezone.now() + timedelta(days=days),
    )
    audit_record(actor=user, action=Action.TOKEN, target=token, changed_fields=["expires_at"])
    return token, key


@transaction.atomic
def token_revoke(*, actor: Any, token: ApiToken) -> ApiToken:
    """Revoke ``token`` (its owner's own, or any for an administrator: the caller checks)."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(actor=actor, action=Action.UPDATE, target=token, changed_fields=["revoked_at"])
    return token


class HashedTokenAuthentication(TokenAuthentication):
    """DRF's ``Token`` header, checked against the digests of live tokens."""

    def authenticate_credentials(self, key: str) -> tuple[User, ApiToken]:
        now = timezone.now()
        token = (
            ApiToken.objects.select_related("user")
            .filter(digest=digest_of(key), revoked_at__isnull=True, expires_at__gt=now)
            .first()
        )
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Invalid, expired or revoked token."))
        if token.last_used_at is None or now - token.last_used_at > USED_RESOLUTION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token
