"""Writes of the privacy app: erasing a person, rectifying a registration.

Erasure reaches every table that holds a person's data, in every app, in one transaction.
What published figures count is kept and made anonymous; everything else is deleted:

* kept, anonymised: the ``Person`` row itself (same id; names in every script, parents'
  names, registration number, phone, place of birth, arrival and entry point, languages and
  photo gone; date of birth cut to 1 January of the year, the registry's own placeholder for
  "year only"; sex, nationality, site and dates of registration stay), the person's stays
  and roll-call entries (centre, bed, dates: the occupancy series), services delivered (note
  removed), return cases where the person is the principal (country of return, stage and
  dates, the number of members: the AVRR series; names, contact, place, needs, notes,
  counselling, documents, bookings, reintegration and monitoring records removed), and
  outreach contacts (the link to the person and the notes removed);
* deleted: search keys (``NameKey``), identity documents, consents, guardian, household
  membership, registration take-overs, the photo file on disk, linkage pairs and their
  decisions, identity links and groups (the neighbours are regrouped), matches in outside
  lists, screenings, referrals and incidents.

The audit trail is append-only: earlier events stay, and they hold ids and field names,
never values. The erasure writes one more event with the registration's id, the reason
(a fixed choice) and the rows per table.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from waypoint.accounts.access import Actor
from waypoint.accounts.models import User
from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.estimation.models import OutsideRecord
from waypoint.linkage.models import CandidatePair, IdentityGroup, IdentityLink
from waypoint.linkage.services import _component, _regroup
from waypoint.people.models import (
    Consent,
    DatePrecision,
    Guardian,
    Household,
    HouseholdMember,
    IdentityDocument,
    NameKey,
    Person,
)
from waypoint.people.services import PERSON_FIELDS, person_update
from waypoint.privacy import access
from waypoint.privacy.access import Work
from waypoint.privacy.models import Erasure, ErasureReason
from waypoint.protection.models import Incident, OutreachContact, Referral, Screening
from waypoint.reception.models import RegistrationTakeOver, ServiceDelivery, Stay
from waypoint.returns.models import (
    Case,
    CaseMember,
    CounsellingSession,
    DataTransfer,
    MonitoringVisit,
    ReintegrationPlan,
    StageChange,
    TravelBooking,
    TravelDocument,
)
from waypoint.returns.stages import TERMINAL

# The registration number of an anonymised registration: no site, no serial.
ERASED_PREFIX = "ERASED"


def erased_number(pk: int) -> str:
    """The registration number an erased registration keeps (13 characters at most)."""
    return f"{ERASED_PREFIX}{pk:07d}" if pk < 10**7 else f"E{pk:012d}"


def _delete(counts: Counter[str], rows: QuerySet[Any]) -> None:
    """Delete ``rows`` and count what went, cascades included, by table."""
    _total, by_model = rows.delete()
    for label, number in by_model.items():
        if number:
            counts[f"deleted:{label.lower()}"] += number


def _kept(counts: Counter[str], label: str, number: int) -> None:
    if number:
        counts[f"anonymised:{label}"] += number


def open_business(person: Person) -> list[str]:
    """Why ``person`` may not be erased yet: an open stay, an open return case."""
    reasons = []
    if Stay.objects.filter(person=person, exited_at__isnull=True).exists():
        reasons.append(str(_("The person has an open stay: record the exit first.")))
    cases = Case.objects.filter(Q(principal=person) | Q(members__person=person))
    if cases.exclude(stage__in=TERMINAL).exists():
        reasons.append(str(_("The person has an open return case: close it first.")))
    return reasons


def case_strip(counts: Counter[str], case: Case) -> None:
    """Keep what the AVRR figures count of ``case`` (country, stage, dates, members) and
    remove the rest: names, contact, place, needs and every record with notes."""
    for model in (CounsellingSession, TravelBooking, ReintegrationPlan, MonitoringVisit):
        _delete(counts, model.objects.filter(case=case))
    _delete(counts, TravelDocument.objects.filter(case=case))
    _delete(counts, DataTransfer.objects.filter(case=case))
    _kept(
        counts,
        "returns.stagechange",
        StageChange.objects.filter(case=case).exclude(reason="").update(reason=""),
    )
    # Members without a registration of their own exist only here: their names go too.
    _kept(
        counts,
        "returns.casemember",
        CaseMember.objects.filter(case=case)
        .filter(Q(person__isnull=True) | Q(is_principal=True))
        .update(name=""),
    )
    for field in (
        "given_name",
        "family_name",
        "return_city",
        "contact_token",
        "staying_place",
        "special_needs",
        "fitness_note",
        "pin_hash",
    ):
        setattr(case, field, "")
    case.save()
    _kept(counts, "returns.case", 1)


def _returns_erase(counts: Counter[str], person: Person) -> None:
    for case in Case.objects.filter(principal=person):
        case_strip(counts, case)
    memberships = CaseMember.objects.filter(person=person)
    _delete(counts, TravelDocument.objects.filter(member__in=memberships))
    _delete(counts, DataTransfer.objects.filter(person=person))
    _kept(counts, "returns.casemember", memberships.exclude(name="").update(name=""))


def _protection_erase(counts: Counter[str], person: Person) -> None:
    _delete(counts, Referral.objects.filter(person=person))
    _delete(counts, Screening.objects.filter(person=person))
    _delete(counts, Incident.objects.filter(person=person))
    _kept(
        counts,
        "protection.outreachcontact",
        OutreachContact.objects.filter(person=person).update(person=None, notes=""),
    )


def _linkage_erase(counts: Counter[str], person: Person) -> None:
    """Remove the person from the identity groups; the rest of their group is regrouped
    from the pairs that remain."""
    neighbours = _component([person.pk]) - {person.pk}
    _delete(counts, CandidatePair.objects.filter(Q(left=person) | Q(right=person)))
    _delete(counts, IdentityLink.objects.filter(Q(person=person) | Q(canonical=person)))
    _delete(counts, IdentityGroup.objects.filter(canonical=person))
    if neighbours:
        _regroup(neighbours)


def _reception_erase(counts: Counter[str], person: Person) -> None:
    _delete(counts, RegistrationTakeOver.objects.filter(person=person))
    _kept(
        counts,
        "reception.servicedelivery",
        ServiceDelivery.objects.filter(person=person).exclude(note="").update(note=""),
    )
    _kept(counts, "reception.stay", Stay.objects.filter(person=person).count())


def _people_erase(counts: Counter[str], person: Person) -> None:
    for model in (NameKey, IdentityDocument, Consent, HouseholdMember):
        _delete(counts, model.objects.filter(person=person))
    _delete(counts, Guardian.objects.filter(child=person))
    Household.objects.filter(head=person).update(head=None)
    if person.photo:
        photo = person.photo
        storage, name = photo.storage, str(photo.name)
        # The file goes when the erasure commits; a rolled-back erasure keeps it.
        transaction.on_commit(lambda: storage.delete(name))
        counts["deleted:files"] += 1
    for field in (
        "given_name",
        "family_name",
        "father_name",
        "given_name_original",
        "family_name_original",
        "father_name_original",
        "mother_name",
        "mother_name_original",
        "place_of_birth",
        "phone",
        "entry_point",
        "country_of_birth",
        "notice_language",
        "photo",
    ):
        setattr(person, field, "")
    person.languages = []
    person.arrived_on = None
    person.asylum_certificate_on = None
    if person.birth_date is not None:
        person.birth_date = person.birth_date.replace(month=1, day=1)
        person.birth_date_precision = DatePrecision.YEAR
    person.registration_number = erased_number(person.pk)
    person.serial = None
    person.save()
    _kept(counts, "people.person", 1)


def is_erased(person_pk: int) -> bool:
    return Erasure.objects.filter(person_pk=person_pk).exists()


@transaction.atomic
def person_erase(
    *, actor: Actor | None, person: Person, reason: str, actor_label: str = ""
) -> Erasure:
    """Erase ``person``'s personal data everywhere (see the module's docstring for what
    is kept anonymised and what is deleted) and record it.

    Refused with ``ValidationError`` while the person has an open stay or an open return
    case, or was erased already; ``PermissionDenied`` unless ``actor`` may erase (a run of
    the retention schedules passes ``actor=None`` and its own ``actor_label``). Returns the
    ``Erasure`` with the rows per table. One audit event: the registration's id, the
    reason, the counts, never a value.
    """
    if actor is not None:
        access.require(actor, Work.ERASE)
    if reason not in ErasureReason.values:
        raise ValidationError(_("Choose a reason for the erasure."))
    person = Person.objects.select_for_update().get(pk=person.pk)
    if is_erased(person.pk):
        raise ValidationError(_("This registration was erased already."))
    refusals = open_business(person)
    if refusals:
        raise ValidationError(refusals)
    counts: Counter[str] = Counter()
    _returns_erase(counts, person)
    _protection_erase(counts, person)
    _delete(counts, OutsideRecord.objects.filter(person=person))
    _linkage_erase(counts, person)
    _reception_erase(counts, person)
    _people_erase(counts, person)
    erasure = Erasure.objects.create(
        person_pk=person.pk,
        reason=reason,
        counts=dict(sorted(counts.items())),
        erased_by=actor if isinstance(actor, User) else None,
    )
    audit_record(
        actor=actor,
        actor_label=actor_label,
        action=Action.DELETE,
        target=person,
        person_id=person.pk,
        purpose=f"person erased: {reason}",
        changed_fields=[f"{table}={number}" for table, number in sorted(counts.items())],
    )
    return erasure


# --- Rectification --------------------------------------------------------------------------

RECTIFICATION = "rectification requested by the person"


def person_rectify(
    *, actor: Actor, person: Person, requested_by_person: bool, **changes: Any
) -> Person:
    """Correct a registration's identity fields; the audit event names the fields that
    changed (never their values) and, when the person asked for the correction, says so
    in its purpose: "rectification requested by the person".

    ``person`` must come from a scoped query; ``PermissionDenied`` unless ``actor`` may
    rectify at the person's site.
    """
    access.require_for_person(actor, Work.RECTIFY, (person.registered_at, person.last_seen_at))
    unknown = set(changes) - PERSON_FIELDS
    if unknown:
        raise ValueError(f"unknown person fields: {sorted(unknown)}")
    return person_update(
        actor=actor,
        person=person,
        purpose=RECTIFICATION if requested_by_person else "correction",
        **changes,
    )


# --- Subject access -------------------------------------------------------------------------


def subject_access_record(*, actor: Actor | None, person_id: int, language: str, form: str) -> None:
    """Record that a subject access export of ``person_id`` left Waypoint (an export of
    personal data): the language and the form (html, pdf, json), no content."""
    audit_record(
        actor=actor,
        action=Action.EXPORT,
        object_type="people.person",
        object_id=person_id,
        person_id=person_id,
        purpose=f"subject access export ({language}, {form})",
    )
