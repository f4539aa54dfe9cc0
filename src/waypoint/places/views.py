from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from waypoint.places import queries
from waypoint.places.forms import SiteFilterForm


@login_required
def sites(request: HttpRequest) -> HttpResponse:
    """All sites grouped by kind; ``?kind=trc`` narrows to one kind."""
    form = SiteFilterForm(request.GET or None)
    kind = form.cleaned_data["kind"] if form.is_valid() else ""
    if form.is_bound and not form.is_valid():
        form = SiteFilterForm()  # an unknown kind is ignored, not an error page
    groups = queries.sites_by_kind(kind=kind or None)
    return render(request, "places/sites.html", {"form": form, "groups": groups, "kind": kind})


@login_required
def site(request: HttpRequest, code: str) -> HttpResponse:
    found = queries.site_by_code(code)
    context = {"site": found, "areas": queries.area_chain(found.municipality)}
    return render(request, "places/site.html", context)


@login_required
def map_page(request: HttpRequest) -> HttpResponse:
    """All municipalities and sites on one server-drawn SVG map; no script, no tiles."""
    return render(request, "places/map.html", {"layers": queries.map_layers()})
