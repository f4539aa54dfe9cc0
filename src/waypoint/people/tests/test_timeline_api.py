"""GET /api/v1/persons/{id}/timeline/: the same timeline as the person page, scoped,
filterable and audited, described in the OpenAPI document."""

from __future__ import annotations

from datetime import date

import pytest
from rest_framework.test import APIClient

from waypoint.audit.models import Action, AuditEvent
from waypoint.linkage.models import CandidatePair, PairStatus
from waypoint.linkage.services import pair_decide
from waypoint.people.services import person_register

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(personas):
    def as_user(name):
        client = APIClient()
        client.force_authenticate(personas[name])
        return client

    return as_user


@pytest.fixture
def twice(personas, site):
    admin = personas["admin"]
    first = person_register(
        actor=admin, site=site("TRC-LIP"), given_name="Idris", registered_on=date(2024, 1, 5)
    )
    second = person_register(
        actor=admin, site=site("TRC-USI"), given_name="Idriss", registered_on=date(2024, 2, 9)
    )
    pair = CandidatePair.objects.create(
        left=first, right=second, probability=0.7, status=PairStatus.PENDING
    )
    pair_decide(actor=admin, pair=pair, decision=PairStatus.SAME)
    return first, second


def test_the_timeline_holds_both_registrations_oldest_first(api, twice):
    first, second = twice
    body = api("admin").get(f"/api/v1/persons/{second.pk}/timeline/").json()
    assert body["person"] == second.pk
    assert body["registrations"] == [first.registration_number, second.registration_number]
    registered = [entry for entry in body["entries"] if entry["title"] == "Registered"]
    assert [(entry["when"], entry["registration"]) for entry in registered] == [
        ("2024-01-05", first.registration_number),
        ("2024-02-09", second.registration_number),
    ]
    assert all(entry["source"] for entry in body["entries"])
    merged = [entry for entry in body["entries"] if entry["kind"] == "identity"]
    assert merged and "T" in merged[0]["when"]  # a moment, with its time


def test_the_kind_filter_keeps_only_those_kinds(api, twice):
    first, _second = twice
    body = api("admin").get(f"/api/v1/persons/{first.pk}/timeline/?kind=identity").json()
    assert body["kinds"] == ["identity"]
    assert {entry["kind"] for entry in body["entries"]} == {"identity"}


def test_a_person_out_of_scope_answers_404(api, twice):
    _first, second = twice
    assert api("registrar.lipa").get(f"/api/v1/persons/{second.pk}/timeline/").status_code == 404
    assert api("analyst").get(f"/api/v1/persons/{second.pk}/timeline/").status_code == 404


def test_reading_the_timeline_through_the_api_is_audited(api, personas, twice):
    first, second = twice
    api("admin").get(f"/api/v1/persons/{first.pk}/timeline/")
    event = AuditEvent.objects.get(action=Action.READ_LIST, purpose="api", actor=personas["admin"])
    assert event.object_ids == [str(first.pk), str(second.pk)]


def test_the_schema_describes_the_timeline(api):
    schema = api("admin").get("/api/v1/schema/", HTTP_ACCEPT="application/json").content.decode()
    assert "/api/v1/persons/{id}/timeline/" in schema
    assert "TimelineEntry" in schema
