"""Services given and items handed out, one at a time or as a distribution line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.core.batches import chunks
from waypoint.people.identifiers import luhn_digit
from waypoint.people.models import Household, HouseholdMember, Person
from waypoint.places.models import Site
from waypoint.reception.access import Work, require
from waypoint.reception.models import ServiceDelivery, ServiceKind, Stay
from waypoint.reception.services._common import CHUNK, user_or_none

MAX_QUANTITY = 1000
_NUMBER = re.compile(r"^([A-Z]{3})-(\d{7})-(\d)$")


def _check_common(kind: str, delivered_on: date, quantity: int) -> None:
    if kind not in ServiceKind.values:
        raise ValidationError(_("Choose a service."))
    if delivered_on > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."))
    if not 1 <= quantity <= MAX_QUANTITY:
        raise ValidationError(_("The quantity is between 1 and %(most)s.") % {"most": MAX_QUANTITY})


def _resident(person_id: int, site: Site) -> bool:
    return Stay.objects.filter(person_id=person_id, site=site, exited_at__isnull=True).exists()


@transaction.atomic
def service_record(
    *,
    actor: Any,
    site: Site,
    kind: str,
    delivered_on: date,
    person: Person | None = None,
    household: Household | None = None,
    quantity: int = 1,
    note: str = "",
) -> ServiceDelivery:
    """Record one service or item for a resident ``person`` or a ``household`` (one of them).

    The person, or at least one member of the household, must have an open stay at ``site``.
    """
    require(actor, Work.SERVE, site)
    _check_common(kind, delivered_on, quantity)
    if (person is None) == (household is None):
        raise ValidationError(_("Record the service for one person or for one household."))
    if person is not None and not _resident(person.pk, site):
        raise ValidationError(
            _("%(number)s is not resident at %(site)s.")
            % {"number": person.registration_number, "site": site.name}
        )
    if household is not None:
        members = HouseholdMember.objects.filter(household=household).values("person_id")
        if not Stay.objects.filter(
            person_id__in=members, site=site, exited_at__isnull=True
        ).exists():
            raise ValidationError(
                _("No member of this household is resident at %(site)s.") % {"site": site.name}
            )
    delivery = ServiceDelivery(
        site=site,
        kind=kind,
        person=person,
        household=household,
        delivered_on=delivered_on,
        quantity=quantity,
        note=note.strip(),
        recorded_by=user_or_none(actor),
    )
    delivery.full_clean()
    delivery.save()
    audit_record(
        actor=actor,
        action=Action.CREATE,
        target=delivery,
        person_id=person.pk if person is not None else (household.head_id if household else None),
        purpose="reception",
        changed_fields=["kind", "person", "household", "delivered_on", "quantity", "note"],
    )
    return delivery


# --- Distribution lines -----------------------------------------------------------------------


@dataclass(frozen=True)
class LineError:
    """One refused line of a distribution list: its number (from 1), what was typed, why."""

    line: int
    number: str
    reason: str

    def __str__(self) -> str:
        return _("Line %(line)s (%(number)s): %(reason)s") % {
            "line": self.line,
            "number": self.number,
            "reason": self.reason,
        }


class DistributionRejected(ValidationError):
    """Nothing was saved: at least one line is wrong. ``lines`` says which and why."""

    def __init__(self, lines: list[LineError]) -> None:
        self.lines = lines
        super().__init__([str(error) for error in lines])


def _shown(value: str) -> str:
    return value if len(value) <= 40 else value[:39] + "…"


def _line_reason(value: str) -> str:
    """Why ``value`` cannot be a registration number; empty when its form is right."""
    match = _NUMBER.match(value)
    if match is None:
        return _("not a registration number (they look like LIP-0001234-7)")
    if luhn_digit(match.group(2)) != int(match.group(3)):
        return _("the check digit does not match: a digit is mistyped")
    return ""


def distribution_check(
    *, site: Site, registration_numbers: list[str]
) -> tuple[list[Person], list[LineError]]:
    """Check every line: the persons found, in line order, and the errors of the others.

    Blank lines are skipped (they keep their place in the numbering). Reads only.
    """
    errors: list[LineError] = []
    wanted: list[tuple[int, str]] = []
    first_line: dict[str, int] = {}
    for line, raw in enumerate(registration_numbers, start=1):
        value = raw.strip().upper()
        if not value:
            continue
        reason = _line_reason(value)
        if not reason and value in first_line:
            reason = _("already on line %(line)s") % {"line": first_line[value]}
        if reason:
            errors.append(LineError(line, _shown(value), reason))
            continue
        first_line[value] = line
        wanted.append((line, value))
    found: dict[str, Person] = {}
    numbers = [value for _line, value in wanted]
    for number_batch in chunks(numbers, CHUNK):
        for match in Person.objects.filter(registration_number__in=number_batch):
            found[match.registration_number] = match
    resident: set[int] = set()
    person_ids = [person.pk for person in found.values()]
    for id_batch in chunks(person_ids, CHUNK):
        resident.update(
            Stay.objects.filter(
                person_id__in=id_batch, site=site, exited_at__isnull=True
            ).values_list("person_id", flat=True)
        )
    people: list[Person] = []
    for line, value in wanted:
        person = found.get(value)
        if person is None:
            errors.append(LineError(line, value, _("no registration has this number")))
        elif person.pk not in resident:
            errors.append(
                LineError(line, value, _("not resident at %(site)s") % {"site": site.name})
            )
        else:
            people.append(person)
    errors.sort(key=lambda error: error.line)
    return people, errors


@transaction.atomic
def distribution_record_batch(
    *,
    actor: Any,
    site: Site,
    kind: str,
    registration_numbers: list[str],
    delivered_on: date,
    quantity: int = 1,
) -> list[ServiceDelivery]:
    """Record ``kind`` for every person on the list, or for nobody.

    Every line is checked first (form and check digit of the number, a registration that
    exists, an open stay at ``site``, no repeats); any error raises ``DistributionRejected``
    listing each bad line and saves nothing. One audit event covers the whole line.
    """
    require(actor, Work.SERVE, site)
    _check_common(kind, delivered_on, quantity)
    people, errors = distribution_check(site=site, registration_numbers=registration_numbers)
    if errors:
        raise DistributionRejected(errors)
    if not people:
        raise ValidationError(_("Scan or type at least one registration number."))
    recorder = user_or_none(actor)
    deliveries = ServiceDelivery.objects.bulk_create(
        [
            ServiceDelivery(
                site=site,
                kind=kind,
                person=person,
                delivered_on=delivered_on,
                quantity=quantity,
                recorded_by=recorder,
            )
            for person in people
        ],
        batch_size=500,
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        object_type="reception.servicedelivery",
        object_id=f"{site.code}:{kind}:{delivered_on.isoformat()}",
        purpose="reception",
        changed_fields=["kind", "person", "delivered_on", "quantity", f"count:{len(people)}"],
    )
    return deliveries
