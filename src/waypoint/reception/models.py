"""Reception: where people sleep (units and beds), how long they stay, and what they receive.

A ``Stay`` is one person's time at one centre, from admission to exit. A person has at most
one open stay anywhere, and a bed holds at most one open stay: both are enforced by partial
unique indexes (SQLite and PostgreSQL alike) and checked first by the services, which give
the clear message.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waypoint.core import crypto
from waypoint.people.models import Household, Person
from waypoint.places.models import Site

# A resident not seen for longer than this may be recorded as having left without notice;
# until then their bed is kept for them.
ABSENCE_LIMIT = timedelta(hours=48)


class UnitProfile(models.TextChoices):
    SINGLE_MEN = "single_men", _("Single men")
    FAMILIES = "families", _("Families")
    UNACCOMPANIED_CHILDREN = "uasc", _("Unaccompanied children")
    MIXED = "mixed", _("Mixed")


class UnitKind(models.TextChoices):
    CONTAINER = "container", _("Container")
    ROOM = "room", _("Room")
    TENT = "tent", _("Tent")
    OTHER = "other", _("Other")


class AccommodationUnit(models.Model):
    """A container, room or tent of a centre, meant for one population profile."""

    site = models.ForeignKey(
        Site, on_delete=models.PROTECT, related_name="accommodation_units", verbose_name=_("site")
    )
    name = models.CharField(_("name"), max_length=60)
    kind = models.CharField(_("kind"), max_length=16, choices=UnitKind.choices)
    profile = models.CharField(_("profile"), max_length=16, choices=UnitProfile.choices)

    class Meta:
        ordering = ["site", "name"]
        verbose_name = _("accommodation unit")
        verbose_name_plural = _("accommodation units")
        constraints = [
            models.UniqueConstraint(fields=["site", "name"], name="unit_name_unique_per_site")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_profile_display()})"


class Bed(models.Model):
    unit = models.ForeignKey(
        AccommodationUnit, on_delete=models.PROTECT, related_name="beds", verbose_name=_("unit")
    )
    label = models.CharField(_("label"), max_length=20)
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["unit", "label"]
        verbose_name = _("bed")
        verbose_name_plural = _("beds")
        constraints = [
            models.UniqueConstraint(fields=["unit", "label"], name="bed_label_unique_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.unit.name} / {self.label}"


class ExitReason(models.TextChoices):
    ONWARD = "onward", _("Left voluntarily or onward movement")
    TRANSFER = "transfer", _("Transferred to another centre")
    AVRR = "avrr", _("Departed with AVRR")
    ASYLUM_CENTRE = "asylum_centre", _("Moved to an asylum centre")
    HOSPITAL = "hospital", _("Admitted to hospital")
    READMISSION = "readmission", _("Readmission or removal")
    DECEASED = "deceased", _("Deceased")
    UNKNOWN = "unknown", _("Unknown")
    LEFT_WITHOUT_NOTICE = "left_without_notice", _("Left without notice")


# Reasons recorded by their own service (``stay_transfer``, ``absence_confirm_exit``).
RESERVED_EXIT_REASONS = frozenset({ExitReason.TRANSFER, ExitReason.LEFT_WITHOUT_NOTICE})


class Stay(models.Model):
    """One person's time at one centre. Open while ``exited_at`` is empty."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="stays", verbose_name=_("person")
    )
    # No index of its own: the three indexes below all start with the site, and a plain
    # site index tempts SQLite (which has no statistics) to read a centre's whole history.
    site = models.ForeignKey(
        Site,
        on_delete=models.PROTECT,
        related_name="stays",
        verbose_name=_("centre"),
        db_index=False,
    )
    bed = models.ForeignKey(
        Bed,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stays",
        verbose_name=_("bed"),
    )
    admitted_at = models.DateTimeField(_("admitted at"))
    admitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("admitted by"),
    )
    exited_at = models.DateTimeField(_("exited at"), null=True, blank=True)
    exit_reason = models.CharField(
        _("exit reason"), max_length=24, choices=ExitReason.choices, blank=True
    )
    exited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("exit recorded by"),
    )
    transferred_from = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="transferred_to",
        verbose_name=_("transferred from"),
    )
    last_seen_at = models.DateTimeField(_("last seen at"))

    class Meta:
        ordering = ["-admitted_at"]
        verbose_name = _("stay")
        verbose_name_plural = _("stays")
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(exited_at__isnull=True),
                name="stay_one_open_per_person",
            ),
            models.UniqueConstraint(
                fields=["bed"],
                condition=Q(exited_at__isnull=True, bed__isnull=False),
                name="stay_one_open_per_bed",
            ),
            models.CheckConstraint(
                condition=Q(exited_at__isnull=True) | Q(exited_at__gte=models.F("admitted_at")),
                name="stay_exit_after_admission",
            ),
            models.CheckConstraint(
                condition=Q(exited_at__isnull=True, exit_reason="")
                | (Q(exited_at__isnull=False) & ~Q(exit_reason="")),
                name="stay_exit_reason_with_exit",
            ),
        ]
        indexes = [
            # The dashboard at a million stays: residents now and overdue absences read only
            # the open stays of one centre; arrivals and exits are range scans by time.
            models.Index(
                fields=["site", "last_seen_at"],
                condition=Q(exited_at__isnull=True),
                name="stay_open_by_site",
            ),
            models.Index(fields=["site", "admitted_at"], name="stay_site_admitted"),
            # Covers exits by reason and the people who left (unique people) without
            # reading the table.
            models.Index(
                fields=["site", "exited_at", "exit_reason", "person"], name="stay_site_exited"
            ),
            # Everyone in every centre on a day (published figures, national occupancy):
            # two covering range searches (still open; left after the day) instead of
            # each centre's whole history. 421 ms -> 16 ms at a million stays on SQLite.
            models.Index(
                fields=["exited_at", "admitted_at", "site", "person"], name="stay_open_on_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person.registration_number} @ {self.site.code}"

    def get_absolute_url(self) -> str:
        return reverse("reception:stay", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.exited_at is None

    def is_overdue(self, now: datetime) -> bool:
        """Open and not seen for longer than the absence limit (48 hours)."""
        return self.is_open and self.last_seen_at < now - ABSENCE_LIMIT


class RollCall(models.Model):
    """A headcount at one centre: who of the residents at that moment was present."""

    site = models.ForeignKey(
        Site, on_delete=models.PROTECT, related_name="roll_calls", verbose_name=_("centre")
    )
    day = models.DateField(_("day"))
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("taken by"),
    )
    taken_at = models.DateTimeField(_("taken at"))

    class Meta:
        ordering = ["-taken_at"]
        verbose_name = _("roll-call")
        verbose_name_plural = _("roll-calls")
        indexes = [models.Index(fields=["site", "day"], name="rollcall_site_day")]

    def __str__(self) -> str:
        return f"{self.site.code} {self.day:%Y-%m-%d}"


class RollCallEntry(models.Model):
    roll_call = models.ForeignKey(RollCall, on_delete=models.CASCADE, related_name="entries")
    stay = models.ForeignKey(Stay, on_delete=models.PROTECT, related_name="roll_call_entries")
    present = models.BooleanField(_("present"))

    class Meta:
        ordering = ["roll_call", "stay"]
        verbose_name = _("roll-call entry")
        verbose_name_plural = _("roll-call entries")
        constraints = [
            models.UniqueConstraint(fields=["roll_call", "stay"], name="rollcall_entry_unique")
        ]

    def __str__(self) -> str:
        return f"{self.stay_id}: {'present' if self.present else 'absent'}"


class ServiceKind(models.TextChoices):
    MEDICAL = "medical", _("Medical check-up")
    PSYCHOSOCIAL = "psychosocial", _("Psychosocial support")
    LEGAL_AID = "legal_aid", _("Legal aid")
    INTERPRETATION = "interpretation", _("Interpretation")
    EDUCATION = "education", _("Education")
    RECREATION = "recreation", _("Recreation")
    MEALS = "meals", _("Meals")
    HYGIENE_KIT = "hygiene_kit", _("Hygiene kit")
    NON_FOOD_KIT = "non_food_kit", _("Non-food items kit")
    CLOTHES = "clothes", _("Clothes")


DISTRIBUTIONS = frozenset(
    {ServiceKind.MEALS, ServiceKind.HYGIENE_KIT, ServiceKind.NON_FOOD_KIT, ServiceKind.CLOTHES}
)
SERVICE_CHOICES = [(kind.value, kind.label) for kind in ServiceKind if kind not in DISTRIBUTIONS]
DISTRIBUTION_CHOICES = [(kind.value, kind.label) for kind in ServiceKind if kind in DISTRIBUTIONS]


class ServiceDelivery(models.Model):
    """A service given or an item handed out, to one person or to one household."""

    site = models.ForeignKey(
        Site, on_delete=models.PROTECT, related_name="service_deliveries", verbose_name=_("centre")
    )
    kind = models.CharField(_("service"), max_length=16, choices=ServiceKind.choices)
    person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="service_deliveries",
        verbose_name=_("person"),
    )
    household = models.ForeignKey(
        Household,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="service_deliveries",
        verbose_name=_("household"),
    )
    delivered_on = models.DateField(_("delivered on"))
    quantity = models.PositiveIntegerField(_("quantity"), default=1)
    note = crypto.EncryptedTextField(_("note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-delivered_on", "-id"]
        verbose_name = _("service delivery")
        verbose_name_plural = _("service deliveries")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, household__isnull=True)
                | Q(person__isnull=True, household__isnull=False),
                name="service_person_or_household",
            ),
            models.CheckConstraint(condition=Q(quantity__gte=1), name="service_quantity_positive"),
        ]
        indexes = [
            models.Index(fields=["site", "delivered_on"], name="service_site_day"),
            models.Index(fields=["site", "kind", "delivered_on"], name="service_site_kind_day"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.delivered_on:%Y-%m-%d}"

    @property
    def is_distribution(self) -> bool:
        return self.kind in DISTRIBUTIONS


# The note of a medical check-up or psychosocial session may carry health details.
crypto.register_encrypted_field(ServiceDelivery, "note")


class RegistrationTakeOver(models.Model):
    """A centre takes over a registration made elsewhere: the person presented themselves
    here with their card (registration number and date of birth), and the officer said why.
    Until then the registration is out of this centre's scope and cannot be found by it."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="+", verbose_name=_("person")
    )
    site = models.ForeignKey(
        Site, on_delete=models.PROTECT, related_name="+", verbose_name=_("centre")
    )
    reason = models.CharField(_("reason"), max_length=300)
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("taken over by"),
    )
    taken_at = models.DateTimeField(_("taken over at"), default=timezone.now)

    class Meta:
        ordering = ["-taken_at", "-pk"]
        verbose_name = _("registration taken over")
        verbose_name_plural = _("registrations taken over")

    def __str__(self) -> str:
        return f"{self.person_id} → {self.site_id}"
