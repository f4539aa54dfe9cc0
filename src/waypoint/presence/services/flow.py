"""Flow monitoring writes: group counts and anonymous surveys at flow points."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from waypoint.collect.models import Submission
from waypoint.places.models import Site, SiteKind
from waypoint.presence import access
from waypoint.presence.models import (
    Direction,
    FlowCount,
    FlowPoint,
    FlowPointType,
    FlowSurvey,
)
from waypoint.presence.services.observations import PresenceError


def flow_point_for_entry(actor: Any, code: str) -> FlowPoint:
    point = FlowPoint.objects.select_related("site__municipality").filter(site__code=code).first()
    if point is None:
        raise PresenceError(_("No flow monitoring point has this code."), "point_code")
    if not access.may_enter_at(actor, point.site.municipality):
        raise PermissionDenied
    return point


@transaction.atomic
def flow_count_record(
    *, actor: Any, cleaned: dict[str, Any], submission: Submission | None = None
) -> FlowCount:
    point = flow_point_for_entry(actor, cleaned["point_code"])
    fields = {
        name: cleaned.get(name) or ("" if isinstance(cleaned.get(name, ""), str) else 0)
        for name in (
            "nationality",
            "previous_transit_point",
            "next_destination",
            "final_destination",
            "transport_mode",
            "direction",
        )
    }
    return FlowCount.objects.create(
        point=point,
        counted_at=cleaned["counted_at"],
        men=cleaned["men"],
        women=cleaned["women"],
        boys=cleaned["boys"],
        girls=cleaned["girls"],
        submission=submission,
        entered_by=actor,
        **fields,
    )


@transaction.atomic
def flow_survey_record(
    *, actor: Any, cleaned: dict[str, Any], submission: Submission | None = None
) -> FlowSurvey:
    point = flow_point_for_entry(actor, cleaned["point_code"])
    values = {key: value for key, value in cleaned.items() if key != "point_code"}
    for key, value in values.items():
        if value is None and key not in {"age", "journey_cost_eur", "journey_days"}:
            values[key] = ""
    return FlowSurvey.objects.create(point=point, submission=submission, **values)


def _point_type(code: str, name: str) -> FlowPointType:
    text = f"{code} {name}".lower()
    if "rail" in text:
        return FlowPointType.RAIL_STATION
    if "bus" in text:
        return FlowPointType.BUS_STATION
    return FlowPointType.TRANSIT_POINT


@transaction.atomic
def flow_points_ensure() -> list[FlowPoint]:
    """A monitoring profile for every flow point site that has none yet (type guessed from
    the name: bus, rail, else transit point; every transport mode and direction)."""
    made = []
    for site in Site.objects.filter(kind=SiteKind.FLOW_POINT, flow_point__isnull=True):
        point_type = _point_type(site.code, site.name)
        made.append(
            FlowPoint.objects.create(
                site=site,
                point_type=point_type,
                transport_modes=["train"]
                if point_type == FlowPointType.RAIL_STATION
                else ["bus", "car", "foot"],
                directions=list(Direction.values),
            )
        )
    return made
