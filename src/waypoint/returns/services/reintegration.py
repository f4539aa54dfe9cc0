"""After arrival: the reintegration plan, the assistance delivered, and monitoring visits."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from waypoint.returns import access
from waypoint.returns.access import Work
from waypoint.returns.models import (
    AssistanceDelivery,
    AssistanceItem,
    AssistanceKind,
    Case,
    MonitoringVisit,
    ReintegrationPlan,
)
from waypoint.returns.services._common import case_audit, stage_move, user_or_none
from waypoint.returns.stages import Stage
from waypoint.returns.sustainability import scores_compute

MAX_AMOUNT = Decimal("99999999.99")


def _amount(value: Decimal, field: str) -> Decimal:
    if not value.is_finite() or value <= 0 or value > MAX_AMOUNT:
        raise ValidationError({field: _("Enter a positive amount in euros.")})
    return value.quantize(Decimal("0.01"))


@transaction.atomic
def plan_record(
    *,
    actor: Any,
    case: Case,
    partner: str,
    agreed_on: date,
    items: Iterable[tuple[str, str, Decimal]],
) -> ReintegrationPlan:
    """Record the plan agreed after arrival: (kind, description, budget in EUR) per item.

    The case moves from "arrival confirmed" to "reintegration planned".
    """
    access.require_on_case(actor, Work.COUNSEL, case)
    if case.stage != Stage.ARRIVED:
        raise ValidationError(_("A reintegration plan is recorded once arrival is confirmed."))
    rows = list(items)
    if not rows:
        raise ValidationError({"items": _("Add at least one assistance item.")})
    if any(kind not in AssistanceKind.values for kind, _description, _budget in rows):
        raise ValidationError({"items": _("Choose each kind of assistance from the list.")})
    if not partner.strip():
        raise ValidationError({"partner": _("Name the partner in the country of return.")})
    plan = ReintegrationPlan.objects.create(
        case=case,
        partner=partner.strip()[:200],
        agreed_on=agreed_on,
        created_by=user_or_none(actor),
    )
    AssistanceItem.objects.bulk_create(
        [
            AssistanceItem(
                plan=plan,
                kind=kind,
                description=description.strip()[:300],
                budget=_amount(budget, "items"),
            )
            for kind, description, budget in rows
        ]
    )
    case_audit(actor, case, ["partner", "agreed_on", "items"], plan)
    stage_move(actor=actor, case=case, to=Stage.REINTEGRATION_PLANNED)
    return plan


def item_delivered(item: AssistanceItem) -> Decimal:
    total = item.deliveries.aggregate(total=Sum("amount"))["total"]
    return total or Decimal("0")


@transaction.atomic
def delivery_record(
    *, actor: Any, item: AssistanceItem, delivered_on: date, amount: Decimal, note: str = ""
) -> AssistanceDelivery:
    """Record assistance handed over; more than the item's budget is refused.

    When every item has been delivered in full, the case moves to "assistance delivered".
    """
    case = item.plan.case
    access.require_on_case(actor, Work.COUNSEL, case)
    if case.stage != Stage.REINTEGRATION_PLANNED:
        raise ValidationError(_("Assistance is recorded while the case is in reintegration."))
    amount = _amount(amount, "amount")
    if item_delivered(item) + amount > item.budget:
        raise ValidationError({"amount": _("This is more than is left in the item's budget.")})
    delivery = AssistanceDelivery.objects.create(
        item=item,
        delivered_on=delivered_on,
        amount=amount,
        note=note.strip()[:300],
        recorded_by=user_or_none(actor),
    )
    case_audit(actor, case, ["delivered_on", "amount", "note"], delivery)
    items = AssistanceItem.objects.filter(plan=item.plan)
    if all(item_delivered(each) >= each.budget for each in items):
        stage_move(actor=actor, case=case, to=Stage.ASSISTANCE_DELIVERED)
    return delivery


@transaction.atomic
def monitoring_record(
    *,
    actor: Any,
    case: Case,
    visited_on: date,
    answers: Mapping[str, str],
    visited_by: str = "",
) -> MonitoringVisit:
    """Record a monitoring visit and its sustainability scores (see ``sustainability``).

    The first visit after assistance was delivered moves the case into monitoring.
    """
    access.require_on_case(actor, Work.COUNSEL, case)
    if case.stage not in (Stage.ASSISTANCE_DELIVERED, Stage.MONITORING):
        raise ValidationError(_("Monitoring visits are recorded after assistance is delivered."))
    try:
        scores = scores_compute(answers)
    except ValueError:
        raise ValidationError(_("Answer every question of the survey.")) from None
    visit = MonitoringVisit.objects.create(
        case=case,
        visited_on=visited_on,
        visited_by=visited_by.strip()[:120],
        answers=dict(answers),
        economic=scores.economic,
        social=scores.social,
        psychosocial=scores.psychosocial,
        composite=scores.composite,
        recorded_by=user_or_none(actor),
    )
    case_audit(actor, case, ["visited_on", "answers", "scores"], visit)
    if case.stage == Stage.ASSISTANCE_DELIVERED:
        stage_move(actor=actor, case=case, to=Stage.MONITORING)
    return visit
