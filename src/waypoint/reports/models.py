"""Releases of published tables (what left, for the differencing check) and generated reports."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Release(models.Model):
    """One version of a published table for one period, as it left: shown cells only.

    The next release of the same table and period is checked against it (a change of 1 to
    4 between two releases reveals a small group as surely as a cell of 1 to 4 would).
    """

    table = models.CharField(_("table"), max_length=40)
    period = models.CharField(_("period"), max_length=20)  # "round-12" or "2026-05"
    shown = models.JSONField(_("published cells"))
    created_at = models.DateTimeField(_("released at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["table", "period", "-created_at"])]
        verbose_name = _("release")
        verbose_name_plural = _("releases")

    def __str__(self) -> str:
        return f"{self.table} {self.period}"


class ReportKind(models.TextChoices):
    PRESENCE = "presence", _("Migrant presence situation report")
    MONTHLY = "monthly", _("Monthly national overview")


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Being generated")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class Report(models.Model):
    """A situation report as PDF, generated in the background and kept for download."""

    kind = models.CharField(_("kind"), max_length=10, choices=ReportKind.choices)
    round_number = models.PositiveIntegerField(_("round"), null=True, blank=True)
    month = models.DateField(_("month"), null=True, blank=True)  # first day of the month
    language = models.CharField(_("language"), max_length=5)
    status = models.CharField(
        _("status"), max_length=8, choices=ReportStatus.choices, default=ReportStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    step = models.CharField(_("step"), max_length=80, blank=True)
    pdf = models.BinaryField(_("PDF"), null=True, blank=True, editable=False)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_label}"

    def get_absolute_url(self) -> str:
        return reverse("reports:report", args=[self.pk])

    @property
    def period_label(self) -> str:
        if self.kind == ReportKind.PRESENCE:
            return str(_("round %(number)s") % {"number": self.round_number})
        return self.month.strftime("%m.%Y") if self.month else ""

    @property
    def is_active(self) -> bool:
        return self.status in (ReportStatus.QUEUED, ReportStatus.RUNNING)

    @property
    def filename(self) -> str:
        if self.kind == ReportKind.PRESENCE:
            return f"waypoint-presence-round-{self.round_number}-{self.language}.pdf"
        month = self.month.strftime("%Y-%m") if self.month else ""
        return f"waypoint-monthly-{month}-{self.language}.pdf"
