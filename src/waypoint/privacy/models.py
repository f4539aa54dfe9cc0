"""Models of the privacy app: what retention runs and erasures did, in counts, never values."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ErasureReason(models.TextChoices):
    """Why a person was erased: a fixed list, so no free text (which could name someone)
    ever reaches the audit trail."""

    SUBJECT_REQUEST = "subject_request", _("The person asked for erasure")
    RETENTION = "retention", _("The retention period ended")
    UNLAWFUL = "unlawful", _("The data were processed without a lawful basis")
    REGISTERED_IN_ERROR = "registered_in_error", _("Registered in error")
    AUTHORITY_ORDER = "authority_order", _("Order of a court or supervisory authority")


class RetentionRun(models.Model):
    """One schedule's part of one ``waypoint retention run``: how many rows of which table
    it erased or anonymised (or would have, in a dry run), on which day."""

    schedule = models.CharField(_("schedule"), max_length=40)
    today = models.DateField(_("as of"))
    dry_run = models.BooleanField(_("dry run"), default=False)
    records = models.PositiveIntegerField(_("records due"), default=0)
    counts = models.JSONField(_("rows per table"), default=dict, blank=True)
    ran_at = models.DateTimeField(_("ran at"), default=timezone.now)
    ran_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("ran by"),
    )

    class Meta:
        ordering = ["-ran_at", "-pk"]
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")

    def __str__(self) -> str:
        return f"{self.schedule} {self.today:%Y-%m-%d}"


class Erasure(models.Model):
    """A person erased: the registration's id (its row stays, anonymised, where published
    figures count it), the reason and the rows per table. No name, number or date of the
    person."""

    person_pk = models.PositiveBigIntegerField(_("registration id"), unique=True)
    reason = models.CharField(_("reason"), max_length=24, choices=ErasureReason.choices)
    counts = models.JSONField(_("rows per table"), default=dict, blank=True)
    erased_at = models.DateTimeField(_("erased at"), default=timezone.now)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("erased by"),
    )

    class Meta:
        ordering = ["-erased_at", "-pk"]
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")

    def __str__(self) -> str:
        return f"erasure of {self.person_pk}"
