import datetime

import pytest
from rest_framework.test import APIClient

from waypoint.audit.models import Action, AuditEvent
from waypoint.people.services import person_register
from waypoint.places.models import Site

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(personas):
    def as_user(name):
        client = APIClient()
        client.force_authenticate(personas[name])
        return client

    return as_user


def register(code, name="Ali"):
    return person_register(
        actor=None,
        site=Site.objects.get(code=code),
        given_name=name,
        birth_date=datetime.date(1990, 1, 1),
    )


def test_the_list_holds_only_registrations_in_scope(api):
    in_lipa, in_borici = register("TRC-LIP"), register("TRC-BOR")
    numbers = [
        row["registration_number"]
        for row in api("registrar.lipa").get("/api/v1/persons/").json()["results"]
    ]
    assert in_lipa.registration_number in numbers
    assert in_borici.registration_number not in numbers


def test_a_record_out_of_scope_is_404_and_one_in_scope_is_audited(api):
    in_lipa, in_borici = register("TRC-LIP"), register("TRC-BOR")
    client = api("registrar.lipa")
    assert client.get(f"/api/v1/persons/{in_borici.pk}/").status_code == 404
    assert client.get(f"/api/v1/persons/{in_lipa.pk}/").status_code == 200
    assert AuditEvent.objects.filter(action=Action.VIEW, person_id=in_lipa.pk).exists()


def test_an_officer_registers_through_the_api_with_original_script(api):
    response = api("registrar.lipa").post(
        "/api/v1/persons/",
        {
            "site": "TRC-LIP",
            "given_name_original": "حسین",
            "sex": "M",
            "nationality": "irn",
            "languages": ["fa"],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["given_name"] == "Hsin"
    assert response.json()["nationality"] == "IRN"


def test_bad_input_is_named_field_by_field(api):
    response = api("registrar.lipa").post(
        "/api/v1/persons/",
        {"site": "TRC-BOR", "sex": "Z", "birth_date": "31.02.1990"},
        format="json",
    )
    assert response.status_code == 400
    assert {"sex", "birth_date"} <= set(response.json())


def test_roles_that_do_not_register_are_refused(api):
    response = api("caseworker.lipa").post(
        "/api/v1/persons/", {"site": "TRC-LIP", "given_name": "A"}
    )
    assert response.status_code == 403


def test_a_household_is_created_from_people_in_scope(api):
    mother, child = register("TRC-LIP", "Amina"), register("TRC-LIP", "Bilal")
    client = api("registrar.lipa")
    response = client.post(
        "/api/v1/households/",
        {"head": mother.pk, "members": [{"person": child.pk, "relationship": "child"}]},
        format="json",
    )
    assert response.status_code == 201
    assert client.get(f"/api/v1/households/{response.json()['id']}/").json()["members"] == [
        {"person": mother.pk, "relationship": "head"},
        {"person": child.pk, "relationship": "child"},
    ]
    outsider = register("TRC-BOR", "Omar")
    response = client.post("/api/v1/households/", {"head": outsider.pk}, format="json")
    assert response.status_code == 404
