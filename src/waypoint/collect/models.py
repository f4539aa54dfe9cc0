"""The form library: XLSForms that staff upload, their versions and media, and what phones
and web forms submit to them, kept as received.

A ``Form`` is one questionnaire (its XLSForm ``form_id``); each upload of it is a
``FormVersion`` (its ``version`` setting), converted to an XForm once and kept with the
original file. Phones get the newest published version of each open form they may submit
to. A ``Submission`` is one instance as it came (XML and attachments), encrypted or not;
apps on the right read the ones of their forms through ``collect.registry`` handlers (the
three DTM forms feed presence rounds and flow monitoring).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from waypoint.places.models import Area

# Photos from phones are resized by ODK Collect; anything larger is not a form photo.
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


class FormState(models.TextChoices):
    DRAFT = "draft", _("Draft: not on phones yet")
    OPEN = "open", _("Open: on phones, accepting submissions")
    CLOSED = "closed", _("Closed: no new submissions")
    RETIRED = "retired", _("Retired: kept for its submissions only")


class Form(models.Model):
    """One questionnaire, by its XLSForm ``form_id``; its versions are uploads of it."""

    form_id = models.CharField(_("form ID"), max_length=64, unique=True)
    title = models.CharField(_("title"), max_length=255)
    state = models.CharField(
        _("state"), max_length=8, choices=FormState.choices, default=FormState.DRAFT
    )
    builtin = models.BooleanField(
        _("shipped with Waypoint"),
        default=False,
        help_text="Its XLSForm lives in the repository; its submissions feed an app.",
    )
    submit_roles = models.JSONField(
        _("roles that may submit"),
        default=list,
        help_text="Role values; an account submits when it holds one of them within the area.",
    )
    area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("area"),
        help_text=_("Only people assigned within this area submit to it; empty: anywhere."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["title", "form_id"]
        verbose_name = _("form")
        verbose_name_plural = _("forms")

    def __str__(self) -> str:
        return self.title

    def current_version(self) -> FormVersion | None:
        """The newest published version: the one phones download."""
        return (
            self.versions.filter(published_at__isnull=False)
            .order_by("-published_at", "-pk")
            .first()
        )


class FormVersion(models.Model):
    """One upload of a form: the file as sent and the XForm pyxform made of it."""

    form = models.ForeignKey(Form, on_delete=models.CASCADE, related_name="versions")
    version = models.CharField(_("version"), max_length=64)
    title = models.CharField(_("title"), max_length=255)
    source_name = models.CharField(_("file name"), max_length=255)
    source = models.BinaryField(_("XLSForm as uploaded"))
    xml = models.TextField(_("XForm"))
    xml_md5 = models.CharField(_("XForm MD5"), max_length=32)
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    encrypted = models.BooleanField(
        _("encrypted"),
        default=False,
        help_text=_("Submissions are encrypted on the phone with the form's public key."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        ordering = ["form", "-uploaded_at", "-pk"]
        verbose_name = _("form version")
        verbose_name_plural = _("form versions")
        constraints = [
            models.UniqueConstraint(fields=["form", "version"], name="collect_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.form.form_id} {self.version}"

    @property
    def md5_hash(self) -> str:
        return f"md5:{self.xml_md5}"

    @staticmethod
    def md5_of(xml: str) -> str:
        return FormVersion.md5_of_bytes(xml.encode())

    @staticmethod
    def md5_of_bytes(content: bytes) -> str:
        return hashlib.md5(content, usedforsecurity=False).hexdigest()


class FormMedia(models.Model):
    """A file a form version needs on the phone (a CSV for ``select_one_from_file`` or
    ``pulldata()``, an image), uploaded by staff."""

    version = models.ForeignKey(FormVersion, on_delete=models.CASCADE, related_name="media")
    name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    content = models.BinaryField(_("content"))
    md5 = models.CharField(_("MD5"), max_length=32)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["version", "name"]
        verbose_name = _("form media file")
        verbose_name_plural = _("form media files")
        constraints = [
            models.UniqueConstraint(fields=["version", "name"], name="collect_media_once")
        ]

    def __str__(self) -> str:
        return self.name


class Submission(models.Model):
    """One XForm instance, identified by the ``instanceID`` the phone generated; for an
    encrypted form, the submission manifest (the instance itself is an attachment)."""

    instance_id = models.CharField(_("instance ID"), max_length=64, unique=True)
    form = models.ForeignKey(
        Form, on_delete=models.PROTECT, related_name="submissions", verbose_name=_("form")
    )
    form_version = models.CharField(_("form version"), max_length=64, blank=True)
    received_at = models.DateTimeField(_("received at"), auto_now_add=True, db_index=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    xml = models.TextField(_("instance XML"))
    encrypted = models.BooleanField(_("encrypted"), default=False)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        indexes = [models.Index(fields=["form", "-received_at"], name="collect_sub_form_recent")]

    def __str__(self) -> str:
        return self.instance_id


class SubmissionAttachment(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="attachments")
    name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    content = models.BinaryField(_("content"))

    class Meta:
        ordering = ["submission", "name"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "name"], name="collect_attachment_name_once"
            )
        ]

    def __str__(self) -> str:
        return self.name
