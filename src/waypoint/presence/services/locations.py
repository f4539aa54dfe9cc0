"""The baseline of locations outside centres, revised between rounds with history."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.presence import access
from waypoint.presence.models import Location, LocationEvent, LocationEventKind
from waypoint.presence.services.observations import PresenceError


@transaction.atomic
def location_create(*, actor: Any, values: dict[str, Any], note: str = "") -> Location:
    """Add a location to the baseline, from ``active_from``."""
    if not access.may_review(actor):
        raise PermissionDenied
    if Location.objects.filter(code=values["code"]).exists():
        raise PresenceError(_("A location with this code exists already."), "code")
    location = Location.objects.create(**values)
    LocationEvent.objects.create(
        location=location,
        kind=LocationEventKind.CREATED,
        effective_on=location.active_from,
        note=note,
        recorded_by=actor,
    )
    audit_record(actor=actor, action=Action.CREATE, target=location)
    return location


@transaction.atomic
def location_close(
    *,
    actor: Any,
    location: Location,
    effective_on: date,
    merged_into: Location | None = None,
    note: str = "",
) -> Location:
    """Close a location (nobody stays there any more) or merge it into another one."""
    if not access.may_review(actor):
        raise PermissionDenied
    if location.active_until is not None:
        raise PresenceError(_("This location is closed already."))
    if effective_on < location.active_from:
        raise PresenceError(_("A location cannot close before it opened."), "effective_on")
    if merged_into is not None and (
        merged_into.pk == location.pk or merged_into.active_until is not None
    ):
        raise PresenceError(_("Merge into another location that is active."), "merged_into")
    location.active_until = effective_on
    location.merged_into = merged_into
    location.save(update_fields=["active_until", "merged_into"])
    LocationEvent.objects.create(
        location=location,
        kind=LocationEventKind.MERGED if merged_into else LocationEventKind.CLOSED,
        effective_on=effective_on,
        changed_fields=["active_until", "merged_into"],
        note=note,
        recorded_by=actor,
    )
    audit_record(
        actor=actor, action=Action.UPDATE, target=location, changed_fields=["active_until"]
    )
    return location


REVISABLE = ("name", "type", "municipality", "latitude", "longitude")


@transaction.atomic
def location_revise(
    *, actor: Any, location: Location, values: dict[str, Any], effective_on: date, note: str = ""
) -> list[str]:
    """Change a location's description between rounds; returns the changed field names,
    which the location's history keeps (the code and active period change elsewhere)."""
    if not access.may_review(actor):
        raise PermissionDenied
    changed = [
        name for name in REVISABLE if name in values and getattr(location, name) != values[name]
    ]
    if not changed:
        return []
    for name in changed:
        setattr(location, name, values[name])
    location.save(update_fields=changed)
    LocationEvent.objects.create(
        location=location,
        kind=LocationEventKind.REVISED,
        effective_on=effective_on,
        changed_fields=changed,
        note=note,
        recorded_by=actor,
    )
    audit_record(actor=actor, action=Action.UPDATE, target=location, changed_fields=changed)
    return changed
