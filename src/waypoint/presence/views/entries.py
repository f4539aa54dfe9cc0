"""Entering paper forms on the web, correcting in review, uploading Kobo/ODK exports."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from waypoint.presence import access, queries, services
from waypoint.presence.forms import NATIONALITY_FIELDS, ImportUploadForm, ObservationWebForm
from waypoint.presence.imports import ImportFileError, read_rows
from waypoint.presence.models import Observation, ObservationSource
from waypoint.presence.services.imports import ImportRefused
from waypoint.presence.services.observations import location_for_entry, round_for_entry


def _initial(observation: Observation) -> dict:
    initial = {
        name: getattr(observation, name)
        for name in ObservationWebForm.base_fields
        if hasattr(observation, name)
    }
    for name in NATIONALITY_FIELDS:
        initial[name] = observation.nationalities.get(name.rsplit("_", 1)[1], 0)
    return initial


@login_required
def observation_enter(request: HttpRequest, number: int) -> HttpResponse:
    """A team types in a paper location assessment for this round."""
    if not access.may_enter(request.user):
        raise PermissionDenied
    round_ = queries.round_for(request.user, number)
    form = ObservationWebForm(request.POST or None)
    locations = queries.locations_for_entry(request.user)
    code = request.POST.get("location", "")[:24] if request.method == "POST" else ""
    if request.method == "POST" and form.is_valid():
        try:
            round_for_entry(request.user, round_.number)
            location = location_for_entry(code, round_)
            services.observation_save(
                actor=request.user,
                round=round_,
                location=location,
                cleaned=form.cleaned_data,
                nationalities=form.nationalities(),
                source=ObservationSource.WEB,
            )
        except services.PresenceError as error:
            form.add_error(None, error.message)
        except PermissionDenied:
            form.add_error(None, _("This location is outside the area you are assigned to."))
        else:
            messages.success(request, _("The observation is saved."))
            return redirect(round_)
    context = {"round": round_, "form": form, "locations": locations, "chosen": code}
    return render(request, "presence/observation_enter.html", context)


@login_required
def observation_correct(request: HttpRequest, number: int, code: str) -> HttpResponse:
    round_ = queries.round_for(request.user, number)
    observation = queries.observation_for(request.user, round_, code)
    form = ObservationWebForm(request.POST or None, initial=_initial(observation))
    if request.method == "POST" and form.is_valid():
        try:
            services.observation_correct(
                actor=request.user,
                observation=observation,
                cleaned=form.cleaned_data,
                nationalities=form.nationalities(),
            )
        except services.PresenceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The correction is saved."))
            return redirect(round_)
    context = {"round": round_, "observation": observation, "form": form}
    return render(request, "presence/observation_correct.html", context)


@login_required
def import_upload(request: HttpRequest) -> HttpResponse:
    """Upload a Kobo or ODK export: every row is written, or none with the reasons."""
    if not access.may_enter(request.user):
        raise PermissionDenied
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    problems: list = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows = read_rows(upload.name or "", upload)
            count = services.presence_import(
                actor=request.user,
                form_id=form.cleaned_data["form_id"],
                round_number=form.cleaned_data["round_number"],
                rows=rows,
            )
        except ImportFileError as error:
            form.add_error("file", str(error))
        except ImportRefused as refused:
            problems = refused.errors[:200]
        else:
            messages.success(request, _("%(count)s rows imported.") % {"count": count})
            return redirect("presence:rounds")
    return render(request, "presence/import.html", {"form": form, "problems": problems})
