"""No input to the linkage pages ends in a 500."""

from urllib.parse import quote

import pytest
from hypothesis import given

from waypoint.core.tests.strategies import FUZZ, TEXT, form_data
from waypoint.linkage import services
from waypoint.linkage.models import CandidatePair

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(admin, twins):
    services.run_execute(
        run=services.run_request(
            actor=admin, threshold=0.9999999, review_floor=0.01, background=False
        )
    )
    return CandidatePair.objects.first()


@FUZZ
@given(data=form_data(["decision", "note", "next"]))
def test_the_decision_form_never_fails(client, personas, pending, data):
    client.force_login(personas["manager.lipa"])
    assert client.post(f"/linkage/review/{pending.pk}/", data).status_code < 500


@FUZZ
@given(data=form_data(["threshold", "review_floor"]))
def test_the_run_form_never_fails(client, personas, twins, data):
    client.force_login(personas["admin"])
    assert client.post("/linkage/runs/", data).status_code < 500


@FUZZ
@given(text=TEXT, query=form_data(["status", "page"]))
def test_any_path_or_query_never_fails(client, personas, pending, text, query):
    client.force_login(personas["manager.lipa"])
    assert client.get("/linkage/review/", query).status_code < 500
    assert client.get(f"/linkage/review/{quote(text, safe='')}/").status_code < 500
    assert client.post(f"/linkage/decisions/{quote(text, safe='')}/undo/").status_code < 500
    assert client.get(f"/linkage/runs/{quote(text, safe='')}/").status_code < 500


@FUZZ
@given(query=form_data(["site", "status", "page"]))
def test_the_unique_people_endpoint_and_the_runs_page_never_fail(client, personas, pending, query):
    client.force_login(personas["analyst"])
    assert client.get("/api/v1/unique-people/", query).status_code < 500
    assert client.get("/linkage/runs/", query).status_code < 500
    assert client.post("/linkage/runs/", query).status_code < 500
    client.force_login(personas["manager.lipa"])
    assert client.get("/api/v1/identity-pairs/", query).status_code < 500
