"""Analysts estimate on a page, from an upload or Waypoint's lists; the estimate is kept
with its inputs and audited; other roles are refused; hostile input never ends in a 500."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from waypoint.audit.models import AuditEvent
from waypoint.core.tests.strategies import FUZZ, form_data
from waypoint.estimation.models import StoredEstimate

DATA = Path(__file__).resolve().parent.parent / "data"


def test_an_analyst_uploads_a_table_and_sees_the_estimate_kept_with_its_inputs(client, personas):
    client.force_login(personas["analyst"])
    table = (DATA / "diabetes_casale_monferrato_1988.csv").read_bytes()
    response = client.post(
        "/estimation/",
        {
            "source": "upload",
            "file": SimpleUploadedFile("lists.csv", table, content_type="text/csv"),
            "count_column": "count",
            "criterion": "aic",
        },
        follow=True,
    )
    assert response.status_code == 200
    stored = StoredEstimate.objects.get()
    assert stored.result["observed"] == 2069
    assert 2_474 <= stored.result["estimate"] <= 3_134
    html = response.content.decode()
    assert "2069" in html and "95%" in html
    assert AuditEvent.objects.filter(object_type="estimation.storedestimate").exists()


def test_a_bad_table_says_what_is_wrong_and_keeps_nothing(client, personas):
    client.force_login(personas["analyst"])
    response = client.post(
        "/estimation/",
        {
            "source": "upload",
            "file": SimpleUploadedFile("lists.csv", b"a,count\n1,5\n", content_type="text/csv"),
            "count_column": "count",
            "criterion": "aic",
        },
    )
    assert response.status_code == 200
    assert "at least two lists" in response.content.decode()
    assert not StoredEstimate.objects.exists()


def test_waypoints_lists_with_too_few_lists_say_so(client, personas):
    client.force_login(personas["analyst"])
    response = client.post(
        "/estimation/",
        {
            "source": "registry",
            "first_day": "2020-01-01",
            "last_day": "2020-01-31",
            "count_column": "count",
            "criterion": "aic",
        },
    )
    assert "at least two lists" in response.content.decode()


@pytest.mark.parametrize("persona", ["partner", "registrar.lipa", "enumerator"])
def test_other_roles_are_refused(client, personas, persona):
    client.force_login(personas[persona])
    assert client.get("/estimation/").status_code == 403
    assert client.get("/estimation/1/").status_code == 404


@pytest.fixture
def analyst_client(personas):  # type: ignore[no-untyped-def]
    client = Client(raise_request_exception=False)
    client.force_login(personas["analyst"])
    return client


@FUZZ
@given(data=form_data(["source", "count_column", "first_day", "last_day", "area", "criterion"]))
def test_the_estimation_form_never_fails(analyst_client, data):
    assert analyst_client.post("/estimation/", data).status_code < 500


@FUZZ
@given(data=form_data(["source", "first_day", "last_day", "area", "lists", "strata", "criterion"]))
def test_the_estimation_form_with_lists_and_strata_never_fails(analyst_client, data):
    assert analyst_client.post("/estimation/", data).status_code < 500


@FUZZ
@given(
    data=form_data(["name", "kind", "id_column", "mapping", "first_day", "last_day", "area"]),
    body=st.binary(max_size=400),
    filename=st.sampled_from(["list.csv", "list.xlsx", "list.txt", "list.pdf", "x"]),
)
def test_the_outside_list_form_never_fails(analyst_client, data, body, filename):
    upload = SimpleUploadedFile(filename, body)
    answer = analyst_client.post("/estimation/lists/", {**data, "file": upload})
    assert answer.status_code < 500


@FUZZ
@given(estimate_id=st.integers(-5, 10**12), published=st.text(max_size=3))
def test_publishing_never_fails(analyst_client, estimate_id, published):
    if estimate_id < 0:
        return
    answer = analyst_client.post(f"/estimation/{estimate_id}/publish/", {"published": published})
    assert answer.status_code in (302, 404)
