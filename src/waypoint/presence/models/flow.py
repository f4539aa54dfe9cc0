"""Flow monitoring: points where people pass, group counts there, anonymous surveys.

Nothing here names anyone: counts are of groups, surveys are anonymous by design.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from waypoint.places.models import Site


class FlowPointType(models.TextChoices):
    BORDER_CROSSING = "border", _("Border crossing")
    BUS_STATION = "bus", _("Bus station")
    RAIL_STATION = "rail", _("Railway station")
    TRANSIT_POINT = "transit", _("Transit point")


class TransportMode(models.TextChoices):
    BUS = "bus", _("Bus")
    TRAIN = "train", _("Train")
    CAR = "car", _("Car or taxi")
    ON_FOOT = "foot", _("On foot")
    OTHER = "other", _("Other")


class Direction(models.TextChoices):
    INCOMING = "in", _("Arriving in BiH")
    OUTGOING = "out", _("Leaving BiH")
    INTERNAL = "internal", _("Moving within BiH")


class FlowPoint(models.Model):
    """The monitoring details of a flow point site (places kind ``flow_point``)."""

    site = models.OneToOneField(
        Site, on_delete=models.PROTECT, related_name="flow_point", verbose_name=_("site")
    )
    point_type = models.CharField(_("type"), max_length=8, choices=FlowPointType.choices)
    transport_modes = models.JSONField(_("transport modes"), default=list, blank=True)
    directions = models.JSONField(_("directions"), default=list, blank=True)

    class Meta:
        ordering = ["site__code"]
        verbose_name = _("flow monitoring point")
        verbose_name_plural = _("flow monitoring points")

    def __str__(self) -> str:
        return self.site.code


class FlowCount(models.Model):
    """One group counted passing a flow point (registry count)."""

    point = models.ForeignKey(FlowPoint, on_delete=models.PROTECT, related_name="counts")
    counted_at = models.DateTimeField(_("counted at"))
    men = models.PositiveIntegerField(_("men"), default=0)
    women = models.PositiveIntegerField(_("women"), default=0)
    boys = models.PositiveIntegerField(_("boys"), default=0)
    girls = models.PositiveIntegerField(_("girls"), default=0)
    nationality = models.CharField(_("nationality"), max_length=3, blank=True)
    previous_transit_point = models.CharField(
        _("previous transit point"), max_length=120, blank=True
    )
    next_destination = models.CharField(_("next destination"), max_length=120, blank=True)
    final_destination = models.CharField(_("final destination"), max_length=120, blank=True)
    transport_mode = models.CharField(
        _("transport mode"), max_length=8, choices=TransportMode.choices, blank=True
    )
    direction = models.CharField(
        _("direction"), max_length=8, choices=Direction.choices, blank=True
    )
    submission = models.OneToOneField(
        "collect.Submission", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-counted_at"]
        verbose_name = _("flow count")
        verbose_name_plural = _("flow counts")

    def __str__(self) -> str:
        return f"{self.point} {self.counted_at:%Y-%m-%d %H:%M}"

    @property
    def group_size(self) -> int:
        return self.men + self.women + self.boys + self.girls


class FlowSurvey(models.Model):
    """One anonymous interview at a flow point: no name, no document, no contact."""

    point = models.ForeignKey(FlowPoint, on_delete=models.PROTECT, related_name="surveys")
    surveyed_on = models.DateField(_("surveyed on"))
    sex = models.CharField(_("sex"), max_length=1, blank=True)
    age = models.PositiveSmallIntegerField(_("age"), null=True, blank=True)
    nationality = models.CharField(_("nationality"), max_length=3, blank=True)
    country_of_departure = models.CharField(_("country of departure"), max_length=3, blank=True)
    education = models.CharField(_("education"), max_length=24, blank=True)
    occupation_before = models.CharField(_("occupation before leaving"), max_length=60, blank=True)
    reasons = models.JSONField(_("reasons for leaving"), default=list, blank=True)
    transit_countries = models.JSONField(_("route and transit countries"), default=list, blank=True)
    journey_cost_eur = models.PositiveIntegerField(_("journey cost (EUR)"), null=True, blank=True)
    journey_days = models.PositiveIntegerField(_("journey duration (days)"), null=True, blank=True)
    travelling_with = models.CharField(_("travelling with"), max_length=24, blank=True)
    intended_destination = models.CharField(_("intended destination"), max_length=3, blank=True)
    needs = models.JSONField(_("needs"), default=list, blank=True)
    abuse_indicators = models.JSONField(
        _("exploitation and abuse indicators"), default=list, blank=True
    )
    intends_to_return = models.CharField(_("intention to return"), max_length=12, blank=True)
    submission = models.OneToOneField(
        "collect.Submission", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-surveyed_on"]
        verbose_name = _("flow survey")
        verbose_name_plural = _("flow surveys")

    def __str__(self) -> str:
        return f"{self.point} {self.surveyed_on}"
