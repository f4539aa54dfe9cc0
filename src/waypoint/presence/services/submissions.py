"""What the DTM forms' submissions become: observations in a round, flow counts and
surveys. The form library (``collect``) receives and stores them; ``entry_receive`` is
what it calls for these three forms (registered in ``presence.apps``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _

from waypoint.collect.instances import Instance
from waypoint.collect.models import Submission
from waypoint.collect.registry import SubmissionRefused
from waypoint.presence.forms import (
    FlowCountEntryForm,
    FlowSurveyEntryForm,
    LocationAssessmentForm,
)
from waypoint.presence.models import ObservationSource
from waypoint.presence.services.flow import flow_count_record, flow_survey_record
from waypoint.presence.services.observations import (
    PresenceError,
    location_for_entry,
    observation_save,
    round_for_entry,
)

ENTRY_FORMS: dict[str, type[forms.Form]] = {
    "presence_location": LocationAssessmentForm,
    "presence_flow_count": FlowCountEntryForm,
    "presence_flow_survey": FlowSurveyEntryForm,
}


def form_errors_text(form: forms.Form) -> str:
    parts = []
    for field, errors in form.errors.items():
        label = field if field != "__all__" else _("form")
        parts.append(f"{label}: " + " ".join(str(error) for error in errors))
    return "; ".join(parts)


def entry_record(
    *,
    actor: Any,
    form_id: str,
    form: forms.Form,
    source: ObservationSource,
    submission: Submission | None = None,
    round_number: int | None = None,
) -> None:
    """Write one validated entry of ``form_id``. Raises PresenceError or PermissionDenied."""
    cleaned = form.cleaned_data
    if form_id == "presence_location":
        assert isinstance(form, LocationAssessmentForm)
        round_ = round_for_entry(actor, round_number or cleaned["round_number"])
        location = location_for_entry(cleaned["location_code"], round_)
        observation_save(
            actor=actor,
            round=round_,
            location=location,
            cleaned=cleaned,
            nationalities=form.nationalities(),
            source=source,
            submission=submission,
        )
    elif form_id == "presence_flow_count":
        flow_count_record(actor=actor, cleaned=cleaned, submission=submission)
    else:
        flow_survey_record(actor=actor, cleaned=cleaned, submission=submission)


def entry_receive(actor: Any, instance: Instance, submission: Submission) -> None:
    """Read a stored submission of one of the DTM forms into the round or flow point it
    belongs to (``collect.registry``: called inside the transaction that stores it).

    Raises ``SubmissionRefused`` (nothing is kept then) when an answer is not usable, or
    ``PermissionDenied`` when the place is outside the enumerator's area.
    """
    form = ENTRY_FORMS[instance.form_id](data=instance.values)
    if not form.is_valid():
        raise SubmissionRefused(400, form_errors_text(form))
    try:
        entry_record(
            actor=actor,
            form_id=instance.form_id,
            form=form,
            source=ObservationSource.PHONE,
            submission=submission,
        )
    except PresenceError as error:
        raise SubmissionRefused(400, error.message) from None
