"""Writing to the form library: uploads, publishing, who submits, and receiving submissions.

Every change is audited. Submissions are stored as they arrive; a form shipped with an app
(``registry.BuiltinForm``) is also read into that app's records in the same transaction,
so a refused entry leaves nothing behind. Resubmitting the same ``instanceID`` changes
nothing but adds attachments not yet stored: phones retry after a lost response, and ODK
Collect splits a large submission into several requests with the same instance.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.collect import access, registry
from waypoint.collect.access import DEFAULT_SUBMITTERS, Work
from waypoint.collect.instances import Instance, InstanceError, instance_parse, instance_text
from waypoint.collect.models import (
    MAX_ATTACHMENT_BYTES,
    Form,
    FormMedia,
    FormState,
    FormVersion,
    Submission,
    SubmissionAttachment,
)
from waypoint.collect.registry import SubmissionRefused
from waypoint.collect.xlsform import Converted, media_references, xlsform_convert
from waypoint.places.models import Area

__all__ = ["SubmissionRefused"]

# Which states a form may move to from each (publishing a version opens a draft).
TRANSITIONS: dict[str, frozenset[str]] = {
    FormState.DRAFT: frozenset({FormState.RETIRED}),
    FormState.OPEN: frozenset({FormState.CLOSED, FormState.RETIRED}),
    FormState.CLOSED: frozenset({FormState.OPEN, FormState.RETIRED}),
    FormState.RETIRED: frozenset({FormState.CLOSED}),
}


@dataclass(frozen=True)
class Attachment:
    name: str
    content_type: str
    content: bytes


def _version_add(
    *, actor: Any, form: Form, name: str, content: bytes, converted: Converted
) -> FormVersion:
    if form.versions.filter(version=converted.version).exists():
        raise ValidationError(
            _(
                "Version %(version)s of this form is already here. Raise the version in the "
                "settings sheet and upload again."
            )
            % {"version": converted.version}
        )
    version = FormVersion.objects.create(
        form=form,
        version=converted.version,
        title=converted.title,
        source_name=name[:255],
        source=content,
        xml=converted.xml,
        xml_md5=FormVersion.md5_of(converted.xml),
        warnings=[
            {"message": w.message, "sheet": w.sheet, "row": w.row, "column": w.column}
            for w in converted.warnings
        ],
        encrypted=converted.encrypted,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    if converted.itemsets:
        _media_store(version, "itemsets.csv", "text/csv", converted.itemsets.encode())
    return version


@transaction.atomic
def form_upload(
    *,
    actor: Any,
    name: str,
    content: bytes,
    area: Area | None = None,
    submit_roles: Iterable[str] = DEFAULT_SUBMITTERS,
) -> FormVersion:
    """Add an uploaded XLSForm to the library: a new form (a draft) or a new version of
    the form with its ``form_id``. Raises ``XLSFormError`` with the problems by sheet, row
    and column, or ``ValidationError`` when the version is already here."""
    access.require(actor, Work.MANAGE)
    converted = xlsform_convert(name, content)
    form = Form.objects.select_for_update().filter(form_id=converted.form_id).first()
    if form is None:
        form = Form.objects.create(
            form_id=converted.form_id,
            title=converted.title,
            area=area,
            submit_roles=sorted(set(submit_roles) & access.ROLES[Work.SUBMIT]),
            created_by=actor,
        )
        audit_record(actor=actor, action=Action.CREATE, target=form, changed_fields=["form"])
    elif not access.may(actor, Work.MANAGE, form):
        raise PermissionDenied(str(access.REFUSALS[Work.MANAGE]))
    version = _version_add(actor=actor, form=form, name=name, content=content, converted=converted)
    audit_record(
        actor=actor, action=Action.CREATE, target=version, changed_fields=["version", "xml"]
    )
    return version


@transaction.atomic
def version_publish(*, actor: Any, version: FormVersion) -> FormVersion:
    """Make ``version`` the one phones download; a draft form opens."""
    form = version.form
    access.require(actor, Work.MANAGE, form)
    if form.state == FormState.RETIRED:
        raise ValidationError(_("A retired form cannot be published; close it first."))
    missing = version_media_missing(version)
    if missing:
        raise ValidationError(
            _("Upload the files the form needs first: %(files)s.") % {"files": ", ".join(missing)}
        )
    version.published_at = timezone.now()
    version.save(update_fields=["published_at"])
    form.title = version.title
    if form.state == FormState.DRAFT:
        form.state = FormState.OPEN
    form.save(update_fields=["title", "state", "updated_at"])
    audit_record(actor=actor, action=Action.UPDATE, target=version, changed_fields=["published_at"])
    return version


def version_media_missing(version: FormVersion) -> list[str]:
    """The files the form refers to that are neither uploaded nor made by an app."""
    uploaded = set(version.media.values_list("name", flat=True))
    return [
        name
        for name in media_references(version.xml)
        if name not in uploaded and registry.generated_media(name) is None
    ]


@transaction.atomic
def form_state_set(*, actor: Any, form: Form, state: str) -> Form:
    """Close, reopen or retire a form; closing keeps it off phones and refuses new
    submissions, retiring also hides it from the library's main list."""
    access.require(actor, Work.MANAGE, form)
    if state not in TRANSITIONS.get(form.state, frozenset()):
        raise ValidationError(
            _("A form that is %(now)s cannot become %(then)s.")
            % {"now": form.get_state_display(), "then": FormState(state).label}
            if state in FormState.values
            else _("Unknown state.")
        )
    if state == FormState.OPEN and form.current_version() is None:
        raise ValidationError(_("Publish a version first."))
    form.state = state
    form.save(update_fields=["state", "updated_at"])
    audit_record(actor=actor, action=Action.UPDATE, target=form, changed_fields=["state"])
    return form


