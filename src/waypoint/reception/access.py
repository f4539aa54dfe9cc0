"""Who may do what in reception, at which centre.

Roles decide the kind of work; ``accounts.scoping`` decides where. Read access follows the
personal-data roles; writes need one of the roles below, held at the centre (or an area or
national assignment covering it).
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from waypoint.accounts.models import Role
from waypoint.accounts.scoping import PERSONAL_DATA_ROLES, scope_for
from waypoint.places.models import Site, SiteKind

CENTRE_KINDS = (SiteKind.RECEPTION_CENTRE, SiteKind.ASYLUM_CENTRE, SiteKind.IMMIGRATION_CENTRE)


class Work(Enum):
    READ = "read"
    ACCOMMODATE = "accommodate"  # admit, transfer, exit, roll-call, beds
    SERVE = "serve"  # services and distributions
    CONFIRM_EXIT = "confirm_exit"  # "left without notice" after the 48-hour absence


ROLES: dict[Work, frozenset[str]] = {
    Work.READ: PERSONAL_DATA_ROLES,
    Work.ACCOMMODATE: frozenset(
        {Role.ADMINISTRATOR, Role.CENTRE_MANAGER, Role.REGISTRATION_OFFICER}
    ),
    Work.SERVE: frozenset(
        {Role.ADMINISTRATOR, Role.CENTRE_MANAGER, Role.REGISTRATION_OFFICER, Role.CASE_WORKER}
    ),
    Work.CONFIRM_EXIT: frozenset({Role.ADMINISTRATOR, Role.CENTRE_MANAGER}),
}


def may(user: Any, work: Work, site: Site) -> bool:
    """Whether ``user`` holds a role for ``work`` whose scope covers ``site``."""
    return scope_for(user, ROLES[work]).allows_site(site)


def require(user: Any, work: Work, site: Site) -> None:
    """``PermissionDenied`` unless ``may(user, work, site)``."""
    if not may(user, work, site):
        raise PermissionDenied(
            _("You may not do this at %(site)s.") % {"site": site.name},
        )


def allowed_work(user: Any, site: Site) -> set[str]:
    """The names of the kinds of work ``user`` may do at ``site`` (for showing buttons)."""
    return {work.value for work in Work if may(user, work, site)}
