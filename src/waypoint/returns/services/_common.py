"""What every returns service shares: moving a case between stages and refusing clearly."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.returns import access
from waypoint.returns.access import Work
from waypoint.returns.models import Case, ReintegrationPlan, StageChange, TravelDocument
from waypoint.returns.stages import NEEDS_REASON, Stage, is_allowed

COUNTRY = re.compile(r"^[A-Z]{3}$")


def country_code(value: str, field: str) -> str:
    """An ISO 3166-1 alpha-3 code in upper case, or a ValidationError on ``field``."""
    code = (value or "").strip().upper()
    if not COUNTRY.match(code):
        raise ValidationError({field: _("Use a three-letter country code such as AFG or PAK.")})
    return code


def user_or_none(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def stage_label(stage: str) -> str:
    return str(Stage(stage).label) if stage in Stage.values else stage


def documents_complete(case: Case) -> bool:
    """Every member of the case has an issued travel document."""
    holders = set(
        TravelDocument.objects.filter(case=case, issued_on__isnull=False).values_list(
            "member_id", flat=True
        )
    )
    return bool(holders) and set(case.members.values_list("pk", flat=True)) <= holders


def travel_missing(case: Case) -> list[str]:
    """What the case still lacks before travel may be booked (empty when nothing)."""
    missing = []
    if not documents_complete(case):
        missing.append(_("travel documents issued for every member"))
    if case.fit_to_travel is not True:
        missing.append(_("a medical check finding them fit to travel"))
    return missing


def _guard(case: Case, to: str) -> str:
    """Why a move allowed by the stage table still cannot happen for this case, or ""."""
    if to == Stage.ELIGIBILITY and not case.sessions.exists():
        return _("Record a counselling session before the eligibility assessment.")
    if (
        to == Stage.MEDICAL
        and case.stage == Stage.TRAVEL_DOCUMENTS
        and not documents_complete(case)
    ):
        return _(
            "The case moves to the medical check once every member's travel document is issued."
        )
    if to == Stage.TRAVEL_BOOKED:
        missing = travel_missing(case)
        if missing:
            return _("Travel cannot be booked yet: it needs %(missing)s.") % {
                "missing": "; ".join(missing)
            }
        if not case.bookings.exists():
            return _("Record the booking (itinerary and departure) to move to travel booked.")
    if to == Stage.DEPARTED and not case.bookings.exists():
        return _("A case departs only after its travel is booked.")
    if (
        to == Stage.REINTEGRATION_PLANNED
        and not ReintegrationPlan.objects.filter(case=case).exists()
    ):
        return _("Record the reintegration plan to move to reintegration planned.")
    return ""


@transaction.atomic
def stage_move(*, actor: Any, case: Case, to: str, reason: str = "") -> StageChange:
    """Move ``case`` to stage ``to`` if ``TRANSITIONS`` allows it; record who, when and why.

    Raises ``ValidationError`` naming both stages when the move is not allowed, saying what
    is missing when a guard refuses it (documents, fitness, booking, plan), or when a
    rejection, withdrawal or abandonment comes without a reason.
    """
    access.require_on_case(actor, Work.COUNSEL, case)
    reason = reason.strip()[:500]
    if not is_allowed(case.stage, to):
        raise ValidationError(
            _("A case in stage “%(current)s” cannot move to “%(target)s”.")
            % {"current": stage_label(case.stage), "target": stage_label(to)},
            code="illegal_transition",
        )
    refusal = _guard(case, to)
    if refusal:
        raise ValidationError(refusal, code="guard")
    if to in NEEDS_REASON and not reason:
        raise ValidationError(
            {"reason": _("Say why the case moves to “%(target)s”.") % {"target": stage_label(to)}}
        )
    now = timezone.now()
    change = StageChange.objects.create(
        case=case,
        from_stage=case.stage,
        to_stage=to,
        changed_by=user_or_none(actor),
        changed_at=now,
        reason=reason,
    )
    case.stage = to
    case.stage_entered_at = now
    if to in (Stage.WITHDRAWN, Stage.ABANDONED):
        # ``case_stop`` names the reason; a bare move (API) counts as "other".
        case.closure_reason = "other"
    case.save(update_fields=["stage", "stage_entered_at", "closure_reason", "updated_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        target=case,
        person_id=case.principal_id,
        purpose="voluntary return",
        changed_fields=["stage"],
    )
    return change


def case_audit(actor: Any, case: Case, fields: Iterable[str], target: Any = None) -> None:
    """Audit a write on ``case`` (or creating ``target`` on it): field names only."""
    audit_record(
        actor=actor,
        action=Action.UPDATE if target is None else Action.CREATE,
        target=target if target is not None else case,
        person_id=case.principal_id,
        purpose="voluntary return",
        changed_fields=list(fields),
    )
