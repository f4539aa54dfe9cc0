"""Flow monitoring on the web: the points with recent counts, and paper forms typed in."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from waypoint.presence import access, queries, services
from waypoint.presence.forms import FlowCountEntryForm, FlowSurveyEntryForm

ENTRY_FORMS: dict[str, type[forms.Form]] = {
    "count": FlowCountEntryForm,
    "survey": FlowSurveyEntryForm,
}


@login_required
def flow_points(request: HttpRequest) -> HttpResponse:
    if not access.may_see_unpublished(request.user):
        raise PermissionDenied
    context = {
        "points": queries.flow_summary(request.user),
        "may_enter": access.may_enter(request.user),
    }
    return render(request, "presence/flow_points.html", context)


@login_required
def flow_enter(request: HttpRequest, kind: str) -> HttpResponse:
    """Type in a paper registry count or survey."""
    if kind not in ENTRY_FORMS:
        raise Http404
    if not access.may_enter(request.user):
        raise PermissionDenied
    form = ENTRY_FORMS[kind](request.POST or None)
    points = queries.flow_points_for_entry(request.user)
    form.fields["point_code"].widget = forms.Select(
        choices=[(point.site.code, point.site.name) for point in points]
    )
    if request.method == "POST" and form.is_valid():
        record = services.flow_count_record if kind == "count" else services.flow_survey_record
        try:
            record(actor=request.user, cleaned=form.cleaned_data)
        except services.PresenceError as error:
            form.add_error(error.field or None, error.message)
        except PermissionDenied:
            form.add_error(None, _("This point is outside the area you are assigned to."))
        else:
            messages.success(request, _("Saved."))
            return redirect("presence:flow_points")
    return render(request, "presence/flow_enter.html", {"form": form, "kind": kind})
