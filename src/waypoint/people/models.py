"""People: one ``Person`` is one registration record (linkage groups records of one individual)."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

from waypoint.places.models import Site


class Sex(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")
    UNKNOWN = "U", _("Unknown")


class DatePrecision(models.TextChoices):
    EXACT = "exact", _("Exact date")
    MONTH = "month", _("Month and year")
    YEAR = "year", _("Year only")
    ESTIMATED = "estimated", _("Estimated from stated age")


class Person(models.Model):
    """A registration of one person at one site.

    Names are kept as spoken in their original script (when given) and in a Latin
    transliteration; the Latin forms are what other systems exchange.
    """

    registration_number = models.CharField(_("registration number"), max_length=13, unique=True)
    given_name = models.CharField(_("given name(s)"), max_length=120)
    family_name = models.CharField(_("family name"), max_length=120, blank=True)
    father_name = models.CharField(_("father's name"), max_length=120, blank=True)
    given_name_original = models.CharField(
        _("given name(s) in original script"), max_length=120, blank=True
    )
    family_name_original = models.CharField(
        _("family name in original script"), max_length=120, blank=True
    )
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    birth_date_precision = models.CharField(
        _("precision of date of birth"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.EXACT,
    )
    nationality = models.CharField(
        _("nationality"),
        max_length=3,
        blank=True,
        help_text=_("ISO 3166 alpha-3 code as declared; XXA stateless, XXX unknown."),
    )
    registered_at = models.ForeignKey(
        Site,
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("registered at"),
    )
    registered_on = models.DateField(_("registered on"))
    is_synthetic = models.BooleanField(
        default=False,
        editable=False,
        help_text="Made by the demo generator; never a real person.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["family_name", "given_name"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        indexes = [
            models.Index(fields=["registered_at", "registered_on"]),
            models.Index(fields=["family_name", "given_name"]),
            models.Index(fields=["birth_date"]),
        ]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name} ({self.registration_number})".strip()

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.given_name, self.family_name) if part)

    def age_on(self, day: date) -> int | None:
        if self.birth_date is None:
            return None
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years
