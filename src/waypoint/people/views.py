from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from waypoint.people.queries import person_view


@login_required
def person_detail(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_view(request.user, person_id)
    return render(request, "people/person_detail.html", {"person": person})
