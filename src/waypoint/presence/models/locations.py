"""The baseline: places outside the reception centres where migrants stay, with history."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from waypoint.places.models import Area, AreaLevel


class LocationType(models.TextChoices):
    SQUAT = "squat", _("Squat")
    ABANDONED_BUILDING = "abandoned_building", _("Abandoned building")
    OPEN_AIR = "open_air", _("Open-air site")
    STATION = "station", _("Station")
    PRIVATE_ACCOMMODATION = "private", _("Private accommodation")
    BORDER_AREA = "border_area", _("Border area")
    OTHER = "other", _("Other")


class Location(models.Model):
    """A place outside the official centres that teams visit each round.

    Active from ``active_from`` until ``active_until`` (empty while active). A location
    merged into another keeps its row and points to the one that continues it.
    """

    code = models.CharField(_("code"), max_length=24, unique=True)
    name = models.CharField(_("name"), max_length=120)
    type = models.CharField(_("type"), max_length=20, choices=LocationType.choices)
    municipality = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        related_name="presence_locations",
        verbose_name=_("municipality"),
        limit_choices_to={"level": AreaLevel.MUNICIPALITY},
    )
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5)
    active_from = models.DateField(_("active from"))
    active_until = models.DateField(_("active until"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_from",
        verbose_name=_("merged into"),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def is_active_on(self, day: date) -> bool:
        return self.active_from <= day and (self.active_until is None or day <= self.active_until)


class LocationEventKind(models.TextChoices):
    CREATED = "created", _("Added to the baseline")
    REVISED = "revised", _("Revised")
    CLOSED = "closed", _("Closed")
    REOPENED = "reopened", _("Reopened")
    MERGED = "merged", _("Merged into another location")


class LocationEvent(models.Model):
    """One change to the baseline: the history of a location between rounds."""

    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="events", verbose_name=_("location")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=LocationEventKind.choices)
    effective_on = models.DateField(_("effective on"))
    changed_fields = models.JSONField(_("changed fields"), default=list, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["location", "effective_on", "pk"]
        verbose_name = _("location event")
        verbose_name_plural = _("location events")

    def __str__(self) -> str:
        return f"{self.location.code} {self.kind} {self.effective_on}"
