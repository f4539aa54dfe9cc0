"""Administrative areas of Bosnia and Herzegovina and the sites where Waypoint's work happens."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class AreaLevel(models.IntegerChoices):
    COUNTRY = 0, _("Country")
    ENTITY = 1, _("Entity")
    CANTON = 2, _("Canton")
    MUNICIPALITY = 3, _("Municipality")


class Area(models.Model):
    """An administrative area with a stable code (P-code).

    ``path`` lists the codes from the country down to this area, separated by "/", so
    "everything inside this canton" is one indexed prefix match.
    """

    code = models.CharField(_("P-code"), max_length=16, unique=True)
    name = models.CharField(_("name"), max_length=120)
    level = models.PositiveSmallIntegerField(_("level"), choices=AreaLevel.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent"),
    )
    path = models.CharField(max_length=80, unique=True, editable=False)
    population_2013 = models.PositiveIntegerField(
        _("population (2013 census)"), null=True, blank=True
    )
    boundary_svg = models.TextField(
        blank=True, editable=False, help_text="Outline as an SVG path in map coordinates."
    )

    class Meta:
        ordering = ["path"]
        verbose_name = _("administrative area")
        verbose_name_plural = _("administrative areas")

    def __str__(self) -> str:
        return self.name

    def contains(self, other: Area) -> bool:
        return other.path == self.path or other.path.startswith(self.path + "/")


class SiteKind(models.TextChoices):
    RECEPTION_CENTRE = "trc", _("Temporary reception centre")
    ASYLUM_CENTRE = "asylum", _("Asylum centre")
    IMMIGRATION_CENTRE = "immigration", _("Immigration centre")
    INFORMAL_SITE = "informal", _("Informal site")
    FLOW_POINT = "flow_point", _("Flow monitoring point")


class PopulationProfile(models.TextChoices):
    SINGLE_MEN = "single_men", _("Single men")
    FAMILIES = "families", _("Families")
    UNACCOMPANIED_CHILDREN = "uasc", _("Unaccompanied children")
    FAMILIES_AND_CHILDREN = "families_uasc", _("Families and unaccompanied children")
    MIXED = "mixed", _("Mixed")


class Site(models.Model):
    """A place people stay or pass: a centre, an informal site or a flow monitoring point."""

    code = models.CharField(_("code"), max_length=24, unique=True)
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=16, choices=SiteKind.choices)
    municipality = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        related_name="sites",
        verbose_name=_("municipality"),
        limit_choices_to={"level": AreaLevel.MUNICIPALITY},
    )
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5)
    capacity = models.PositiveIntegerField(_("bed capacity"), null=True, blank=True)
    population_profile = models.CharField(
        _("population profile"), max_length=16, choices=PopulationProfile.choices, blank=True
    )
    operator = models.CharField(_("operator"), max_length=120, blank=True)
    is_open = models.BooleanField(_("open"), default=True)
    registration_prefix = models.CharField(
        _("registration prefix"),
        max_length=3,
        blank=True,
        help_text=_("Three letters that start registration numbers issued here."),
    )

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("site")
        verbose_name_plural = _("sites")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("places:site", args=[self.code])

    @property
    def is_centre(self) -> bool:
        return self.kind in {
            SiteKind.RECEPTION_CENTRE,
            SiteKind.ASYLUM_CENTRE,
            SiteKind.IMMIGRATION_CENTRE,
        }
