"""Who may do what in presence monitoring. Presence data are aggregate counts, not
personal data; enumerators are still kept to the area they are assigned to."""

from __future__ import annotations

from typing import Any

from waypoint.accounts.models import Role
from waypoint.accounts.scoping import scope_for
from waypoint.places.models import Area

ENTRY_ROLES = frozenset({Role.ENUMERATOR, Role.ANALYST, Role.ADMINISTRATOR})
REVIEW_ROLES = frozenset({Role.ANALYST, Role.ADMINISTRATOR})
WORKING_ROLES = ENTRY_ROLES
# Presence pages show exact figures, small counts included: only the people who collect,
# check and use them read them. Everyone else, partners included, reads the protected
# tables that the reports app publishes.
READ_ROLES = WORKING_ROLES | frozenset({Role.CENTRE_MANAGER})


def _roles(user: Any) -> set[str]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    return set(user.role_names())


def may_read(user: Any) -> bool:
    return bool(_roles(user) & READ_ROLES)


def may_see_unpublished(user: Any) -> bool:
    return bool(_roles(user) & WORKING_ROLES)


def may_enter(user: Any) -> bool:
    return bool(_roles(user) & ENTRY_ROLES)


def may_review(user: Any) -> bool:
    return bool(_roles(user) & REVIEW_ROLES)


def entry_areas(user: Any) -> frozenset[str] | None:
    """Where the user may enter figures: None for anywhere, else the area paths (empty:
    nowhere)."""
    if may_review(user):
        return None
    if not may_enter(user):
        return frozenset()
    scope = scope_for(user, [Role.ENUMERATOR])
    return None if scope.national else scope.area_paths


def within(areas: frozenset[str] | None, municipality: Area) -> bool:
    if areas is None:
        return True
    return any(
        municipality.path == path or municipality.path.startswith(path + "/") for path in areas
    )


def may_enter_at(user: Any, municipality: Area) -> bool:
    """Reviewers enter anywhere; an enumerator only inside the area of an assignment."""
    return within(entry_areas(user), municipality)
