"""Estimates kept with their inputs, so that a published figure can be reproduced."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    UPLOAD = "upload", _("Uploaded table of capture histories")
    REGISTRY = "registry", _("Waypoint's lists")


class StoredEstimate(models.Model):
    """One run of ``estimate``: the table of histories it used (counts only), the options,
    and the answer."""

    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    first_day = models.DateField(_("from"), null=True, blank=True)
    last_day = models.DateField(_("to"), null=True, blank=True)
    area_code = models.CharField(_("area"), max_length=16, blank=True)
    lists = models.JSONField(_("lists"))
    histories = models.JSONField(_("counts per history"))
    options = models.JSONField(_("options"), default=dict)
    result = models.JSONField(_("result"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("made at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("estimate")
        verbose_name_plural = _("estimates")

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.created_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("estimation:estimate", args=[self.pk])
