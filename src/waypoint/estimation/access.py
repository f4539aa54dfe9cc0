"""Who may do what with estimates: analysts and administrators make them; everyone who
reads published figures reads published estimates (through the reports app)."""

from __future__ import annotations

from enum import Enum
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from waypoint.accounts.models import Role


class Work(Enum):
    ESTIMATE = "estimate"  # choose lists, period, area and strata; run and store estimates


ROLES: dict[Work, frozenset[str]] = {
    Work.ESTIMATE: frozenset({Role.ADMINISTRATOR, Role.ANALYST}),
}


def may(user: Any, work: Work) -> bool:
    """Whether ``user`` holds a role for ``work``."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return bool(set(user.role_names()) & ROLES[work])


def require(user: Any, work: Work) -> None:
    """``PermissionDenied`` unless ``may(user, work)``."""
    if not may(user, work):
        raise PermissionDenied(_("Only analysts and administrators make estimates."))
