"""Background tasks (django-tasks): `waypoint db_worker` runs them."""

from __future__ import annotations

from django_tasks import task

from waypoint.reports.models import Report, ReportStatus
from waypoint.reports.services import report_generate


@task()
def generate_report(report_id: int) -> str:
    """Generate a queued report; its progress and outcome are on the report row."""
    report = Report.objects.get(pk=report_id)
    if report.status != ReportStatus.QUEUED:  # already made, or given up: never twice
        return str(report.status)
    return str(report_generate(report=report).status)
