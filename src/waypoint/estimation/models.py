"""Estimates kept with their inputs, so that a published figure can be reproduced."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waypoint.people.models import Person
from waypoint.places.models import Area


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
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published by"),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("estimate")
        verbose_name_plural = _("estimates")

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.created_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("estimation:estimate", args=[self.pk])


class ListKind(models.TextChoices):
    ASYLUM_INTENTION = "asylum_intention", _("Asylum-intention certificates (SFA)")
    POLICE = "police", _("Police apprehensions")
    OTHER = "other", _("Other list")


class OutsideList(models.Model):
    """A list kept outside Waypoint (the Service for Foreigners' Affairs' asylum-intention
    certificates, a police apprehension list), imported for estimates. Each row was linked
    at import to a registration or to a row of an earlier outside list; the rows themselves
    are kept only as far as estimates and later imports need them."""

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=ListKind.choices)
    first_day = models.DateField(_("from"))
    last_day = models.DateField(_("to"))
    area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("area covered"),
    )
    rows = models.PositiveIntegerField(_("rows"), default=0)
    registered = models.PositiveIntegerField(_("rows matching a registration"), default=0)
    earlier = models.PositiveIntegerField(_("rows matching an earlier list"), default=0)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(_("imported at"), default=timezone.now)
    is_synthetic = models.BooleanField(
        default=False, editable=False, help_text="Made by `waypoint demo`; never real people."
    )

    class Meta:
        ordering = ["-imported_at", "-pk"]
        verbose_name = _("outside list")
        verbose_name_plural = _("outside lists")

    def __str__(self) -> str:
        return self.name


class OutsideRecord(models.Model):
    """One row of an outside list: the registration it matched, or else the earlier
    outside row it matched (``same_as``, always the first row of that person), or neither
    (a person seen by no other source). ``linkage`` keeps the row's linkage fields (names,
    birth date) only when it matched no registration, so that later lists can be linked to
    it; it is deleted with the list."""

    outside_list = models.ForeignKey(OutsideList, on_delete=models.CASCADE, related_name="records")
    row_id = models.CharField(_("row id"), max_length=80)
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    same_as = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sex = models.CharField(_("sex"), max_length=1, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    nationality = models.CharField(_("nationality"), max_length=3, blank=True)
    linkage = models.JSONField(_("linkage fields"), default=dict, blank=True)

    class Meta:
        ordering = ["outside_list", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["outside_list", "row_id"], name="outside_row_once")
        ]

    def __str__(self) -> str:
        return f"{self.outside_list_id}:{self.row_id}"
