"""An analyst publishes an estimate: the dashboard, the round and month pages, the API and
the situation report show "Estimated total (95% interval)", rounded, with the method note
and caveats. An unpublished or withdrawn estimate is shown nowhere; only those who make
estimates get a link to the estimate's page."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from rest_framework.test import APIClient

from waypoint.accounts.tokens import token_issue
from waypoint.audit.models import AuditEvent
from waypoint.estimation.services import estimate_publish
from waypoint.presence.models import Observation, Round, RoundStatus
from waypoint.reports.tests.conftest import ESTIMATE_METHOD, make_estimate, make_location

HEADING = "Estimated total (95% interval)"


@pytest.fixture
def period() -> tuple[date, date]:
    """The last three whole months: pages of months not yet begun do not exist."""
    last = timezone.localdate().replace(day=1) - timedelta(days=1)
    first = (last.replace(day=1) - timedelta(days=40)).replace(day=1)
    return first, last


@pytest.fixture
def published_round(places, period):  # type: ignore[no-untyped-def]
    round_ = Round.objects.create(number=4, snapshot_date=period[1], status=RoundStatus.PUBLISHED)
    Observation.objects.create(
        round=round_,
        location=make_location("BIH-1", "BA0101001", "44.81", "15.87"),
        observed_on=period[1],
        migrants_observed=30,
        not_in_trc=30,
        adult_men=30,
        source="web",
    )
    return round_


@pytest.fixture
def published(personas, period):  # type: ignore[no-untyped-def]
    stored = make_estimate(*period)
    return estimate_publish(actor=personas["analyst"], stored=stored)


def _page(client, user, path: str, language: str = "en") -> str:  # type: ignore[no-untyped-def]
    client.force_login(user)
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, path
    return response.content.decode()


def _pages(period: tuple[date, date]) -> list[str]:
    return ["/reports/", "/reports/rounds/4/", f"/reports/months/{period[1]:%Y-%m}/"]


def _api(user) -> APIClient:  # type: ignore[no-untyped-def]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=user)[1]}")
    return client


def test_a_published_estimate_is_on_the_dashboard_the_round_and_the_month(
    client, personas, published_round, published, period
):
    for path in _pages(period):
        html = _page(client, personas["partner"], path)
        assert HEADING in html, path
        assert "1,200" in html and "980–1,700" in html, path
        assert "960–1,900" in html  # the linkage band
        assert "570" in html and "320–990" in html  # never in a reception centre
        assert "Una-Sana Canton" in html
        assert "Reception centres (stays); Vulnerability screenings" in html
        assert "Multiple systems estimation" in html
        assert "closed population" in html
        assert "2 technical warnings" in html
        assert ESTIMATE_METHOD not in html
        assert "barely overlap" not in html  # technical warnings stay on the analysts' page
        assert "1,234" not in html and "1234.6" not in html


def test_partners_get_no_link_to_the_estimate_and_analysts_do(
    client, personas, published_round, published, period
):
    for path in _pages(period):
        assert "/estimation/" not in _page(client, personas["partner"], path), path
        analyst_page = _page(client, personas["analyst"], path)
        assert f'href="/estimation/{published.pk}/"' in analyst_page, path


def test_an_unpublished_or_withdrawn_estimate_is_shown_nowhere(
    client, personas, published_round, period
):
    make_estimate(*period, estimate=5_555.0, ci_low=4_400.0, ci_high=7_010.0)
    withdrawn = estimate_publish(
        actor=personas["analyst"], stored=make_estimate(*period, estimate=8_888.0)
    )
    estimate_publish(actor=personas["analyst"], stored=withdrawn, published=False)
    for path in _pages(period):
        for user in (personas["partner"], personas["analyst"]):
            html = _page(client, user, path)
            assert HEADING not in html, path
            assert "5,600" not in html and "8,900" not in html
    assert _api(personas["partner"]).get("/api/v1/reports/estimates/").json()["result"] == []
    assert "Estimated total" not in _presence_pdf_text(published_round)


def test_a_page_shows_no_estimate_of_a_later_period_and_the_latest_period_first(
    client, personas, published_round, published, period
):
    analyst = personas["analyst"]
    after = make_estimate(
        period[1] + timedelta(days=1), period[1] + timedelta(days=60), estimate=3_456.0
    )
    estimate_publish(actor=analyst, stored=after)
    earlier = make_estimate(
        period[0] - timedelta(days=365), period[0] - timedelta(days=300), estimate=7_777.0
    )
    estimate_publish(actor=analyst, stored=earlier)  # published last, but an older period
    html = _page(client, personas["partner"], "/reports/rounds/4/")
    assert "1,200" in html
    assert "7,800" not in html and "3,500" not in html


def test_the_api_lists_published_estimates_rounded_with_method_and_caveats(
    personas, published, period
):
    make_estimate(*period, estimate=5_555.0)  # not published
    response = _api(personas["partner"]).get("/api/v1/reports/estimates/")
    assert response.status_code == 200
    (row,) = response.json()["result"]
    assert row["id"] == published.pk
    assert (row["periodStart"], row["periodEnd"]) == tuple(day.isoformat() for day in period)
    assert (row["areaCode"], row["areaName"]) == ("BA0101", "Una-Sana Canton")
    assert row["total"]["estimate"] == {"value": 1200, "text": "1,200"}
    assert (row["total"]["low"]["value"], row["total"]["high"]["value"]) == (980, 1700)
    assert row["linkageBand"]["estimate"] is None
    assert (row["linkageBand"]["low"]["value"], row["linkageBand"]["high"]["value"]) == (960, 1900)
    assert row["notInCentres"]["estimate"]["value"] == 570
    assert row["observed"] == {"value": 843, "text": "843"}
    assert "Multiple systems estimation" in row["methodNote"]
    assert ESTIMATE_METHOD not in str(row)
    assert len(row["caveats"]) == 4 and row["technicalWarnings"] == 2
    assert AuditEvent.objects.filter(action="export", object_type="reports.estimates").exists()
    assert APIClient().get("/api/v1/reports/estimates/").status_code in (401, 403)


def test_the_api_hides_a_small_count_and_says_an_unknown_upper_bound(personas, period):
    stored = make_estimate(*period, ci_high=None, observed=3, estimate=12.4, ci_low=3.1)
    estimate_publish(actor=personas["analyst"], stored=stored)
    (row,) = _api(personas["partner"]).get("/api/v1/reports/estimates/").json()["result"]
    assert row["observed"] == {"value": None, "text": "<5"}
    assert row["total"]["high"] == {"value": None, "text": "upper bound unknown"}
    assert row["total"]["estimate"]["value"] == 10


def _presence_pdf_text(round_: Round) -> str:
    """The text of the round's situation report, as `waypoint report` writes it."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "round.pdf"
        call_command(
            "report",
            "presence",
            "--round",
            str(round_.number),
            "--output",
            str(output),
            stdout=io.StringIO(),
        )
        return subprocess.run(
            ["pdftotext", str(output), "-"], capture_output=True, check=True, text=True
        ).stdout


