"""Privacy pages: schedules and runs, erasure, subject access export, rectification."""

from __future__ import annotations

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from waypoint.privacy import access, export, queries, services
from waypoint.privacy.access import Work
from waypoint.privacy.forms import EraseForm, ExportForm, RectifyForm

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "json": "application/json",
}


@login_required
def home(request: HttpRequest) -> HttpResponse:
    access.require(request.user, Work.ADMINISTER)
    context = {
        "schedules": queries.schedules_for(request.user),
        "runs": queries.retention_runs_for(request.user),
        "erasures": queries.erasures_for(request.user),
    }
    return render(request, "privacy/home.html", context)


@login_required
def erase(request: HttpRequest, person_id: int) -> HttpResponse:
    person = queries.person_for_privacy(request.user, person_id, Work.ERASE)
    form = EraseForm(request.POST or None, registration_number=person.registration_number)
    refusals: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            services.person_erase(
                actor=request.user, person=person, reason=form.cleaned_data["reason"]
            )
        except ValidationError as refused:
            refusals = refused.messages
        else:
            messages.success(request, _("The registration was erased."))
            return redirect("privacy:home")
    status = 400 if form.is_bound and (refusals or not form.is_valid()) else 200
    context = {"person": person, "form": form, "refusals": refusals}
    return render(request, "privacy/erase.html", context, status=status)


@login_required
def subject_access(request: HttpRequest, person_id: int) -> HttpResponse:
    person = queries.person_for_privacy(request.user, person_id, Work.SUBJECT_ACCESS)
    form = ExportForm(request.GET or None)
    if not form.is_bound or not form.is_valid():
        status = 400 if form.is_bound else 200
        return render(
            request, "privacy/export.html", {"person": person, "form": form}, status=status
        )
    language, form_kind = form.cleaned_data["language"], form.cleaned_data["format"]
    found = queries.subject_access_for(request.user, person.pk, language=language)
    if form_kind == "pdf":
        content: bytes | str = export.subject_access_pdf(found)
    elif form_kind == "json":
        content = export.subject_access_json(found)
    else:
        content = export.subject_access_html(found)
    services.subject_access_record(
        actor=request.user, person_id=person.pk, language=language, form=form_kind
    )
    response = HttpResponse(content, content_type=CONTENT_TYPES[form_kind])
    filename = f"waypoint-subject-access-{person.pk}-{language}.{form_kind}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def rectify(request: HttpRequest, person_id: int) -> HttpResponse:
    person = queries.person_for_privacy(
        request.user,
        person_id,
        Work.RECTIFY,
        shown="" if request.method == "POST" else "rectification",
    )
    form = RectifyForm(request.POST or None, instance=copy.copy(person))
    if request.method == "POST" and form.is_valid():
        services.person_rectify(
            actor=request.user,
            person=person,
            requested_by_person=form.cleaned_data["requested_by_person"],
            **form.changes(),
        )
        messages.success(request, _("The correction was saved."))
        return redirect("people:person", person.pk)
    status = 400 if form.is_bound else 200
    return render(request, "privacy/rectify.html", {"person": person, "form": form}, status=status)
