from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from waypoint.audit import access
from waypoint.audit.access import Work
from waypoint.audit.forms import AuditFilterForm
from waypoint.audit.queries import audit_events_for


@login_required
def events(request: HttpRequest) -> HttpResponse:
    access.require(request.user, Work.READ_AUDIT)
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    found = audit_events_for(
        request.user,
        person=filters.get("person"),
        actor_email=filters.get("user") or "",
        action=filters.get("action") or "",
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
    )
    page = Paginator(found, 100).get_page(request.GET.get("page"))
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "audit/events.html", {"form": form, "page": page}, status=status)
