"""Reads of estimation, given the acting user. Estimates hold counts only."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from waypoint.estimation import access
from waypoint.estimation.models import OutsideList, StoredEstimate
from waypoint.estimation.sources import OUTSIDE, list_labels, outside_list_pk


def estimates_visible_to(user: Any) -> QuerySet[StoredEstimate]:
    if not access.may(user, access.Work.ESTIMATE):
        return StoredEstimate.objects.none()
    return StoredEstimate.objects.all()


def estimate_for(user: Any, estimate_id: int) -> StoredEstimate:
    found = estimates_visible_to(user).filter(pk=estimate_id).first()
    if found is None:
        raise Http404(_("No such estimate."))
    return found


def published_estimates() -> QuerySet[StoredEstimate]:
    """Estimates an analyst published, newest first: counts and intervals only, readable by
    everyone who reads published figures."""
    return StoredEstimate.objects.filter(published_at__isnull=False).order_by(
        "-published_at", "-pk"
    )


def outside_lists_visible_to(user: Any) -> QuerySet[OutsideList]:
    """Outside lists for estimates (names, periods and counts; no rows)."""
    if not access.may(user, access.Work.ESTIMATE):
        return OutsideList.objects.none()
    return OutsideList.objects.select_related("area", "imported_by")


def outside_list_for(user: Any, list_id: int) -> OutsideList:
    found = outside_lists_visible_to(user).filter(pk=list_id).first()
    if found is None:
        raise Http404(_("No such list."))
    return found


def list_names(keys: list[str]) -> list[str]:
    """What a reader calls each list of an estimate (an outside list by its name, or as
    deleted)."""
    labels = list_labels()
    outside = {
        f"{OUTSIDE}{pk}": name
        for pk, name in OutsideList.objects.filter(
            pk__in=[pk for pk in map(outside_list_pk, keys) if pk is not None]
        ).values_list("pk", "name")
    }
    return [
        labels.get(key)
        or outside.get(key)
        or (_("deleted outside list") if key.startswith(OUTSIDE) else key)
        for key in keys
    ]
