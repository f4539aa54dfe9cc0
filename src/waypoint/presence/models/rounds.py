"""Rounds of counting and what teams observed at each location in a round."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from waypoint.presence.models.locations import Location


class RoundStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    COLLECTING = "collecting", _("Collecting")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")


class Round(models.Model):
    """One DTM round: every baseline location counted around one snapshot date.

    A published round is frozen: its observations can no longer change.
    """

    number = models.PositiveIntegerField(_("round number"), unique=True)
    snapshot_date = models.DateField(_("snapshot date"))
    status = models.CharField(
        _("status"), max_length=12, choices=RoundStatus.choices, default=RoundStatus.DRAFT
    )
    teams = models.PositiveSmallIntegerField(_("teams"), default=0)
    enumerators_male = models.PositiveSmallIntegerField(_("enumerators, men"), default=0)
    enumerators_female = models.PositiveSmallIntegerField(_("enumerators, women"), default=0)
    sfa_staff_male = models.PositiveSmallIntegerField(_("SFA staff, men"), default=0)
    sfa_staff_female = models.PositiveSmallIntegerField(_("SFA staff, women"), default=0)
    red_cross_staff_male = models.PositiveSmallIntegerField(_("Red Cross staff, men"), default=0)
    red_cross_staff_female = models.PositiveSmallIntegerField(
        _("Red Cross staff, women"), default=0
    )
    change_threshold = models.PositiveSmallIntegerField(
        _("change threshold (%)"),
        default=50,
        help_text=_(
            "A location whose count changed more than this against the previous round is flagged."
        ),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-number"]
        verbose_name = _("round")
        verbose_name_plural = _("rounds")

    def __str__(self) -> str:
        return str(_("Round %(number)s") % {"number": self.number})

    def get_absolute_url(self) -> str:
        return reverse("presence:round", args=[self.number])

    @property
    def is_published(self) -> bool:
        return self.status == RoundStatus.PUBLISHED

    @property
    def accepts_entries(self) -> bool:
        return self.status in {RoundStatus.COLLECTING, RoundStatus.IN_REVIEW}


class Need(models.TextChoices):
    FOOD = "food", _("Food")
    WATER = "water", _("Water")
    SHELTER = "shelter", _("Shelter")
    HEALTH = "health", _("Health")
    PROTECTION = "protection", _("Protection")


class ObservationSource(models.TextChoices):
    PHONE = "phone", _("Phone (OpenRosa)")
    WEB = "web", _("Web form")
    IMPORT = "import", _("Imported file")


class Observation(models.Model):
    """What a team counted at one location in one round. Aggregate figures only, no names."""

    round = models.ForeignKey(
        Round, on_delete=models.PROTECT, related_name="observations", verbose_name=_("round")
    )
    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, related_name="observations", verbose_name=_("location")
    )
    observed_on = models.DateField(_("observed on"))
    migrants_observed = models.PositiveIntegerField(_("migrants observed"))
    not_in_trc = models.PositiveIntegerField(
        _("of whom not accommodated or registered in any centre")
    )
    adult_men = models.PositiveIntegerField(_("adult men"), default=0)
    adult_women = models.PositiveIntegerField(_("adult women"), default=0)
    boys = models.PositiveIntegerField(_("boys"), default=0)
    girls = models.PositiveIntegerField(_("girls"), default=0)
    unaccompanied_children = models.PositiveIntegerField(_("unaccompanied children"), default=0)
    nationalities = models.JSONField(
        _("declared nationalities"), default=dict, blank=True, help_text="ISO3 code: count"
    )
    needs = models.JSONField(_("needs"), default=list, blank=True)
    access_notes = models.CharField(_("access notes"), max_length=500, blank=True)
    weather_notes = models.CharField(_("weather notes"), max_length=500, blank=True)
    team = models.CharField(_("team"), max_length=60, blank=True)
    source = models.CharField(_("source"), max_length=8, choices=ObservationSource.choices)
    gps_latitude = models.FloatField(_("GPS latitude"), null=True, blank=True)
    gps_longitude = models.FloatField(_("GPS longitude"), null=True, blank=True)
    gps_accuracy = models.FloatField(
        _("GPS accuracy (m)"), null=True, blank=True, help_text="As the phone reported it."
    )
    submission = models.OneToOneField(
        "collect.Submission",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="observation",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    corrected = models.BooleanField(_("corrected in review"), default=False)

    class Meta:
        ordering = ["round", "location"]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "location"], name="observation_one_per_location_and_round"
            ),
            models.CheckConstraint(
                condition=Q(not_in_trc__lte=models.F("migrants_observed")),
                name="observation_not_in_trc_within_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.round.number} {self.location.code}"

    @property
    def by_sex_and_age(self) -> int:
        return self.adult_men + self.adult_women + self.boys + self.girls

    @property
    def nationalities_total(self) -> int:
        return sum(int(value) for value in self.nationalities.values())


class CheckConfirmation(models.Model):
    """A reviewer's word that a flagged figure is right as it stands."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="confirmations")
    check_code = models.CharField(_("check"), max_length=32)
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("confirmed check")
        verbose_name_plural = _("confirmed checks")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "check_code", "location"], name="check_confirmed_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.round_id} {self.check_code} {self.location_id}"
