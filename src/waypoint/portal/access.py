"""Who may do what with the public portal: AVRR counsellors and administrators edit its pages."""

from __future__ import annotations

from enum import Enum

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from waypoint.accounts.access import Actor, holds_at
from waypoint.accounts.models import Role
from waypoint.places.models import Site


class Work(Enum):
    EDIT_CONTENT = "edit_content"  # draft, preview and publish the portal's pages


ROLES: dict[Work, frozenset[str]] = {
    Work.EDIT_CONTENT: frozenset({Role.AVRR_COUNSELLOR, Role.ADMINISTRATOR}),
}


def may(user: Actor, work: Work, target: Site | None = None) -> bool:
    """Whether ``user`` holds a role for ``work`` (at ``target`` when one is given)."""
    return holds_at(user, ROLES[work], target)


def require(user: Actor, work: Work, target: Site | None = None) -> None:
    """``PermissionDenied`` unless ``may(user, work, target)``."""
    if not may(user, work, target):
        raise PermissionDenied(_("Only AVRR counsellors and administrators edit the portal."))
