"""Who may do what in identity review.

Roles decide the kind of work; ``accounts.scoping`` decides where. Reviewing a pair also
needs both registrations within the reviewer's scope (``queries.pairs_visible_to``).
Counting unique people is aggregate work: analysts count too, over their scope.
"""

from __future__ import annotations

from enum import Enum

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from waypoint.accounts.access import Actor, holds
from waypoint.accounts.models import Role


class Work(Enum):
    REVIEW = "review"  # decide pairs, undo decisions, link outside lists
    RUN = "run"  # start a deduplication run
    COUNT = "count"  # see runs and the unique-people figure with its range


ROLES: dict[Work, frozenset[str]] = {
    Work.REVIEW: frozenset({Role.ADMINISTRATOR, Role.CENTRE_MANAGER, Role.REGISTRATION_OFFICER}),
    Work.RUN: frozenset({Role.ADMINISTRATOR}),
    Work.COUNT: frozenset(
        {Role.ADMINISTRATOR, Role.CENTRE_MANAGER, Role.REGISTRATION_OFFICER, Role.ANALYST}
    ),
}


REFUSALS = {
    Work.REVIEW: _("Your role does not review identity pairs."),
    Work.RUN: _("Only administrators start a deduplication run."),
    Work.COUNT: _("Your role does not do this in identity review."),
}


def may(user: Actor, work: Work) -> bool:
    """Whether ``user`` holds a role for ``work`` (scope is applied by the queries)."""
    return holds(user, ROLES[work])


def require(user: Actor, work: Work) -> None:
    """``PermissionDenied`` unless ``may(user, work)``."""
    if not may(user, work):
        raise PermissionDenied(str(REFUSALS[work]))
