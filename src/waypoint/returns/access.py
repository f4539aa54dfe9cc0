"""Who may do what in voluntary return (AVRR).

Counsellors (and administrators) work every case in their scope; centre managers and case
workers refer residents and follow the cases of people staying in their centre. Reading a case
needs either; acting on it (counselling, travel, departure, reintegration) needs counselling.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from waypoint.accounts.access import Actor, holds_at
from waypoint.accounts.models import Role
from waypoint.places.models import Site

if TYPE_CHECKING:
    from waypoint.returns.models import Case

_COUNSELLING = frozenset({Role.AVRR_COUNSELLOR, Role.ADMINISTRATOR})
# Counsellors refer too: from a person's page they open the case they will counsel.
_REFERRING = frozenset(
    {Role.CENTRE_MANAGER, Role.CASE_WORKER, Role.AVRR_COUNSELLOR, Role.ADMINISTRATOR}
)


class Work(Enum):
    READ = "read"  # cases, the workspace, the figures over cases in scope
    COUNSEL = "counsel"  # open cases, take them, and every action on a case page
    REFER = "refer"  # refer a resident for voluntary return from the person page


ROLES: dict[Work, frozenset[str]] = {
    Work.READ: _COUNSELLING | _REFERRING,
    Work.COUNSEL: _COUNSELLING,
    Work.REFER: _REFERRING,
}


def may(user: Actor, work: Work, target: Site | None = None) -> bool:
    """Whether ``user`` holds a role for ``work`` whose scope covers ``target`` (None: anywhere)."""
    return holds_at(user, ROLES[work], target)


def require(user: Actor, work: Work, target: Site | None = None) -> None:
    """``PermissionDenied`` unless ``may(user, work, target)``."""
    if not may(user, work, target):
        raise PermissionDenied(_("Your role does not do this in voluntary return."))


def case_site(case: Case) -> Site | None:
    """Where a case is worked: its centre, else where its principal was last seen (a portal
    application from outside the centres has neither: any counsellor's scope covers it)."""
    if case.site is not None:
        return case.site
    return case.principal.last_seen_at if case.principal is not None else None


def require_on_case(user: Actor | None, work: Work, case: Case) -> None:
    """``require`` at the case's centre. ``user`` None is Waypoint itself acting (a portal
    application, the demo), which the audit trail records as the system."""
    if user is not None:
        require(user, work, case_site(case))
