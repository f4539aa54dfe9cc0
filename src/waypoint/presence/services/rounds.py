"""Rounds: creation, moving through their states, confirming checks, publishing."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.presence import access
from waypoint.presence.models import CheckConfirmation, Location, Round, RoundStatus
from waypoint.presence.services.observations import PresenceError

NEXT_STATUS = {
    RoundStatus.DRAFT: RoundStatus.COLLECTING,
    RoundStatus.COLLECTING: RoundStatus.IN_REVIEW,
}


def _require_review(actor: Any) -> None:
    if not access.may_review(actor):
        raise PermissionDenied


@transaction.atomic
def round_create(*, actor: Any, values: dict[str, Any]) -> Round:
    _require_review(actor)
    if Round.objects.filter(number=values["number"]).exists():
        raise PresenceError(_("A round with this number exists already."), "number")
    round_ = Round.objects.create(**values)
    audit_record(actor=actor, action=Action.CREATE, target=round_, purpose="presence round")
    return round_


@transaction.atomic
def round_advance(*, actor: Any, round: Round) -> Round:
    """Draft → collecting → in review. Publishing has its own service."""
    _require_review(actor)
    locked = Round.objects.select_for_update().get(pk=round.pk)
    following = NEXT_STATUS.get(RoundStatus(locked.status))
    if following is None:
        raise PresenceError(_("This round cannot move on from its current state."))
    locked.status = following
    locked.save(update_fields=["status"])
    audit_record(actor=actor, action=Action.UPDATE, target=locked, changed_fields=["status"])
    return locked


@transaction.atomic
def round_publish(*, actor: Any, round: Round) -> Round:
    """Freeze a round in review. Refused while a quality check fails unconfirmed."""
    from waypoint.presence.quality import round_checks

    _require_review(actor)
    locked = Round.objects.select_for_update().get(pk=round.pk)
    if locked.status != RoundStatus.IN_REVIEW:
        raise PresenceError(_("Only a round in review can be published."))
    open_problems = [problem for problem in round_checks(locked) if not problem.confirmed]
    if open_problems:
        raise PresenceError(
            _("%(count)s quality checks still fail: correct or confirm them first.")
            % {"count": len(open_problems)}
        )
    locked.status = RoundStatus.PUBLISHED
    locked.published_at = timezone.now()
    locked.published_by = actor
    locked.save(update_fields=["status", "published_at", "published_by"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        target=locked,
        purpose="presence round published",
        changed_fields=["status", "published_at"],
    )
    return locked


@transaction.atomic
def check_confirm(
    *, actor: Any, round: Round, check: str, location_code: str = "", note: str = ""
) -> CheckConfirmation:
    """A reviewer's confirmation that a flagged figure is right as it stands."""
    _require_review(actor)
    if round.is_published:
        raise PresenceError(_("This round is published and can no longer change."))
    location = None
    if location_code:
        location = Location.objects.filter(code=location_code).first()
        if location is None:
            raise PresenceError(_("No location in the baseline has this code."), "location")
    confirmation, _created = CheckConfirmation.objects.get_or_create(
        round=round,
        check_code=check,
        location=location,
        defaults={"note": note, "confirmed_by": actor},
    )
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        target=round,
        purpose="presence quality check confirmed",
        changed_fields=["confirmations"],
    )
    return confirmation
