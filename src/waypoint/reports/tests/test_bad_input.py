"""Unknown rounds, months in the future and unsupported formats get a clear message: on the
command line one line and exit status, on the web a page or a message, never a 500."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from waypoint.presence.models import Round, RoundStatus
from waypoint.reports.models import Report
from waypoint.reports.services import reportable_month


@pytest.fixture
def analyst_client(personas):  # type: ignore[no-untyped-def]
    client = Client(raise_request_exception=False)
    client.force_login(personas["analyst"])
    return client


def test_the_command_names_an_unknown_round(places, tmp_path):
    with pytest.raises(CommandError, match="There is no published round 99"):
        call_command("report", "presence", "--round", "99", "--output", str(tmp_path / "x.pdf"))


def test_the_command_refuses_a_round_in_review(places, tmp_path):
    Round.objects.create(number=3, snapshot_date=date(2026, 10, 31), status=RoundStatus.IN_REVIEW)
    with pytest.raises(CommandError, match="no published round 3"):
        call_command("report", "presence", "--round", "3", "--output", str(tmp_path / "x.pdf"))


def test_the_command_refuses_a_month_in_the_future(places, tmp_path):
    with pytest.raises(CommandError, match="has not begun yet"):
        call_command("report", "monthly", "--month", "2999-01", "--output", str(tmp_path / "x"))


def test_the_command_explains_a_malformed_month(places, tmp_path):
    with pytest.raises(CommandError, match="write the month as YYYY-MM"):
        call_command("report", "monthly", "--month", "May 2026", "--output", str(tmp_path / "x"))


def test_the_command_refuses_an_unsupported_format_with_one_line(places, tmp_path):
    with pytest.raises(CommandError, match="invalid choice: 'docx'"):
        call_command(
            "report",
            "monthly",
            "--month",
            "2026-01",
            "--format",
            "docx",
            "--output",
            str(tmp_path / "x"),
        )


def test_the_command_names_an_unknown_table(places, tmp_path):
    with pytest.raises(CommandError, match="--table 'nothing': choose one of movements"):
        call_command(
            "report",
            "monthly",
            "--month",
            "2026-01",
            "--format",
            "csv",
            "--table",
            "nothing",
            "--output",
            str(tmp_path / "x.csv"),
        )


def test_the_command_writes_every_format_of_a_month(places, tmp_path):
    for fmt in ("csv", "json", "xlsx", "pdf"):
        output = tmp_path / f"month.{fmt}"
        call_command(
            "report", "monthly", "--month", "2026-01", "--format", fmt, "--output", str(output)
        )
        assert output.stat().st_size > 100


def test_a_future_month_is_refused_by_the_service():
    with pytest.raises(Exception, match="has not begun yet"):
        reportable_month(date(2027, 2, 1), today=date(2026, 12, 7))
    assert reportable_month(date(2026, 12, 31), today=date(2026, 12, 7)) == date(2026, 12, 1)


def test_the_web_answers_unknown_rounds_and_months_with_404(analyst_client):
    assert analyst_client.get("/reports/rounds/99/").status_code == 404
    assert analyst_client.get("/reports/months/2999-01/").status_code == 404
    assert analyst_client.get("/reports/months/nonsense/").status_code == 404
    assert analyst_client.get("/reports/months/2026-01/tables.docx").status_code == 404
    assert analyst_client.get("/reports/12345/").status_code == 404
    assert analyst_client.get("/reports/12345/pdf").status_code == 404


def test_asking_for_a_report_of_an_unknown_round_says_so_and_queues_nothing(analyst_client):
    response = analyst_client.post(
        "/reports/new/", {"kind": "presence", "round_number": "99", "language": "en"}, follow=True
    )
    assert response.status_code == 200
    assert "There is no published round 99." in response.content.decode()
    assert not Report.objects.exists()


def test_asking_for_a_report_of_a_future_month_says_so(analyst_client):
    response = analyst_client.post(
        "/reports/new/", {"kind": "monthly", "month": "2999-01", "language": "bs"}, follow=True
    )
    assert "has not begun yet" in response.content.decode()
    assert not Report.objects.exists()


def test_a_partner_may_not_ask_for_a_report(client, personas):
    client.force_login(personas["partner"])
    response = client.post("/reports/new/", {"kind": "monthly", "month": "2026-01"})
    assert response.status_code == 403


def test_the_api_answers_a_bad_month_with_400(personas):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(personas["partner"])
    assert api.get("/api/v1/reports/months/2999-01/occupancy/").status_code == 400
    assert api.get("/api/v1/reports/months/2026-01/nothing/").status_code == 404
    assert api.get("/api/v1/reports/months/2026-01/occupancy/").status_code == 200
    assert api.get("/api/v1/reports/rounds/99/presence_places/").status_code == 404
