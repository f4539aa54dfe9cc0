"""Who may do what with the life of personal data: retention, erasure, subject access,
rectification.

Roles decide the kind of work; ``accounts.scoping`` decides where. Retention schedules and
their runs are national housekeeping, for administrators only. Erasing a person cannot be
undone and reaches every app's tables, so it is an administrator's work too. A subject
access export holds everything Waypoint keeps about one person, protection records
included: administrators and the manager of a centre in scope answer such requests.
Rectification is editing a registration, so it follows ``people``' editing roles (one
copy of that rule, ``people.access.ROLES``).
"""

from __future__ import annotations

from enum import Enum

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from waypoint.accounts.access import Actor, holds_at
from waypoint.accounts.models import Role
from waypoint.people import access as people_access
from waypoint.places.models import Site


class Work(Enum):
    ADMINISTER = "administer"  # the privacy page: schedules, retention runs, erasures
    ERASE = "erase"  # erase one person's personal data for good
    SUBJECT_ACCESS = "subject_access"  # export everything held about one person, for them
    RECTIFY = "rectify"  # correct a registration at the person's request


ROLES: dict[Work, frozenset[str]] = {
    Work.ADMINISTER: frozenset({Role.ADMINISTRATOR}),
    Work.ERASE: frozenset({Role.ADMINISTRATOR}),
    Work.SUBJECT_ACCESS: frozenset({Role.ADMINISTRATOR, Role.CENTRE_MANAGER}),
    Work.RECTIFY: people_access.ROLES[people_access.Work.EDIT],
}


def may(user: Actor, work: Work, target: Site | None = None) -> bool:
    """Whether ``user`` holds a role for ``work`` whose scope covers ``target`` (None: anywhere)."""
    return holds_at(user, ROLES[work], target)


def may_for_person(user: Actor, work: Work, sites: tuple[Site | None, ...]) -> bool:
    """Whether ``user`` may do ``work`` for a person registered or last seen at ``sites``
    (a person is in scope where either site is, as in ``people.queries``)."""
    return any(may(user, work, site) for site in sites if site is not None)


def require(user: Actor, work: Work, target: Site | None = None) -> None:
    """``PermissionDenied`` unless ``may(user, work, target)``."""
    if not may(user, work, target):
        raise PermissionDenied(_("Your role does not do this with personal data."))


def require_for_person(user: Actor, work: Work, sites: tuple[Site | None, ...]) -> None:
    """``PermissionDenied`` unless ``may_for_person(user, work, sites)``."""
    if not may_for_person(user, work, sites):
        raise PermissionDenied(_("Your role does not do this with personal data."))
