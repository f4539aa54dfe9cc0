"""Who may do what in reception, at which centre.

Roles decide the kind of work; ``accounts.scoping`` decides where. Read access follows the
personal-data roles; writes need one of the roles below, held at the centre (or an area or
national assignment covering it).
"""

from __future__ import annotations

from enum import Enum

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from waypoint.accounts.access import Actor, holds_at
from waypoint.accounts.models import Role
from waypoint.accounts.scoping import PERSONAL_DATA_ROLES
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


def may(user: Actor, work: Work, site: Site | None = None) -> bool:
    """Whether ``user`` holds a role for ``work`` whose scope covers ``site`` (None: anywhere)."""
    return holds_at(user, ROLES[work], site)


def require(user: Actor, work: Work, site: Site | None = None) -> None:
    """``PermissionDenied`` unless ``may(user, work, site)``."""
    if not may(user, work, site):
        if site is None:
            raise PermissionDenied(_("Your role does not do this in the reception centres."))
        raise PermissionDenied(
            _("You may not do this at %(site)s.") % {"site": site.name},
        )


def allowed_work(user: Actor, site: Site) -> set[str]:
    """The names of the kinds of work ``user`` may do at ``site`` (for showing buttons)."""
    return {work.value for work in Work if may(user, work, site)}
