"""Reads of portal content. Public text, so no acting user: nothing here is personal data."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from waypoint.places.models import Site, SiteKind
from waypoint.portal.catalogue import FALLBACK_LANGUAGE, PORTAL_LANGUAGES, PRIVACY_SLUG
from waypoint.portal.models import Page, PageKind, PageVersion


@dataclass(frozen=True)
class ShownPage:
    version: PageVersion
    is_fallback: bool  # True: the language asked for has no published text; English shows

    @property
    def slug(self) -> str:
        return self.version.page.slug


def _published(language: str) -> Q:
    return Q(language=language, is_published=True)


def page_shown(*, slug: str, language: str) -> ShownPage | None:
    """The newest published version of ``slug`` in ``language``, else in English, else None."""
    versions = PageVersion.objects.select_related("page").filter(page__slug=slug)
    for candidate in (language, FALLBACK_LANGUAGE):
        version = versions.filter(_published(candidate)).order_by("-number").first()
        if version is not None:
            return ShownPage(version=version, is_fallback=candidate != language)
    return None


def pages_listed(*, language: str) -> dict[str, list[ShownPage]]:
    """Every page with published text, by kind ("general", "country"), titled in ``language``."""
    newest: dict[tuple[int, str], PageVersion] = {}
    for version in (
        PageVersion.objects.select_related("page")
        .filter(is_published=True, language__in={language, FALLBACK_LANGUAGE})
        .order_by("number")
    ):
        newest[(version.page_id, version.language)] = version
    listed: dict[str, list[ShownPage]] = {PageKind.GENERAL: [], PageKind.COUNTRY: []}
    for page in Page.objects.all():
        own = newest.get((page.pk, language))
        fallback = newest.get((page.pk, FALLBACK_LANGUAGE))
        if own is not None:
            listed[page.kind].append(ShownPage(version=own, is_fallback=False))
        elif fallback is not None:
            listed[page.kind].append(ShownPage(version=fallback, is_fallback=True))
    return listed


def privacy_notice(*, language: str) -> ShownPage | None:
    return page_shown(slug=PRIVACY_SLUG, language=language)


def privacy_notice_version(*, version_id: int) -> PageVersion | None:
    """A published version of the privacy notice by id (the one an applicant was shown)."""
    return (
        PageVersion.objects.select_related("page")
        .filter(pk=version_id, page__slug=PRIVACY_SLUG, is_published=True)
        .first()
    )


def centres_for_applicants() -> list[tuple[str, str]]:
    """Open centres an applicant may be staying at, as (code, name)."""
    kinds = [SiteKind.RECEPTION_CENTRE, SiteKind.ASYLUM_CENTRE, SiteKind.IMMIGRATION_CENTRE]
    return list(
        Site.objects.filter(kind__in=kinds, is_open=True)
        .order_by("name")
        .values_list("code", "name")
    )


# --- for the staff editing pages ---


@dataclass(frozen=True)
class LanguageState:
    language: str
    latest: PageVersion | None
    published: PageVersion | None


def pages_overview() -> list[tuple[Page, list[LanguageState]]]:
    """Each page with, per portal language, its newest version and its published one."""
    versions: dict[tuple[int, str], list[PageVersion]] = {}
    for version in PageVersion.objects.order_by("-number"):
        versions.setdefault((version.page_id, version.language), []).append(version)
    rows = []
    for page in Page.objects.all():
        states = []
        for language in PORTAL_LANGUAGES:
            found = versions.get((page.pk, language), [])
            published = next((version for version in found if version.is_published), None)
            states.append(LanguageState(language, found[0] if found else None, published))
        rows.append((page, states))
    return rows


def page_by_slug(*, slug: str) -> Page | None:
    return Page.objects.filter(slug=slug).first()


def page_versions(*, page: Page, language: str) -> list[PageVersion]:
    return list(
        PageVersion.objects.select_related("edited_by")
        .filter(page=page, language=language)
        .order_by("-number")
    )
