"""The analysts' estimation page: choose lists, period and area (or upload a table), see the
estimate with its interval, the linkage band and the models compared."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from waypoint.estimation import access, queries, services
from waypoint.estimation.forms import EstimateForm
from waypoint.estimation.histories import EstimationInputError


@login_required
def home(request: HttpRequest) -> HttpResponse:
    if not access.may(request.user, access.Work.ESTIMATE):
        raise PermissionDenied
    form = EstimateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data.get("file")
        try:
            stored = services.estimate_run(
                actor=request.user,
                source=data["source"],
                criterion=data["criterion"],
                data=upload.read() if upload else b"",
                count_column=data["count_column"],
                first_day=data.get("first_day"),
                last_day=data.get("last_day"),
                area_code=data.get("area") or "",
            )
        except EstimationInputError as error:
            form.add_error(None, str(error))
        else:
            return redirect(stored)
    context = {"form": form, "estimates": queries.estimates_visible_to(request.user)[:20]}
    return render(request, "estimation/home.html", context)


@login_required
def estimate_page(request: HttpRequest, estimate_id: int) -> HttpResponse:
    stored = queries.estimate_for(request.user, estimate_id)
    return render(request, "estimation/estimate.html", {"estimate": stored})
