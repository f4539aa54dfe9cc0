"""Forms of presence monitoring: the same validation for phones, files and web entry."""

from waypoint.presence.forms.entries import (
    NATIONALITY_FIELDS,
    FlowCountEntryForm,
    FlowSurveyEntryForm,
    LocationAssessmentForm,
    ObservationWebForm,
)
from waypoint.presence.forms.manage import (
    CheckConfirmForm,
    ImportUploadForm,
    LocationCloseForm,
    LocationForm,
    LocationReviseForm,
    RoundForm,
)

__all__ = [
    "NATIONALITY_FIELDS",
    "CheckConfirmForm",
    "FlowCountEntryForm",
    "FlowSurveyEntryForm",
    "ImportUploadForm",
    "LocationAssessmentForm",
    "LocationCloseForm",
    "LocationForm",
    "LocationReviseForm",
    "ObservationWebForm",
    "RoundForm",
]