def test_the_situation_report_pdf_shows_the_estimate_without_a_link(
    personas, published_round, published
):
    text = _presence_pdf_text(published_round)
    assert HEADING in text
    assert "1,200" in text and "980–1,700" in text
    assert "Multiple systems estimation" in re.sub(r"\s+", " ", text)
    assert "/estimation/" not in text


BOSNIAN_HEADING = "Procijenjeni ukupan broj (interval 95%)"


@pytest.fixture
def language_given_back():  # type: ignore[no-untyped-def]
    """The language a Bosnian request activates is given back afterwards, so later tests
    read English."""
    with translation.override(translation.get_language()):
        yield


def test_the_bosnian_page_shows_the_panel_in_bosnian(
    client, personas, published_round, published, period, language_given_back
):
    html = _page(client, personas["partner"], "/reports/rounds/4/", language="bs")
    assert BOSNIAN_HEADING in html
    assert HEADING not in html
    assert "Prihvatni centri (boravci); Procjene ranjivosti" in html
    assert "Osobe na barem jednoj listi" in html
    assert "Procjena na osnovu više sistema (capture–recapture)" in html
    assert "Pretpostavlja se zatvorena populacija" in html
    assert "2 tehnička upozorenja" in html
    assert "Multiple systems estimation" not in html and "closed population" not in html
    assert "Unsko-sanski kanton" in html  # the area's name
    assert "<dt>Metoda</dt>" in html or "<strong>Metoda</strong>" in html
    assert "<dt>Liste</dt>" in html
    assert ESTIMATE_METHOD not in html
    assert "1200" in html or "1.200" in html


def test_the_bosnian_api_answers_in_bosnian(personas, published, language_given_back, period):
    stored = make_estimate(*period, ci_high=None)
    estimate_publish(actor=personas["analyst"], stored=stored)
    rows = (
        _api(personas["partner"])
        .get("/api/v1/reports/estimates/", HTTP_ACCEPT_LANGUAGE="bs")
        .json()["result"]
    )
    assert {row["areaName"] for row in rows} == {"Unsko-sanski kanton"}
    assert rows[0]["total"]["high"]["text"] == "gornja granica nepoznata"
    assert all(
        row["methodNote"].startswith("Procjena na osnovu više sistema (capture–recapture)")
        for row in rows
    )
