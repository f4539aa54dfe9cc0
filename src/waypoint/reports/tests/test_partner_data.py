"""Partners read published, protected figures through a DTM-style API and HXL-tagged
exports."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from rest_framework.test import APIClient

from waypoint.accounts.tokens import token_issue
from waypoint.audit.models import AuditEvent
from waypoint.presence.models import Observation, Round, RoundStatus
from waypoint.reports.tests.conftest import make_location


@pytest.fixture
def partner(personas):
    return personas["partner"]


@pytest.fixture
def analyst(personas):
    return personas["analyst"]


@pytest.fixture
def baseline(places):
    return {
        "BIH-1": make_location("BIH-1", "BA0101001", "44.81", "15.87"),
        "SA-1": make_location("SA-1", "BA0109006", "43.85", "18.39"),
    }


@pytest.fixture
def published(baseline):
    round_ = Round.objects.create(
        number=4, snapshot_date=date(2026, 10, 31), status=RoundStatus.PUBLISHED
    )
    Observation.objects.create(
        round=round_,
        location=baseline["BIH-1"],
        observed_on=date(2026, 10, 30),
        migrants_observed=30,
        not_in_trc=30,
        adult_men=25,
        adult_women=3,
        girls=2,
        source="web",
    )
    Observation.objects.create(
        round=round_,
        location=baseline["SA-1"],
        observed_on=date(2026, 10, 30),
        migrants_observed=10,
        not_in_trc=10,
        adult_men=10,
        source="web",
    )
    hidden = Round.objects.create(
        number=5, snapshot_date=date(2026, 11, 30), status=RoundStatus.IN_REVIEW
    )
    Observation.objects.create(
        round=hidden,
        location=baseline["BIH-1"],
        observed_on=date(2026, 11, 30),
        migrants_observed=99,
        not_in_trc=99,
        adult_men=99,
        source="web",
    )
    return round_


def _api(user) -> APIClient:
    client = APIClient()
    _token, token = token_issue(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def test_the_admin2_endpoint_gives_published_figures_by_municipality(published, partner):
    response = _api(partner).get("/api/v1/dtm/admin2/")

    assert response.status_code == 200
    assert "<5" in response.json()["disclosureControl"]
    rows = {row["admin2Pcode"]: row for row in response.json()["result"]}
    assert set(rows) == {"BA0101001", "BA0109006"}
    bihac = rows["BA0101001"]
    assert bihac["admin1Pcode"] == "BA01"
    assert bihac["roundNumber"] == 4
    assert bihac["reportingDate"] == "2026-10-31"
    assert bihac["numOutsideTrcInd"] == 30 and bihac["numPresentMigrantsInd"] == 30
    assert bihac["operation"] and bihac["id"] and bihac["assessmentType"] == "BA"
    assert (bihac["yearReportingDate"], bihac["monthReportingDate"]) == (2026, 10)
    # Sex is published for the whole country only, and there 3 women and 2 girls are small.
    assert (bihac["numberMales"], bihac["numberFemales"]) == (None, None)
    country = _api(partner).get("/api/v1/dtm/admin0/").json()["result"][0]
    assert (country["numberMales"], country["numberFemales"]) == (35, None)


def test_the_filters_narrow_by_admin_code_name_and_round(published, partner):
    client = _api(partner)
    by_code = client.get("/api/v1/dtm/admin2/", {"Admin2Pcode": "BA0109006"}).json()["result"]
    assert [row["admin2Pcode"] for row in by_code] == ["BA0109006"]
    by_name = client.get("/api/v1/dtm/admin2/", {"Admin2Name": "bihać"}).json()["result"]
    assert [row["admin2Pcode"] for row in by_name] == ["BA0101001"]
    assert client.get("/api/v1/dtm/admin0/", {"Admin0Pcode": "BIH"}).json()["result"]
    assert client.get("/api/v1/dtm/admin0/", {"Admin0Pcode": "SRB"}).json()["result"] == []
    operations = client.get("/api/v1/dtm/operations/").json()["result"]
    assert operations[0]["admin0Pcode"] == "BIH"
    assert client.get("/api/v1/dtm/countries/").json()["result"][0]["admin0Pcode"] == "BIH"
    assert client.get("/api/v1/dtm/admin0/", {"FromRoundNumber": 5}).json()["result"] == []
    country = client.get("/api/v1/dtm/admin0/").json()["result"]
    assert country[0]["numPresentMigrantsInd"] == 40
    assert client.get("/api/v1/dtm/admin2/", {"FromReportingDate": "nonsense"}).status_code == 400


def test_the_csv_export_has_an_hxl_row_states_its_rules_and_is_audited(client, published, partner):
    client.force_login(partner)
    response = client.get("/reports/rounds/4/presence_places.csv")
    assert response.status_code == 200
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert lines[0][:3] == ["level", "code", "name"]
    assert lines[1][:2] == ["#meta+level", "#loc+code"]
    assert "#affected+migrants+outside_trc" in lines[1]
    rows = {line[1]: line for line in lines[2:]}
    assert rows["BA0101001"][4] == "30" and rows["BA"][-1] == "40"
    assert lines[-1][0] == "note" and "<5" in lines[-1][2]
    assert AuditEvent.objects.filter(action="export", object_type="reports.publication").exists()


def test_an_unpublished_round_cannot_be_exported(client, published, analyst):
    client.force_login(analyst)
    assert client.get("/reports/rounds/5/tables.xlsx").status_code == 404
    assert client.get("/reports/rounds/4/tables.xlsx").status_code == 200
    assert client.get("/reports/rounds/4/nothing.pdf").status_code == 404
