"""Receiving what field phones submit through OpenRosa.

A submission is the instance document (``xml_submission_file``) plus any attachments.
Resubmitting the same ``instanceID`` changes nothing: phones retry after a lost response.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from waypoint.presence.forms import (
    FlowCountEntryForm,
    FlowSurveyEntryForm,
    LocationAssessmentForm,
)
from waypoint.presence.models import ObservationSource, Submission, SubmissionAttachment
from waypoint.presence.models.submissions import MAX_ATTACHMENT_BYTES
from waypoint.presence.services.flow import flow_count_record, flow_survey_record
from waypoint.presence.services.observations import (
    PresenceError,
    location_for_entry,
    observation_save,
    round_for_entry,
)
from waypoint.presence.xforms import FORM_IDS, Instance, InstanceError, instance_parse

ENTRY_FORMS: dict[str, type[forms.Form]] = {
    "presence_location": LocationAssessmentForm,
    "presence_flow_count": FlowCountEntryForm,
    "presence_flow_survey": FlowSurveyEntryForm,
}


class SubmissionRefused(Exception):
    """The submission cannot be accepted; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Attachment:
    name: str
    content_type: str
    content: bytes


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


def submission_receive(
    *, actor: Any, document: bytes, attachments: list[Attachment]
) -> tuple[Submission, bool]:
    """Accept one instance; returns it and whether it was new (False: a resubmission).

    Raises SubmissionRefused with a 4xx status and a message for the phone.
    """
    try:
        instance = instance_parse(document)
    except InstanceError as error:
        raise SubmissionRefused(400, str(error)) from None
    if instance.form_id not in FORM_IDS:
        raise SubmissionRefused(404, _("This server has no form with this id."))
    for attachment in attachments:
        if len(attachment.content) > MAX_ATTACHMENT_BYTES:
            raise SubmissionRefused(413, _("An attachment is larger than 10 MB."))
    existing = Submission.objects.filter(instance_id=instance.instance_id).first()
    if existing is not None:
        _attachments_add(existing, attachments)
        return existing, False
    try:
        with transaction.atomic():
            return _store(actor, instance, document, attachments), True
    except IntegrityError:
        # Two copies raced: the other one won, so this one is a resubmission.
        existing = Submission.objects.filter(instance_id=instance.instance_id).first()
        if existing is None:
            raise SubmissionRefused(400, _("The submission could not be stored.")) from None
        return existing, False


def _attachments_add(submission: Submission, attachments: list[Attachment]) -> None:
    """Keep the attachments not stored yet. ODK Collect splits a submission whose files
    exceed the accepted length into several POSTs with the same instanceID; the instance
    itself is read once, so a repeat never changes the figures."""
    stored = set(submission.attachments.values_list("name", flat=True))
    SubmissionAttachment.objects.bulk_create(
        SubmissionAttachment(
            submission=submission,
            name=attachment.name[:255],
            content_type=attachment.content_type[:100],
            content=attachment.content,
        )
        for attachment in {item.name[:255]: item for item in attachments}.values()
        if attachment.name[:255] not in stored
    )


def _store(
    actor: Any, instance: Instance, document: bytes, attachments: list[Attachment]
) -> Submission:
    form = ENTRY_FORMS[instance.form_id](data=instance.values)
    if not form.is_valid():
        raise SubmissionRefused(400, form_errors_text(form))
    submission = Submission.objects.create(
        instance_id=instance.instance_id,
        form_id=instance.form_id,
        form_version=instance.version[:32],
        submitted_by=actor,
        xml=document.decode("utf-8", errors="replace"),
    )
    _attachments_add(submission, attachments)
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
    except PermissionDenied:
        raise SubmissionRefused(
            403, _("This place is outside the area you are assigned to.")
        ) from None
    return submission
