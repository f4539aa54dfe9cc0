"""Moving a case towards departure: counselling, eligibility, travel documents, fitness, travel.

Each service checks the stage rules in ``returns.stages`` and the guards that need the
case's records, and refuses with a ``ValidationError`` that says what is missing.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.people.models import Purpose
from waypoint.people.services import ConsentMissing, consent_require
from waypoint.returns import access
from waypoint.returns.access import Work
from waypoint.returns.models import (
    Case,
    CaseMember,
    CounsellingSession,
    DataTransfer,
    DocumentKind,
    Outcome,
    Topic,
    TravelBooking,
    TravelDocument,
)
from waypoint.returns.services._common import (
    case_audit,
    country_code,
    documents_complete,
    stage_move,
    travel_missing,
    user_or_none,
)
from waypoint.returns.stages import ClosureReason, Stage

# What a travel document request tells an embassy about each person (names of fields only).
EMBASSY_FIELDS = (
    "given_name",
    "family_name",
    "father_name",
    "birth_date",
    "place_of_birth",
    "nationality",
    "documents",
    "photo",
)


@transaction.atomic
def counselling_record(
    *,
    actor: Any,
    case: Case,
    held_on: date,
    language: str,
    outcome: str,
    topics: Iterable[str] = (),
    interpreter: str = "",
    notes: str = "",
    next_appointment: datetime | None = None,
) -> CounsellingSession:
    """Record a counselling session; the first one moves an application into counselling."""
    access.require_on_case(actor, Work.COUNSEL, case)
    if not case.is_open:
        raise ValidationError(_("This case is closed; counselling can no longer be recorded."))
    topics = list(dict.fromkeys(topics))
    if any(topic not in Topic.values for topic in topics) or outcome not in Outcome.values:
        raise ValidationError(_("Choose topics and an outcome from the lists."))
    session = CounsellingSession(
        case=case,
        held_on=held_on,
        counsellor=user_or_none(actor),
        language=language.strip()[:8],
        interpreter=interpreter.strip()[:120],
        topics=topics,
        outcome=outcome,
        notes=notes.strip()[:4000],
        next_appointment=next_appointment,
    )
    session.full_clean()
    session.save()
    case_audit(actor, case, ["held_on", "language", "topics", "outcome", "notes"], session)
    if case.stage == Stage.APPLICATION:
        stage_move(actor=actor, case=case, to=Stage.COUNSELLING)
    return session


@transaction.atomic
def eligibility_decide(*, actor: Any, case: Case, approved: bool, reason: str = "") -> Case:
    """Approve (on to travel documents) or reject (with a reason) a case in counselling or
    eligibility assessment; a case in counselling passes through the assessment stage."""
    access.require_on_case(actor, Work.COUNSEL, case)
    if case.stage == Stage.COUNSELLING:
        stage_move(actor=actor, case=case, to=Stage.ELIGIBILITY)
    target = Stage.TRAVEL_DOCUMENTS if approved else Stage.REJECTED
    stage_move(actor=actor, case=case, to=target, reason=reason)
    return case


@transaction.atomic
def travel_document_request(
    *,
    actor: Any,
    case: Case,
    member: CaseMember,
    kind: str,
    embassy: str,
    requested_on: date | None = None,
) -> TravelDocument:
    """Request a passport or emergency travel document for one member from an embassy.

    Sharing the member's data with the embassy needs their active return consent naming
    ``embassy:<country>``; without it nothing is sent or stored and ``ConsentMissing`` says
    so. The sharing is recorded as a ``DataTransfer`` and audited as a transfer.
    """
    access.require_on_case(actor, Work.COUNSEL, case)
    embassy = country_code(embassy, "embassy")
    if member.case_id != case.pk:
        raise ValidationError({"member": _("This person is not on the case.")})
    if case.stage != Stage.TRAVEL_DOCUMENTS:
        raise ValidationError(
            _("Travel documents are requested once the case is approved (stage: travel documents).")
        )
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": _("Choose a passport or an emergency travel document.")})
    if member.person is None:
        raise ValidationError(
            {
                "member": _("Link %(name)s to a registration before sharing data with an embassy.")
                % {"name": member.name}
            }
        )
    recipient = f"embassy:{embassy}"
    try:
        consent = consent_require(member.person, Purpose.RETURN, recipient)
    except ConsentMissing:
        raise ConsentMissing(
            _(
                "%(name)s has not consented to sharing their data with the embassy of "
                "%(country)s. Record their consent for voluntary return naming this embassy "
                "first."
            )
            % {"name": member.name, "country": embassy}
        ) from None
    document = TravelDocument.objects.create(
        case=case,
        member=member,
        kind=kind,
        embassy=embassy,
        requested_on=requested_on or timezone.localdate(),
    )
    DataTransfer.objects.create(
        case=case,
        person=member.person,
        recipient=recipient,
        legal_basis="consent",
        consent=consent,
        fields=list(EMBASSY_FIELDS),
        sent_by=user_or_none(actor),
    )
    audit_record(
        actor=actor,
        action=Action.TRANSFER,
        target=document,
        person_id=member.person_id,
        purpose=f"travel document request to {recipient}",
        changed_fields=list(EMBASSY_FIELDS),
    )
    return document


@transaction.atomic
def travel_document_issue(
    *, actor: Any, document: TravelDocument, issued_on: date, number: str = ""
) -> TravelDocument:
    """Record that the embassy issued a document; when every member on the case holds one,
    the case moves on to the medical check."""
    access.require_on_case(actor, Work.COUNSEL, document.case)
    if document.issued_on is not None:
        raise ValidationError(_("This document is already recorded as issued."))
    document.issued_on = issued_on
    document.number = number.strip().upper()[:40]
    document.save(update_fields=["issued_on", "number"])
    case = document.case
    case_audit(actor, case, ["issued_on", "number"])
    if case.stage == Stage.TRAVEL_DOCUMENTS and documents_complete(case):
        stage_move(actor=actor, case=case, to=Stage.MEDICAL)
    return document


@transaction.atomic
def fitness_record(*, actor: Any, case: Case, fit: bool, checked_on: date, note: str = "") -> Case:
    """Record the medical check of fitness to travel (for the whole family)."""
    access.require_on_case(actor, Work.COUNSEL, case)
    if case.stage not in (Stage.TRAVEL_DOCUMENTS, Stage.MEDICAL, Stage.TRAVEL_BOOKED):
        raise ValidationError(_("Fitness to travel is recorded between approval and departure."))
    case.fit_to_travel = fit
    case.fitness_checked_on = checked_on
    case.fitness_note = note.strip()[:300]
    case.save(update_fields=["fit_to_travel", "fitness_checked_on", "fitness_note", "updated_at"])
    case_audit(actor, case, ["fit_to_travel", "fitness_checked_on", "fitness_note"])
    return case


@transaction.atomic
def travel_book(
    *,
    actor: Any,
    case: Case,
    departure_at: datetime,
    itinerary: str,
    transit: str = "",
    escort: str = "",
) -> TravelBooking:
    """Book the journey. Refused until every member holds an issued travel document and the
    medical check found the family fit to travel."""
    access.require_on_case(actor, Work.COUNSEL, case)
    missing = travel_missing(case)
    if missing:
        raise ValidationError(
            _("Travel cannot be booked yet: it needs %(missing)s.")
            % {"missing": "; ".join(missing)}
        )
    if not itinerary.strip():
        raise ValidationError({"itinerary": _("Enter the itinerary.")})
    booking = TravelBooking.objects.create(
        case=case,
        departure_at=departure_at,
        itinerary=itinerary.strip()[:300],
        transit=transit.strip()[:200],
        escort=escort.strip()[:120],
        booked_by=user_or_none(actor),
    )
    case_audit(actor, case, ["departure_at", "itinerary", "transit", "escort"], booking)
    if case.stage != Stage.TRAVEL_BOOKED:
        stage_move(actor=actor, case=case, to=Stage.TRAVEL_BOOKED)
    return booking


@transaction.atomic
def case_depart(*, actor: Any, case: Case, departed_on: date) -> Case:
    access.require_on_case(actor, Work.COUNSEL, case)
    stage_move(actor=actor, case=case, to=Stage.DEPARTED)
    case.departed_on = departed_on
    case.save(update_fields=["departed_on", "updated_at"])
    return case


@transaction.atomic
def arrival_confirm(*, actor: Any, case: Case, arrived_on: date) -> Case:
    access.require_on_case(actor, Work.COUNSEL, case)
    stage_move(actor=actor, case=case, to=Stage.ARRIVED)
    case.arrived_on = arrived_on
    case.save(update_fields=["arrived_on", "updated_at"])
    return case


@transaction.atomic
def case_stop(*, actor: Any, case: Case, stage: str, reason: str, note: str = "") -> Case:
    """Withdraw or abandon a case at any open stage, with one of ``ClosureReason``."""
    access.require_on_case(actor, Work.COUNSEL, case)
    if stage not in (Stage.WITHDRAWN, Stage.ABANDONED):
        raise ValidationError({"stage": _("Choose withdrawn or abandoned.")})
    if reason not in ClosureReason.values:
        raise ValidationError({"reason": _("Choose a reason from the list.")})
    label = str(ClosureReason(reason).label)
    stage_move(actor=actor, case=case, to=stage, reason=f"{label}. {note.strip()}".strip())
    case.closure_reason = reason
    case.save(update_fields=["closure_reason", "updated_at"])
    return case
