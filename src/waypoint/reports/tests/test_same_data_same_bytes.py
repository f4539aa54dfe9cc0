"""Regenerating a published report gives the same bytes for the same data."""

from __future__ import annotations

from django.core.management import call_command

from waypoint.reports.models import Report, ReportStatus
from waypoint.reports.services import report_generate, report_request


def test_the_same_round_gives_the_same_pdf_twice_from_the_web_and_the_command_line(
    personas, one_cuban_round, tmp_path
):
    analyst = personas["analyst"]
    made = []
    for _ in range(2):
        report = report_request(
            actor=analyst,
            kind="presence",
            language="bs",
            round_number=one_cuban_round.number,
            background=False,
        )
        report_generate(report=report)
        report.refresh_from_db()
        assert report.status == ReportStatus.DONE
        made.append(bytes(report.pdf))
    assert made[0] == made[1]
    assert Report.objects.values("sha256").distinct().count() == 1
    output = tmp_path / "round.pdf"
    call_command(
        "report",
        "presence",
        "--round",
        str(one_cuban_round.number),
        "--lang",
        "bs",
        "--output",
        str(output),
    )
    assert output.read_bytes() == made[0]
