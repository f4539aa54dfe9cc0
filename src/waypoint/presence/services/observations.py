"""Recording and correcting what teams observed at a location in a round."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.collect.models import Submission
from waypoint.presence import access
from waypoint.presence.models import (
    Location,
    Observation,
    ObservationSource,
    Round,
    RoundStatus,
)

COUNT_FIELDS = (
    "migrants_observed",
    "not_in_trc",
    "adult_men",
    "adult_women",
    "boys",
    "girls",
    "unaccompanied_children",
)
TEXT_FIELDS = ("team", "access_notes", "weather_notes")


class PresenceError(Exception):
    """A write refused for a reason the user can act on; ``field`` names the input."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def location_for_entry(code: str, round_: Round) -> Location:
    location = (
        Location.objects.select_related("municipality").filter(code=code).first()
        if "\x00" not in code
        else None
    )
    if location is None:
        raise PresenceError(_("No location in the baseline has this code."), "location_code")
    if location.merged_into_id is not None:
        raise PresenceError(_("This location was merged into another one."), "location_code")
    return location


def round_for_entry(actor: Any, number: int) -> Round:
    round_ = Round.objects.filter(number=number).first()
    if round_ is None:
        raise PresenceError(_("There is no round with this number."), "round_number")
    allowed = {RoundStatus.COLLECTING}
    if access.may_review(actor):
        allowed.add(RoundStatus.IN_REVIEW)
    if round_.status not in allowed:
        raise PresenceError(_("This round does not accept entries now."), "round_number")
    return round_


def _values(cleaned: dict[str, Any], nationalities: dict[str, int]) -> dict[str, Any]:
    values = {name: cleaned.get(name) or 0 for name in COUNT_FIELDS}
    values.update({name: cleaned.get(name) or "" for name in TEXT_FIELDS})
    values["observed_on"] = cleaned["observed_on"]
    values["needs"] = sorted(set(cleaned.get("needs") or []))
    values["nationalities"] = dict(sorted(nationalities.items()))
    point = cleaned.get("gps")
    if point is not None:
        values["gps_latitude"], values["gps_longitude"], values["gps_accuracy"] = point
    return values


@transaction.atomic
def observation_save(
    *,
    actor: Any,
    round: Round,
    location: Location,
    cleaned: dict[str, Any],
    nationalities: dict[str, int],
    source: ObservationSource,
    submission: Submission | None = None,
) -> Observation:
    """Record a team's observation; a later one for the same location and round replaces it.

    Raises PermissionDenied outside the actor's area and PresenceError when the round
    is frozen.
    """
    if not access.may_enter_at(actor, location.municipality):
        raise PermissionDenied
    if round.is_published:
        raise PresenceError(_("This round is published and can no longer change."))
    values = _values(cleaned, nationalities)
    values.update(source=source, submission=submission, entered_by=actor)
    observation, _created = Observation.objects.update_or_create(
        round=round, location=location, defaults=values
    )
    return observation


@transaction.atomic
def observation_correct(
    *,
    actor: Any,
    observation: Observation,
    cleaned: dict[str, Any],
    nationalities: dict[str, int],
) -> list[str]:
    """A reviewer's correction of an observation; returns the names of changed fields.

    The correction is audited by field name (never values).
    """
    if not access.may_review(actor):
        raise PermissionDenied
    if observation.round.is_published:
        raise PresenceError(_("This round is published and can no longer change."))
    changed = []
    for name, value in _values(cleaned, nationalities).items():
        if getattr(observation, name) != value:
            setattr(observation, name, value)
            changed.append(name)
    if changed:
        observation.corrected = True
        observation.save()
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            target=observation,
            purpose="presence review correction",
            changed_fields=changed,
        )
    return changed