@transaction.atomic
def form_submitters_set(*, actor: Any, form: Form, roles: Iterable[str], area: Area | None) -> Form:
    """Who may submit to ``form``: the roles, and the area they must be assigned within."""
    access.require(actor, Work.MANAGE, form)
    chosen = sorted(set(roles) & access.ROLES[Work.SUBMIT])
    if not chosen:
        raise ValidationError(_("Choose at least one role that may submit."))
    form.submit_roles, form.area = chosen, area
    form.save(update_fields=["submit_roles", "area", "updated_at"])
    audit_record(
        actor=actor, action=Action.UPDATE, target=form, changed_fields=["submit_roles", "area"]
    )
    return form


def _media_store(version: FormVersion, name: str, content_type: str, content: bytes) -> FormMedia:
    media, _created = FormMedia.objects.update_or_create(
        version=version,
        name=name,
        defaults={
            "content_type": content_type[:100],
            "content": content,
            "md5": FormVersion.md5_of_bytes(content),
        },
    )
    return media


@transaction.atomic
def media_upload(
    *, actor: Any, version: FormVersion, name: str, content_type: str, content: bytes
) -> FormMedia:
    """Attach a file the form refers to (a CSV for ``select_one_from_file``, an image)."""
    access.require(actor, Work.MANAGE, version.form)
    wanted = media_references(version.xml)
    if name not in wanted:
        raise ValidationError(
            _("The form does not refer to a file named %(name)s. It refers to: %(files)s.")
            % {"name": name, "files": ", ".join(wanted) or "—"}
        )
    if len(content) > MAX_ATTACHMENT_BYTES:
        raise ValidationError(_("A form file may be 10 MB at most."))
    media = _media_store(version, name, content_type, content)
    audit_record(actor=actor, action=Action.UPDATE, target=version, changed_fields=["media"])
    return media


@cache
def _builtin_converted(path: Path, modified: float) -> tuple[bytes, Converted]:
    content = path.read_bytes()
    return content, xlsform_convert(path.name, content, validate=False)


def builtin_forms_ensure() -> None:
    """Put the forms shipped with Waypoint into the library (open, published), and a new
    version when the repository's XLSForm has one. One query when all are there; the
    views of the library and of OpenRosa call it before they list forms."""
    shipped = {
        builtin.form_id: (
            builtin,
            *_builtin_converted(builtin.source, builtin.source.stat().st_mtime),
        )
        for builtin in registry.builtin_forms()
    }
    present = set(
        FormVersion.objects.filter(form__form_id__in=list(shipped)).values_list(
            "form__form_id", "version"
        )
    )
    missing = [
        item for form_id, item in shipped.items() if (form_id, item[2].version) not in present
    ]
    if missing:
        _builtin_add(missing)


