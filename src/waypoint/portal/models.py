"""Portal content: a page, and its versions per language (the newest published one shows)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PageKind(models.TextChoices):
    GENERAL = "general", _("General information")
    COUNTRY = "country", _("Country of return")


class Page(models.Model):
    """One topic of the portal, e.g. ``privacy`` or ``country-pakistan``."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=PageKind.choices)
    country = models.CharField(
        _("country"), max_length=3, blank=True, help_text=_("ISO alpha-3, for country pages.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=50)

    class Meta:
        ordering = ["kind", "order", "slug"]
        verbose_name = _("portal page")
        verbose_name_plural = _("portal pages")

    def __str__(self) -> str:
        return self.slug

    def get_absolute_url(self) -> str:
        return reverse("portal:page", args=[self.slug])


class PageVersion(models.Model):
    """The text of a page in one language. Saving an edit adds a version; none is changed."""

    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="versions", verbose_name=_("page")
    )
    language = models.CharField(_("language"), max_length=8)
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    is_published = models.BooleanField(_("published"), default=False)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("edited by"),
    )
    edited_at = models.DateTimeField(_("edited at"), default=timezone.now)

    class Meta:
        ordering = ["page", "language", "-number"]
        verbose_name = _("page version")
        verbose_name_plural = _("page versions")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "language", "number"], name="portal_one_number_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.page.slug} [{self.language}] v{self.number}"

    @property
    def reference(self) -> str:
        """How an application names the privacy notice it consented to: slug/lang/vN."""
        return f"{self.page.slug}/{self.language}/v{self.number}"
