"""Presence monitoring (DTM): the location baseline, rounds, observations, flow monitoring
and the raw submissions that field phones send."""

from waypoint.presence.models.flow import (
    Direction,
    FlowCount,
    FlowPoint,
    FlowPointType,
    FlowSurvey,
    TransportMode,
)
from waypoint.presence.models.locations import (
    Location,
    LocationEvent,
    LocationEventKind,
    LocationType,
)
from waypoint.presence.models.rounds import (
    CheckConfirmation,
    Need,
    Observation,
    ObservationSource,
    Round,
    RoundStatus,
)

__all__ = [
    "CheckConfirmation",
    "Direction",
    "FlowCount",
    "FlowPoint",
    "FlowPointType",
    "FlowSurvey",
    "Location",
    "LocationEvent",
    "LocationEventKind",
    "LocationType",
    "Need",
    "Observation",
    "ObservationSource",
    "Round",
    "RoundStatus",
    "TransportMode",
]
