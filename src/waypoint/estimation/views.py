"""The analysts' estimation page: choose lists, period and area (or upload a table), see the
estimate with its interval, the linkage band and the models compared."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from waypoint.estimation import access, queries, services
from waypoint.estimation.forms import EstimateForm, OutsideListForm
from waypoint.estimation.histories import EstimationInputError


@login_required
def home(request: HttpRequest) -> HttpResponse:
    if not access.may(request.user, access.Work.ESTIMATE):
        raise PermissionDenied
    outside = list(queries.outside_lists_visible_to(request.user))
    form = EstimateForm(request.POST or None, request.FILES or None, outside_lists=outside)
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
                lists=data.get("lists"),
                strata=data.get("strata") or "",
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
    names = queries.list_names(stored.lists)
    model = str(stored.result.get("model", ""))
    # Longest keys first, so that list:1 does not replace part of list:12.
    for key, name in sorted(zip(stored.lists, names, strict=True), key=lambda kv: -len(kv[0])):
        model = model.replace(key, name)
    context = {"estimate": stored, "list_names": names, "model": model}
    return render(request, "estimation/estimate.html", context)


@login_required
@require_POST
def publish(request: HttpRequest, estimate_id: int) -> HttpResponse:
    stored = queries.estimate_for(request.user, estimate_id)
    try:
        services.estimate_publish(
            actor=request.user, stored=stored, published=request.POST.get("published") == "1"
        )
    except EstimationInputError as error:
        messages.error(request, str(error))
    return redirect(stored)


@login_required
def outside_lists(request: HttpRequest) -> HttpResponse:
    if not access.may(request.user, access.Work.ESTIMATE):
        raise PermissionDenied
    form = OutsideListForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            imported = services.outside_list_import(
                actor=request.user,
                name=data["name"],
                kind=data["kind"],
                filename=data["file"].name,
                data=data["file"].read(),
                id_column=data["id_column"],
                mapping=data["mapping"],
                first_day=data["first_day"],
                last_day=data["last_day"],
                area_code=data.get("area") or "",
            )
        except EstimationInputError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("%(name)s: %(rows)s rows, %(registered)s of them registered in Waypoint.")
                % {"name": imported.name, "rows": imported.rows, "registered": imported.registered},
            )
            return redirect("estimation:lists")
    lists = queries.outside_lists_visible_to(request.user)
    return render(request, "estimation/lists.html", {"form": form, "lists": lists})


@login_required
@require_POST
def outside_list_delete(request: HttpRequest, list_id: int) -> HttpResponse:
    outside = queries.outside_list_for(request.user, list_id)
    services.outside_list_delete(actor=request.user, outside_list=outside)
    messages.success(request, _("The list %(name)s was deleted.") % {"name": outside.name})
    return redirect("estimation:lists")
