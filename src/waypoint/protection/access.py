"""Who may do what in protection.

Every kind of protection work (reading screenings, referrals, incidents and outreach; screening;
referring; recording incidents and outreach) is for protection officers and administrators, at
the sites their protection assignments cover. Other personal-data roles learn one fact about a
person they may see, whether protection follow-up is needed (``queries.protection_flag_for``).
"""

from __future__ import annotations

from enum import Enum

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from waypoint.accounts.access import Actor, holds_at
from waypoint.accounts.models import Role
from waypoint.accounts.scoping import scope_for
from waypoint.people.access import covers_person
from waypoint.people.models import Person
from waypoint.places.models import Site

_PROTECTION_STAFF = frozenset({Role.PROTECTION_OFFICER, Role.ADMINISTRATOR})


class Work(Enum):
    READ = "read"  # screenings, referrals, incidents, outreach, the person's protection page
    SCREEN = "screen"  # record a vulnerability screening
    REFER = "refer"  # propose a referral and move it through its statuses
    RECORD_INCIDENT = "record_incident"  # record an incident and change its status
    RECORD_OUTREACH = "record_outreach"  # record an outreach contact outside the centres


ROLES: dict[Work, frozenset[str]] = {work: _PROTECTION_STAFF for work in Work}

# Not a permission: whose landing page shows the protection panel. Administrators read the
# same figures from the Protection page.
LANDING_PANEL_ROLES = frozenset({Role.PROTECTION_OFFICER})


def may(user: Actor, work: Work, target: Site | Person | None = None) -> bool:
    """Whether ``user`` holds a role for ``work`` whose scope covers ``target`` (None: anywhere).

    A person is covered where they were registered or were last seen, as
    ``queries.persons_for_protection`` reads them.
    """
    if isinstance(target, Person):
        return covers_person(scope_for(user, ROLES[work]), target)
    return holds_at(user, ROLES[work], target)


def require(user: Actor, work: Work, target: Site | Person | None = None) -> None:
    """``PermissionDenied`` unless ``may(user, work, target)``."""
    if not may(user, work, target):
        raise PermissionDenied(_("Only protection officers and administrators do this."))
