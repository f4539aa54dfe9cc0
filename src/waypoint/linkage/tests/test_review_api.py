"""The identity review API: the queue, a pair's contributions, deciding and undoing."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rest_framework.test import APIClient

from waypoint.core.tests.strategies import FUZZ, TEXT
from waypoint.linkage.models import PairStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(personas):
    client = APIClient()
    client.force_authenticate(personas["manager.lipa"])
    return client


def test_the_queue_and_a_pair_with_its_contributions(api, pending):
    listed = api.get("/api/v1/identity-pairs/").json()
    assert [row["id"] for row in listed["results"]] == [pending.pk]
    detail = api.get(f"/api/v1/identity-pairs/{pending.pk}/").json()
    assert {part["field"] for part in detail["contributions"]} >= {"given_name", "birth"}


def test_deciding_and_undoing_through_the_api(api, pending):
    decided = api.post(f"/api/v1/identity-pairs/{pending.pk}/decide/", {"decision": "same"})
    assert decided.status_code == 201
    pending.refresh_from_db()
    assert pending.status == PairStatus.SAME
    undone = api.post(f"/api/v1/identity-decisions/{decided.json()['id']}/undo/")
    assert undone.status_code == 201
    again = api.post(f"/api/v1/identity-decisions/{decided.json()['id']}/undo/")
    assert again.status_code == 400 and "already been undone" in again.json()["detail"]


def test_others_get_403_or_404(personas, pending):
    client = APIClient()
    client.force_authenticate(personas["caseworker.lipa"])
    assert client.get("/api/v1/identity-pairs/").status_code == 403
    client.force_authenticate(personas["registrar.usivak"])
    assert client.get(f"/api/v1/identity-pairs/{pending.pk}/").status_code == 404


@FUZZ
@given(decision=TEXT, note=TEXT, status=TEXT, pk=st.integers(min_value=-5, max_value=2**70))
def test_no_input_fails_with_a_server_error(api, pending, decision, note, status, pk):
    assert api.get("/api/v1/identity-pairs/", {"status": status}).status_code < 500
    body = {"decision": decision, "note": note}
    assert api.post(f"/api/v1/identity-pairs/{pending.pk}/decide/", body).status_code < 500
    assert api.post(f"/api/v1/identity-pairs/{pk}/decide/", body).status_code < 500
    assert api.post(f"/api/v1/identity-decisions/{pk}/undo/").status_code < 500