@transaction.atomic
def _builtin_add(missing: list[tuple[registry.BuiltinForm, bytes, Converted]]) -> None:
    for builtin, content, converted in missing:
        form, _created = Form.objects.select_for_update().get_or_create(
            form_id=builtin.form_id,
            defaults={
                "title": converted.title,
                "builtin": True,
                "state": FormState.OPEN,
                "submit_roles": list(DEFAULT_SUBMITTERS),
            },
        )
        if form.versions.filter(version=converted.version).exists():
            continue
        version = _version_add(
            actor=None, form=form, name=builtin.source.name, content=content, converted=converted
        )
        version.published_at = timezone.now()
        version.save(update_fields=["published_at"])


def _attachments_add(submission: Submission, attachments: list[Attachment]) -> int:
    """Keep the attachments not stored yet; returns how many were new."""
    stored = set(submission.attachments.values_list("name", flat=True))
    new = [
        SubmissionAttachment(
            submission=submission,
            name=attachment.name[:255],
            content_type=attachment.content_type[:100],
            content=attachment.content,
        )
        for attachment in {item.name[:255]: item for item in attachments}.values()
        if attachment.name[:255] not in stored
    ]
    SubmissionAttachment.objects.bulk_create(new)
    return len(new)


def _form_for(instance: Instance) -> Form:
    form = Form.objects.select_related("area").filter(form_id=instance.form_id).first()
    if form is None or form.state in (FormState.DRAFT, FormState.RETIRED):
        raise SubmissionRefused(404, _("This server has no form with this id."))
    if form.state == FormState.CLOSED:
        raise SubmissionRefused(409, _("This form is closed: it takes no new submissions."))
    published = form.versions.filter(published_at__isnull=False)
    if not published.filter(version=instance.version).exists():
        raise SubmissionRefused(
            409,
            _(
                "This version of the form (%(version)s) is not on the server. Get the "
                "current form and fill it again."
            )
            % {"version": instance.version or "—"},
        )
    return form


def submission_receive(
    *, actor: Any, document: bytes, attachments: list[Attachment]
) -> tuple[Submission, bool]:
    """Accept one instance; returns it and whether it was new (False: a resubmission).

    Raises ``SubmissionRefused`` with a 4xx status and a message for the phone.
    """
    try:
        instance = instance_parse(document)
    except InstanceError as error:
        raise SubmissionRefused(400, str(error)) from None
    for attachment in attachments:
        if len(attachment.content) > MAX_ATTACHMENT_BYTES:
            raise SubmissionRefused(413, _("An attachment is larger than 10 MB."))
    form = _form_for(instance)
    if not access.may(actor, Work.SUBMIT, form):
        raise SubmissionRefused(403, str(access.REFUSALS[Work.SUBMIT]))
    existing = Submission.objects.filter(instance_id=instance.instance_id).first()
    if existing is not None:
        if existing.form_id != form.pk:
            raise SubmissionRefused(409, _("This instanceID belongs to another form."))
        _attachments_add(existing, attachments)
        return existing, False
    try:
        with transaction.atomic():
            return _store(actor, form, instance, document, attachments), True
    except IntegrityError:
        # Two copies raced: the other one won, so this one is a resubmission.
        existing = Submission.objects.filter(instance_id=instance.instance_id).first()
        if existing is None:
            raise SubmissionRefused(400, _("The submission could not be stored.")) from None
        return existing, False


def _store(
    actor: Any, form: Form, instance: Instance, document: bytes, attachments: list[Attachment]
) -> Submission:
    submission = Submission.objects.create(
        instance_id=instance.instance_id,
        form=form,
        form_version=instance.version,
        submitted_by=actor if getattr(actor, "is_authenticated", False) else None,
        xml=instance_text(document),
        encrypted=instance.encrypted,
    )
    _attachments_add(submission, attachments)
    builtin = registry.builtin_form(form.form_id)
    if builtin is not None and not instance.encrypted:
        try:
            builtin.receive(actor, instance, submission)
        except PermissionDenied:
            raise SubmissionRefused(
                403, _("This place is outside the area you are assigned to.")
            ) from None
    audit_record(
        actor=actor, action=Action.CREATE, target=submission, changed_fields=["submission"]
    )
    return submission
