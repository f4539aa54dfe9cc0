"""Who may manage accounts, and the two checks every app's ``access.py`` is built from.

Each domain app keeps its own contract (``<app>/access.py``: the kinds of work, the roles for
each, ``may`` and ``require``). What they share lives here: whether a user holds one of a set
of roles anywhere, and whether they hold one at a given site (``accounts.scoping``).
Waypoint's own code decides by role assignments only; Django's permission flags
(``is_superuser``, ``user.has_perm``) open Django's technical admin site and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from waypoint.accounts.models import Role, User
from waypoint.accounts.scoping import scope_for
from waypoint.places.models import Site

# The acting user as views and the API hand it over: signed in, or not.
Actor = User | AnonymousUser


def holds(user: Actor, roles: Iterable[str]) -> bool:
    """Whether ``user`` is signed in, active and holds one of ``roles`` anywhere."""
    if not user.is_authenticated or not user.is_active:
        return False
    assert isinstance(user, User)  # an authenticated user is a Waypoint user
    return bool(user.role_names() & set(roles))


def holds_at(user: Actor, roles: Iterable[str], site: Site | None) -> bool:
    """Whether ``user`` holds one of ``roles`` where its scope covers ``site`` (None: anywhere)."""
    if site is None:
        return holds(user, roles)
    return scope_for(user, roles).allows_site(site)


class Work(Enum):
    MANAGE_USERS = "manage_users"  # create accounts, assign roles, deactivate, reset two-step
    USE_DJANGO_ADMIN = "use_django_admin"  # Django's technical admin site (also needs is_staff)


ROLES: dict[Work, frozenset[str]] = {
    Work.MANAGE_USERS: frozenset({Role.ADMINISTRATOR}),
    Work.USE_DJANGO_ADMIN: frozenset({Role.ADMINISTRATOR}),
}


def may(user: Actor, work: Work, target: Site | None = None) -> bool:
    """Whether ``user`` holds a role for ``work`` (at ``target`` when one is given)."""
    return holds_at(user, ROLES[work], target)


def require(user: Actor, work: Work, target: Site | None = None) -> None:
    """``PermissionDenied`` unless ``may(user, work, target)``."""
    if not may(user, work, target):
        raise PermissionDenied(_("Only administrators do this."))
