"""Who may do what in presence monitoring. Presence data are aggregate counts, not
personal data; enumerators are still kept to the area they are assigned to.

Presence pages show exact figures, small counts included: only the people who collect,
check and use them read them. Everyone else, partners included, reads the protected tables
that the reports app publishes.
"""

from __future__ import annotations

from enum import Enum

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from waypoint.accounts.access import Actor, holds
from waypoint.accounts.models import Role
from waypoint.accounts.scoping import scope_for
from waypoint.places.models import Area


class Work(Enum):
    READ = "read"  # rounds, locations, flow figures as published
    SEE_UNPUBLISHED = "see_unpublished"  # rounds still being collected or reviewed
    ENTER = "enter"  # enter or import figures (an enumerator: inside their area only)
    REVIEW = "review"  # check, correct, publish and reopen rounds


ROLES: dict[Work, frozenset[str]] = {
    Work.ENTER: frozenset({Role.ENUMERATOR, Role.ANALYST, Role.ADMINISTRATOR}),
    Work.SEE_UNPUBLISHED: frozenset({Role.ENUMERATOR, Role.ANALYST, Role.ADMINISTRATOR}),
    Work.REVIEW: frozenset({Role.ANALYST, Role.ADMINISTRATOR}),
    Work.READ: frozenset({Role.ENUMERATOR, Role.ANALYST, Role.ADMINISTRATOR, Role.CENTRE_MANAGER}),
}
# The names other modules use for the navigation and panels.
ENTRY_ROLES = ROLES[Work.ENTER]
REVIEW_ROLES = ROLES[Work.REVIEW]
WORKING_ROLES = ROLES[Work.SEE_UNPUBLISHED]
READ_ROLES = ROLES[Work.READ]

REFUSALS = {
    Work.READ: _("Your role does not read presence monitoring."),
    Work.SEE_UNPUBLISHED: _("Only the monitoring team sees rounds before they are published."),
    Work.ENTER: _("You may enter figures only for the area you are assigned to."),
    Work.REVIEW: _("Only analysts and administrators review rounds."),
}


def may(user: Actor, work: Work, target: Area | None = None) -> bool:
    """Whether ``user`` may do ``work``; for ``ENTER``, at the municipality ``target``."""
    if work is Work.ENTER and target is not None:
        return within(entry_areas(user), target)
    return holds(user, ROLES[work])


def require(user: Actor, work: Work, target: Area | None = None) -> None:
    """``PermissionDenied`` unless ``may(user, work, target)``."""
    if not may(user, work, target):
        raise PermissionDenied(str(REFUSALS[work]))


def may_read(user: Actor) -> bool:
    return may(user, Work.READ)


def may_see_unpublished(user: Actor) -> bool:
    return may(user, Work.SEE_UNPUBLISHED)


def may_enter(user: Actor) -> bool:
    return may(user, Work.ENTER)


def may_review(user: Actor) -> bool:
    return may(user, Work.REVIEW)


def entry_areas(user: Actor) -> frozenset[str] | None:
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


def may_enter_at(user: Actor, municipality: Area) -> bool:
    """Reviewers enter anywhere; an enumerator only inside the area of an assignment."""
    return may(user, Work.ENTER, municipality)
