"""Reads of estimation, given the acting user. Estimates hold counts only."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from waypoint.estimation import access
from waypoint.estimation.models import StoredEstimate


def estimates_visible_to(user: Any) -> QuerySet[StoredEstimate]:
    if not access.may(user, access.Work.ESTIMATE):
        return StoredEstimate.objects.none()
    return StoredEstimate.objects.all()


def estimate_for(user: Any, estimate_id: int) -> StoredEstimate:
    found = estimates_visible_to(user).filter(pk=estimate_id).first()
    if found is None:
        raise Http404(_("No such estimate."))
    return found
