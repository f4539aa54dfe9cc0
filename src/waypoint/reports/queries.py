"""Reads of the reports app, always given the acting user.

Nothing here reads personal data: reports and releases hold protected aggregates. Out of
reach is 404, the same whether the report or round exists or not.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from waypoint.estimation.models import StoredEstimate
from waypoint.estimation.queries import published_estimates
from waypoint.presence.models import Round, RoundStatus
from waypoint.reports import access
from waypoint.reports.models import Report


def reports_visible_to(user: Any) -> QuerySet[Report]:
    """Generated reports (without their bytes) for anyone who may read published figures."""
    if not access.may(user, access.Work.READ_PUBLISHED):
        return Report.objects.none()
    return Report.objects.defer("pdf")


def report_for(user: Any, report_id: int) -> Report:
    found = reports_visible_to(user).filter(pk=report_id).first()
    if found is None:
        raise Http404(_("No such report."))
    return found


def report_with_pdf(user: Any, report_id: int) -> Report:
    report_for(user, report_id)
    return Report.objects.get(pk=report_id)


def published_rounds_for(user: Any) -> QuerySet[Round]:
    if not access.may(user, access.Work.READ_PUBLISHED):
        return Round.objects.none()
    return Round.objects.filter(status=RoundStatus.PUBLISHED).order_by("-number")


def published_round_for(user: Any, number: int) -> Round:
    """A published round; 404 for an unknown or unpublished one alike."""
    found = published_rounds_for(user).filter(number=number).first()
    if found is None:
        raise Http404(_("No published round with this number."))
    return found


def published_estimates_for(user: Any) -> QuerySet[StoredEstimate]:
    """Published estimates, newest first, for anyone who may read published figures; what
    of them a reader sees is ``reports.estimates``."""
    if not access.may(user, access.Work.READ_PUBLISHED):
        return StoredEstimate.objects.none()
    return published_estimates()
