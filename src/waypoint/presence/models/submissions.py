"""What field phones sent, kept as received so a resubmission can be recognised."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Photos from phones are resized by ODK Collect; anything larger is not a form photo.
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


class Submission(models.Model):
    """One XForm instance, identified by the ``instanceID`` the phone generated."""

    instance_id = models.CharField(_("instance ID"), max_length=64, unique=True)
    form_id = models.CharField(_("form"), max_length=64)
    form_version = models.CharField(_("form version"), max_length=32, blank=True)
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    xml = models.TextField(_("instance XML"))

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")

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
            models.UniqueConstraint(fields=["submission", "name"], name="attachment_name_unique")
        ]

    def __str__(self) -> str:
        return self.name
