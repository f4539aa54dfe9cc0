"""Writes of presence monitoring. Every function is keyword-only and atomic."""

from waypoint.presence.services.demo import rounds_generate
from waypoint.presence.services.flow import (
    flow_count_record,
    flow_points_ensure,
    flow_survey_record,
)
from waypoint.presence.services.imports import ImportRefused, presence_import
from waypoint.presence.services.locations import (
    location_close,
    location_create,
    location_revise,
)
from waypoint.presence.services.observations import (
    PresenceError,
    observation_correct,
    observation_save,
)
from waypoint.presence.services.rounds import (
    check_confirm,
    round_advance,
    round_create,
    round_publish,
)
from waypoint.presence.services.submissions import entry_receive

__all__ = [
    "ImportRefused",
    "PresenceError",
    "check_confirm",
    "entry_receive",
    "flow_count_record",
    "flow_points_ensure",
    "flow_survey_record",
    "location_close",
    "location_create",
    "location_revise",
    "observation_correct",
    "observation_save",
    "presence_import",
    "round_advance",
    "round_create",
    "round_publish",
    "rounds_generate",
]
