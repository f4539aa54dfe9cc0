"""Writes of the reports app: asking for a situation report, and generating it.

Reports hold aggregates only (protected tables); requesting and downloading one is still
audited, as every export is.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.presence.models import Round, RoundStatus
from waypoint.reports import access
from waypoint.reports.models import Report, ReportKind, ReportStatus
from waypoint.reports.pdf import render_pdf
from waypoint.reports.publication import month_publication, round_publication
from waypoint.reports.situation import monthly_context, presence_context

LANGUAGES = ("en", "bs")


def published_round(number: int) -> Round:
    """The published round ``number``; a ``ValidationError`` that says so otherwise."""
    found = Round.objects.filter(number=number, status=RoundStatus.PUBLISHED).first()
    if found is None:
        raise ValidationError(
            _("There is no published round %(number)s.") % {"number": number}, code="round"
        )
    return found


def reportable_month(month: date, *, today: date | None = None) -> date:
    """The first day of ``month``; a ``ValidationError`` for a month not yet begun."""
    today = today or timezone.localdate()
    first = month.replace(day=1)
    if first > today.replace(day=1):
        raise ValidationError(
            _("%(month)s has not begun yet: choose this month or an earlier one.")
            % {"month": first.strftime("%m.%Y")},
            code="month",
        )
    return first


def report_request(
    *,
    actor: Any,
    kind: str,
    language: str,
    round_number: int | None = None,
    month: date | None = None,
    background: bool = True,
) -> Report:
    """Queue a situation report (presence: a published round; monthly: a month begun).

    With ``background`` the report is a task for ``waypoint db_worker``; without, the
    caller generates it with ``report_generate``.
    """
    access.require(actor, access.Work.GENERATE)
    if language not in LANGUAGES:
        raise ValidationError(_("Reports are written in English or Bosnian."), code="language")
    if kind == ReportKind.PRESENCE:
        if round_number is None:
            raise ValidationError(_("Choose a round."), code="round")
        published_round(round_number)
        month = None
    elif kind == ReportKind.MONTHLY:
        if month is None:
            raise ValidationError(_("Choose a month."), code="month")
        month = reportable_month(month)
        round_number = None
    else:
        raise ValidationError(_("Unknown kind of report."), code="kind")
    with transaction.atomic():
        report = Report.objects.create(
            kind=kind,
            language=language,
            round_number=round_number,
            month=month,
            requested_by=actor,
        )
        audit_record(actor=actor, action=Action.CREATE, target=report, purpose="situation report")
        if background:
            from waypoint.reports.tasks import generate_report

            generate_report.enqueue(report.pk)
    return report


def _progress(report: Report, percent: int, step: str) -> None:
    report.progress, report.step = percent, step
    report.save(update_fields=["progress", "step", "status"])


def report_generate(*, report: Report) -> Report:
    """Build the report's PDF from protected tables and store it. A failure marks the
    report failed with the reason; nothing else changes."""
    report.status = ReportStatus.RUNNING
    _progress(report, 10, "computing the published tables")
    try:
        # Names, labels and chart titles are made while the context is built: in the
        # report's language, as the command line does.
        with translation.override(report.language):
            pdf = _report_pdf(report)
    except Exception as error:  # a report that cannot be made says why; the page goes on
        report.status, report.error = ReportStatus.FAILED, str(error)[:300]
        report.finished_at = timezone.now()
        report.save()
        return report
    report.pdf, report.sha256 = pdf, hashlib.sha256(pdf).hexdigest()
    report.status, report.progress, report.step = ReportStatus.DONE, 100, "done"
    report.finished_at = timezone.now()
    report.save()
    return report


def _report_pdf(report: Report) -> bytes:
    """The PDF of ``report``, from protected tables only."""
    if report.kind == ReportKind.PRESENCE:
        round_ = published_round(report.round_number or 0)
        publication = round_publication(round_)
        _progress(report, 40, "drawing the charts and the map")
        context = presence_context(round_, publication)
        template = "reports/pdf/presence.html"
    else:
        month = report.month or timezone.localdate()
        publication = month_publication(month)
        _progress(report, 40, "drawing the charts")
        context = monthly_context(month, publication)
        template = "reports/pdf/monthly.html"
    _progress(report, 70, "writing the PDF")
    return render_pdf(template, context, language=report.language)
