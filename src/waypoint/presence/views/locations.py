"""The baseline of locations: list, add, close or merge, with each location's history."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from waypoint.presence import access, queries, services
from waypoint.presence.forms import LocationCloseForm, LocationForm, LocationReviseForm
from waypoint.presence.models import Location


@login_required
def locations(request: HttpRequest) -> HttpResponse:
    if not access.may_see_unpublished(request.user):
        raise PermissionDenied
    context = {
        "locations": queries.locations_visible_to(request.user),
        "may_review": access.may_review(request.user),
    }
    return render(request, "presence/locations.html", context)


@login_required
def location_new(request: HttpRequest) -> HttpResponse:
    if not access.may_review(request.user):
        raise PermissionDenied
    form = LocationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.location_create(actor=request.user, values=form.cleaned_data)
        except services.PresenceError as error:
            form.add_error(error.field or None, error.message)
        else:
            return redirect("presence:locations")
    return render(request, "presence/location_new.html", {"form": form})


def _close(request: HttpRequest, location: Location, form: LocationCloseForm) -> bool:
    """Close or merge from the page's form; True when done."""
    if not form.is_valid():
        return False
    target = None
    if form.cleaned_data["merged_into"]:
        target = (
            queries.locations_visible_to(request.user)
            .filter(code=form.cleaned_data["merged_into"])
            .first()
        )
        if target is None:
            form.add_error("merged_into", _("No location has this code."))
            return False
    try:
        services.location_close(
            actor=request.user,
            location=location,
            effective_on=form.cleaned_data["effective_on"],
            merged_into=target,
            note=form.cleaned_data["note"],
        )
    except services.PresenceError as error:
        form.add_error(error.field or None, error.message)
        return False
    return True


def _revise(request: HttpRequest, location: Location, form: LocationReviseForm) -> bool:
    if not form.is_valid():
        return False
    services.location_revise(
        actor=request.user,
        location=location,
        values=form.cleaned_data,
        effective_on=form.cleaned_data["effective_on"],
        note=form.cleaned_data["note"],
    )
    return True


@login_required
def location_page(request: HttpRequest, code: str) -> HttpResponse:
    """A location's description and history; reviewers revise, close or merge it here."""
    location = queries.location_for(request.user, code)
    may_review = access.may_review(request.user)
    action = request.POST.get("action") if request.method == "POST" else None
    if action is not None and not may_review:
        raise PermissionDenied
    close_form = LocationCloseForm(request.POST if action == "close" else None, prefix="close")
    # The revise form edits a copy, so a refused revision leaves the page's facts unchanged.
    revise_form = LocationReviseForm(
        request.POST if action == "revise" else None,
        prefix="revise",
        instance=Location.objects.get(pk=location.pk),
    )
    done = (action == "close" and _close(request, location, close_form)) or (
        action == "revise" and _revise(request, location, revise_form)
    )
    if done:
        return redirect("presence:location", code=location.code)
    context = {
        "location": location,
        "events": location.events.all(),
        "close_form": close_form,
        "revise_form": revise_form,
        "may_review": may_review,
    }
    return render(request, "presence/location.html", context)
