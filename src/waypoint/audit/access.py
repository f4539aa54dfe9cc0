"""Who may read the audit trail: administrators.

``audit`` sits left of ``places`` and ``accounts`` (ARCHITECTURE.md), so it cannot import the
``Role`` choices or the scoping layer. It names the role by its stored value (the tests pin it
to ``accounts.models.Role.ADMINISTRATOR``) and types the acting user by what it asks of it.
The trail is one national record, read whole or not at all: a site does not narrow it, so
``target`` changes nothing here.
"""

from __future__ import annotations

from enum import Enum
from typing import Protocol

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

ADMINISTRATOR = "administrator"  # accounts.models.Role.ADMINISTRATOR


class RoleHolder(Protocol):
    """What ``audit`` needs of a Waypoint user (``accounts.models.User`` is one)."""

    @property
    def is_authenticated(self) -> bool: ...

    is_active: bool

    def role_names(self) -> set[str]: ...


Actor = RoleHolder | AnonymousUser


class Work(Enum):
    READ_AUDIT = "read_audit"  # the audit trail: who created, changed, viewed, exported what


ROLES: dict[Work, frozenset[str]] = {
    Work.READ_AUDIT: frozenset({ADMINISTRATOR}),
}


def may(user: Actor, work: Work, target: object = None) -> bool:
    """Whether ``user`` is signed in, active and holds a role for ``work``."""
    if isinstance(user, AnonymousUser) or not user.is_authenticated or not user.is_active:
        return False
    return bool(user.role_names() & ROLES[work])


def require(user: Actor, work: Work, target: object = None) -> None:
    """``PermissionDenied`` unless ``may(user, work)``."""
    if not may(user, work, target):
        raise PermissionDenied(_("Only administrators read the audit trail."))
