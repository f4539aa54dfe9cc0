"""Staff editing of portal pages (English/Bosnian interface; content in any portal language)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waypoint.portal import access, queries, services
from waypoint.portal.access import Work
from waypoint.portal.catalogue import FALLBACK_LANGUAGE, LANGUAGE_NAMES
from waypoint.portal.forms import PageVersionForm
from waypoint.portal.markup import render_markup
from waypoint.portal.models import PageVersion

View = Callable[..., HttpResponse]


def editors_only(view: View) -> View:
    @login_required
    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        access.require(request.user, Work.EDIT_CONTENT)
        return view(request, *args, **kwargs)

    return guarded


@editors_only
def pages(request: HttpRequest) -> HttpResponse:
    context = {"rows": queries.pages_overview(), "languages": LANGUAGE_NAMES}
    return render(request, "portal/staff/pages.html", context)


@editors_only
def edit(request: HttpRequest, slug: str, language: str) -> HttpResponse:
    page = queries.page_by_slug(slug=slug)
    if page is None or language not in LANGUAGE_NAMES:
        raise Http404
    versions = queries.page_versions(page=page, language=language)
    if request.method == "POST":
        form = PageVersionForm(request.POST)
        if form.is_valid():
            version = services.page_version_save(
                actor=request.user,
                page=page,
                language=language,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                publish=form.cleaned_data["publish"],
            )
            messages.success(request, _("Version %(number)s saved.") % {"number": version.number})
            return redirect("portal_admin:edit", slug=slug, language=language)
    else:
        start = versions[0] if versions else None
        form = PageVersionForm(
            initial={"title": start.title, "body": start.body} if start else None
        )
    english = queries.page_shown(slug=slug, language=FALLBACK_LANGUAGE)
    context = {
        "page": page,
        "language": language,
        "language_name": LANGUAGE_NAMES[language],
        "form": form,
        "versions": versions,
        "english": english.version if english and language != FALLBACK_LANGUAGE else None,
        "is_rtl": language in ("ar", "fa", "ps", "ur"),
    }
    return render(request, "portal/staff/edit.html", context)


@editors_only
def version(request: HttpRequest, pk: int) -> HttpResponse:
    shown = get_object_or_404(PageVersion.objects.select_related("page", "edited_by"), pk=pk)
    body = render_markup(
        shown.body,
        page_url=lambda target: reverse("portal_admin:pages") + f"#{target}",
    )
    context = {"version": shown, "body": body, "is_rtl": shown.language in ("ar", "fa", "ps", "ur")}
    return render(request, "portal/staff/version.html", context)


@require_POST
@editors_only
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    chosen = get_object_or_404(PageVersion.objects.select_related("page"), pk=pk)
    services.page_version_publish(actor=request.user, version=chosen)
    messages.success(request, _("Version %(number)s published.") % {"number": chosen.number})
    return redirect("portal_admin:edit", slug=chosen.page.slug, language=chosen.language)
