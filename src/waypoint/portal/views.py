"""Public portal pages: information, the eligibility self-check, the application, the status.

Every page here is public, works without JavaScript and renders in the language of its
URL prefix. Nothing a visitor types is logged or kept except a submitted application.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.crypto import get_random_string
from django.utils.translation.trans_real import (
    get_supported_language_variant,
    parse_accept_lang_header,
)
from django.views.decorators.cache import never_cache

from waypoint.portal import queries, throttle
from waypoint.portal.catalogue import FALLBACK_LANGUAGE, LANGUAGE_NAMES, PORTAL_LANGUAGES
from waypoint.portal.forms import ApplicationForm, EligibilityForm, StatusForm
from waypoint.portal.markup import render_markup
from waypoint.portal.stages import public_stage
from waypoint.portal.submission import submit
from waypoint.returns.queries import case_status_public


def _render(
    request: HttpRequest, template: str, context: dict[str, Any] | None = None, status: int = 200
) -> HttpResponse:
    """Render with the language switcher: this same page in each portal language."""
    switcher = [
        (code, name, translate_url(request.path, code)) for code, name in LANGUAGE_NAMES.items()
    ]
    return render(request, template, {"switcher": switcher, **(context or {})}, status=status)


def portal_url(target: str) -> str:
    """Where a link in page text points: ``:apply`` a portal page, else a page's slug."""
    if target.startswith(":"):
        return reverse(f"portal:{target[1:]}")
    return reverse("portal:page", args=[target])


def _language() -> str:
    language = translation.get_language() or FALLBACK_LANGUAGE
    return language if language in PORTAL_LANGUAGES else FALLBACK_LANGUAGE


def entry(request: HttpRequest) -> HttpResponseRedirect:
    """``/portal/``: the portal in the first of the browser's languages that it speaks."""
    language = FALLBACK_LANGUAGE
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        try:
            language = get_supported_language_variant(code)
        except LookupError:
            continue
        break
    with translation.override(language):
        response = HttpResponseRedirect(reverse("portal:home"))
    response["Vary"] = "Accept-Language"
    return response


def home(request: HttpRequest) -> HttpResponse:
    return _render(
        request, "portal/home.html", {"pages": queries.pages_listed(language=_language())}
    )


def page(request: HttpRequest, slug: str) -> HttpResponse:
    shown = queries.page_shown(slug=slug, language=_language())
    if shown is None:
        return _render(request, "portal/not_found.html", status=404)
    body = render_markup(shown.version.body, page_url=portal_url)
    return _render(request, "portal/page.html", {"shown": shown, "body": body})


def eligibility(request: HttpRequest) -> HttpResponse:
    form = EligibilityForm(request.GET or None)
    outcome = form.outcome() if form.is_valid() else None
    return _render(request, "portal/eligibility.html", {"form": form, "outcome": outcome})


def _apply_page(
    request: HttpRequest, form: ApplicationForm, notice: queries.ShownPage | None
) -> HttpResponse:
    notice_body = render_markup(notice.version.body, page_url=portal_url) if notice else ""
    context = {"form": form, "notice": notice, "notice_body": notice_body}
    return _render(request, "portal/apply.html", context, status=200)


def _too_many(request: HttpRequest) -> HttpResponse:
    return _render(request, "portal/too_many.html", status=429)


@never_cache
def apply(request: HttpRequest) -> HttpResponse:
    language = _language()
    notice = queries.privacy_notice(language=language)
    centres = queries.centres_for_applicants()
    if request.method != "POST":
        initial = {"preferred_language": language, "privacy_notice": notice and notice.version.pk}
        return _apply_page(request, ApplicationForm(centres=centres, initial=initial), notice)
    if throttle.is_exhausted(request, "apply"):
        return _too_many(request)
    form = ApplicationForm(request.POST, centres=centres)
    if not form.is_valid():
        return _apply_page(request, form, notice)
    throttle.spend(request, "apply")
    if form.cleaned_data["website"]:
        # A robot filled the hidden field: keep nothing, answer as if all went well.
        decoy = {"reference": _decoy(), "pin": get_random_string(6, "0123456789")}
        return _render(request, "portal/receipt.html", decoy)
    shown_id = form.cleaned_data.get("privacy_notice")
    consented = queries.privacy_notice_version(version_id=shown_id) if shown_id else None
    consented = consented or (notice.version if notice else None)
    receipt = submit(form=form, language=language, privacy_notice=consented)
    if receipt is None:
        return _apply_page(request, form, notice)
    return _render(
        request, "portal/receipt.html", {"reference": receipt.reference, "pin": receipt.pin}
    )


def _decoy() -> str:
    """Looks like a real reference (R-XXXX-XXXX) but names no case."""
    chars = get_random_string(8, "23456789ABCDEFGHJKLMNPQRSTUVWXYZ")
    return f"R-{chars[:4]}-{chars[4:]}"


@never_cache
def status(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _render(request, "portal/status.html", {"form": StatusForm()})
    if throttle.is_exhausted(request, "status"):
        return _too_many(request)
    throttle.spend(request, "status")
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _render(request, "portal/status.html", {"form": form})
    found = case_status_public(
        reference=form.cleaned_data["reference"], pin=form.cleaned_data["pin"]
    )
    context = {
        "form": StatusForm(),  # never echo the reference: found and not found look alike
        "looked_up": True,
        "found": found,
        "stage": public_stage(found) if found else None,
    }
    return _render(request, "portal/status.html", context)
