"""Who may do what with people's registrations.

Roles decide the kind of work; ``accounts.scoping`` decides where. Reading follows the
personal-data roles at the sites they cover (``queries.persons_visible_to``). Identifying is
the one national search: before registering or admitting someone, and for AVRR counsellors
linking an application to the applicant's registrations; it shows identity fields and the
last centre only.
"""

from __future__ import annotations

from enum import Enum

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from waypoint.accounts.access import Actor, holds_at
from waypoint.accounts.models import Role
from waypoint.accounts.scoping import PERSONAL_DATA_ROLES, Scope, scope_for
from waypoint.people.models import Person
from waypoint.places.models import Site


class Work(Enum):
    READ = "read"  # registrations, documents, consents, households, photos
    REGISTER = "register"  # register a person (and their household membership)
    EDIT = "edit"  # change a registration, add documents, guardians
    CONSENT = "consent"  # record or withdraw the consent a person gives to whoever works with them
    IDENTIFY = "identify"  # national search before registering or admitting
    IMPORT = "import"  # bulk registration from a CSV or XLSX file


ROLES: dict[Work, frozenset[str]] = {
    Work.READ: PERSONAL_DATA_ROLES,
    Work.REGISTER: frozenset({Role.ADMINISTRATOR, Role.REGISTRATION_OFFICER}),
    Work.EDIT: frozenset({Role.ADMINISTRATOR, Role.CENTRE_MANAGER, Role.REGISTRATION_OFFICER}),
    # Consent is asked by the worker who needs it (a referral, an embassy request): every
    # personal-data role, where the person is.
    Work.CONSENT: PERSONAL_DATA_ROLES,
    Work.IDENTIFY: frozenset(
        {Role.ADMINISTRATOR, Role.REGISTRATION_OFFICER, Role.CENTRE_MANAGER, Role.AVRR_COUNSELLOR}
    ),
    # Importing is registering, many at once: the same roles.
    Work.IMPORT: frozenset({Role.ADMINISTRATOR, Role.REGISTRATION_OFFICER}),
}


def covers_person(scope: Scope, person: Person) -> bool:
    """Whether ``scope`` reaches ``person``: where they were registered or were last seen (as
    ``queries.persons_visible_to`` reads them)."""
    return scope.allows_site(person.registered_at) or scope.allows_site(person.last_seen_at)


def may(user: Actor, work: Work, target: Site | Person | None = None) -> bool:
    """Whether ``user`` holds a role for ``work`` whose scope covers ``target`` (None: anywhere;
    a person: where they were registered or last seen)."""
    if isinstance(target, Person):
        return covers_person(scope_for(user, ROLES[work]), target)
    return holds_at(user, ROLES[work], target)


def require(user: Actor, work: Work, target: Site | Person | None = None) -> None:
    """``PermissionDenied`` unless ``may(user, work, target)``."""
    if not may(user, work, target):
        raise PermissionDenied(_("Your role does not do this with registrations."))
