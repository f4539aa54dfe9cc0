"""/api/v1/screenings/: protection officers only, scoped, audited; the schema stays valid."""

import pytest
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema
from rest_framework.test import APIClient

from waypoint.accounts.tokens import token_issue
from waypoint.audit.models import Action, AuditEvent
from waypoint.protection.screening import template_current
from waypoint.protection.services import screening_record

pytestmark = pytest.mark.django_db


def api_as(user):
    _token, token = token_issue(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


@pytest.fixture
def screenings(admin, at_borici, at_lipa):
    return {
        "borici": screening_record(actor=admin, person=at_borici, answers={"torture": "yes"}),
        "lipa": screening_record(actor=admin, person=at_lipa, answers={"pregnant": "yes"}),
    }


def test_the_officer_lists_only_screenings_in_scope(officer, screenings):
    response = api_as(officer).get("/api/v1/screenings/")
    assert response.status_code == 200
    ids = [row["id"] for row in response.json()["results"]]
    assert ids == [screenings["borici"].pk]
    row = response.json()["results"][0]
    assert row["flags"] == ["survivor_of_violence"]
    assert row["answers"]["torture"] == "yes"
    assert row["site"] == "TRC-BOR"


def test_listing_records_a_view_of_each_screening_returned(officer, screenings):
    api_as(officer).get("/api/v1/screenings/")
    viewed = AuditEvent.objects.filter(actor=officer, action=Action.VIEW_PROTECTION)
    assert list(viewed.values_list("object_id", flat=True)) == [str(screenings["borici"].pk)]


def test_the_list_filters_by_person(admin, screenings):
    person = screenings["lipa"].person_id
    response = api_as(admin).get("/api/v1/screenings/", {"person": person})
    assert [row["person"] for row in response.json()["results"]] == [person]
    assert api_as(admin).get("/api/v1/screenings/", {"person": "x"}).status_code == 400


def test_retrieving_in_scope_is_audited_and_out_of_scope_is_404(officer, screenings):
    client = api_as(officer)
    assert client.get(f"/api/v1/screenings/{screenings['borici'].pk}/").status_code == 200
    assert client.get(f"/api/v1/screenings/{screenings['lipa'].pk}/").status_code == 404
    assert AuditEvent.objects.filter(
        actor=officer, action=Action.VIEW_PROTECTION, object_id=str(screenings["borici"].pk)
    ).exists()


def test_other_roles_are_refused(personas, screenings):
    for name in ("caseworker.lipa", "registrar.lipa", "manager.lipa", "analyst", "partner"):
        client = api_as(personas[name])
        assert client.get("/api/v1/screenings/").status_code == 403
        assert client.get(f"/api/v1/screenings/{screenings['lipa'].pk}/").status_code == 403
        assert client.post("/api/v1/screenings/", {}, format="json").status_code == 403


def test_anonymous_requests_are_refused(places):
    assert APIClient().get("/api/v1/screenings/").status_code in {401, 403}


def test_the_officer_screens_a_person_in_scope(officer, at_borici):
    response = api_as(officer).post(
        "/api/v1/screenings/",
        {"person": at_borici.pk, "answers": {"single_woman": "yes"}, "notes": "Alone."},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["flags"] == ["single_woman"]
    assert response.json()["version"] == template_current().version == "bih-2026-1"
    assert response.json()["screened_by"] == officer.email


def test_screening_a_person_outside_scope_is_404(officer, at_lipa):
    response = api_as(officer).post(
        "/api/v1/screenings/", {"person": at_lipa.pk, "answers": {}}, format="json"
    )
    assert response.status_code == 404
    assert not at_lipa.screenings.exists()


@pytest.mark.parametrize(
    "body",
    [
        {"answers": {}},
        {"person": "abc", "answers": {}},
        {"person": 1, "answers": {"pregnant": "maybe"}},
        {"person": 1, "answers": ["yes"]},
        {"person": 1, "answers": {}, "version": "bih-1999-1"},
    ],
)
def test_invalid_bodies_get_a_400_naming_the_problem(officer, at_borici, body):
    if body.get("person") == 1:
        body = {**body, "person": at_borici.pk}
    response = api_as(officer).post("/api/v1/screenings/", body, format="json")
    assert response.status_code == 400


def test_a_question_the_template_does_not_ask_gets_a_400(officer, at_borici):
    response = api_as(officer).post(
        "/api/v1/screenings/",
        {"person": at_borici.pk, "answers": {"shoe_size": "yes"}},
        format="json",
    )
    assert response.status_code == 400
    assert "shoe_size" in str(response.json())


def test_the_openapi_schema_is_valid_and_describes_screenings(client, places):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(schema)
    assert "/api/v1/screenings/" in schema["paths"]
    assert "/api/v1/screenings/{id}/" in schema["paths"]
    assert "post" in schema["paths"]["/api/v1/screenings/"]
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
