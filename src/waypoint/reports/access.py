"""Who may do what with published figures and reports.

Published (protected) figures are for every signed-in role, partners included. Exact
figures are for the people who produce and check them, marked as not for publication.
Figures here are aggregates over the whole country: there is no centre or area scope.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from waypoint.accounts.models import Role


class Work(Enum):
    READ_PUBLISHED = "read_published"  # protected tables, charts, reports, open data
    READ_EXACT = "read_exact"  # exact figures and the data-quality view
    GENERATE = "generate"  # generate situation reports and monthly overviews


ROLES: dict[Work, frozenset[str]] = {
    Work.READ_PUBLISHED: frozenset(Role.values),
    Work.READ_EXACT: frozenset({Role.ADMINISTRATOR, Role.ANALYST, Role.CENTRE_MANAGER}),
    Work.GENERATE: frozenset({Role.ADMINISTRATOR, Role.ANALYST}),
}


def _roles(user: Any) -> set[str]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    return set(user.role_names())


def may(user: Any, work: Work) -> bool:
    """Whether ``user`` holds a role for ``work``."""
    return bool(_roles(user) & ROLES[work])


def require(user: Any, work: Work) -> None:
    """``PermissionDenied`` unless ``may(user, work)``."""
    if not may(user, work):
        raise PermissionDenied(_("You may not do this with reports."))


def allowed_work(user: Any) -> set[str]:
    return {work.value for work in Work if may(user, work)}
