import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from waypoint.audit.models import AuditEvent
from waypoint.reception.models import ServiceDelivery, Stay
from waypoint.reception.services import stay_admit

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def test_the_stay_list_holds_only_stays_in_scope(api, admin, registrar, lipa, borici, register):
    mine = stay_admit(actor=registrar, person=register(), site=lipa)
    stay_admit(actor=admin, person=register("TRC-BOR"), site=borici)
    api.force_authenticate(registrar)
    response = api.get("/api/v1/stays/")
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [mine.pk]
    assert response.json()["results"][0]["site"] == "TRC-LIP"


def test_a_stay_out_of_scope_answers_404(api, admin, registrar, borici, register):
    theirs = stay_admit(actor=admin, person=register("TRC-BOR"), site=borici)
    api.force_authenticate(registrar)
    assert api.get(f"/api/v1/stays/{theirs.pk}/").status_code == 404


def test_reading_one_stay_is_audited(api, registrar, lipa, register):
    stay = stay_admit(actor=registrar, person=register(), site=lipa)
    api.force_authenticate(registrar)
    assert api.get(f"/api/v1/stays/{stay.pk}/").status_code == 200
    assert AuditEvent.objects.filter(
        action="view", object_id=str(stay.pk), object_type="reception.stay"
    ).exists()


def test_a_stay_is_created_through_the_service(api, registrar, lipa, beds, register):
    person = register()
    api.force_authenticate(registrar)
    response = api.post(
        "/api/v1/stays/",
        {
            "registration_number": person.registration_number,
            "site": "TRC-LIP",
            "bed": beds["A2"].pk,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    stay = Stay.objects.get(person=person)
    assert stay.bed == beds["A2"]
    assert AuditEvent.objects.filter(action="create", object_id=str(stay.pk)).exists()


def test_a_second_open_stay_through_the_api_is_a_400_with_the_reason(
    api, registrar, lipa, register
):
    person = register()
    stay_admit(actor=registrar, person=person, site=lipa)
    api.force_authenticate(registrar)
    response = api.post(
        "/api/v1/stays/",
        {"registration_number": person.registration_number, "site": "TRC-LIP"},
        format="json",
    )
    assert response.status_code == 400
    assert "open stay" in str(response.json())


def test_creating_a_stay_out_of_scope_is_refused(api, registrar, register):
    api.force_authenticate(registrar)
    response = api.post(
        "/api/v1/stays/",
        {"registration_number": register().registration_number, "site": "TRC-BOR"},
        format="json",
    )
    assert response.status_code == 404
    assert not Stay.objects.exists()


def test_a_case_worker_may_not_create_a_stay(api, personas, register):
    api.force_authenticate(personas["caseworker.lipa"])
    response = api.post(
        "/api/v1/stays/",
        {"registration_number": register().registration_number, "site": "TRC-LIP"},
        format="json",
    )
    assert response.status_code == 403


def test_a_case_worker_records_a_service_through_the_api(api, personas, registrar, lipa, register):
    person = register()
    stay_admit(actor=registrar, person=person, site=lipa)
    api.force_authenticate(personas["caseworker.lipa"])
    response = api.post(
        "/api/v1/services/",
        {
            "site": "TRC-LIP",
            "kind": "medical",
            "registration_number": person.registration_number,
            "delivered_on": timezone.localdate().isoformat(),
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    listed = api.get("/api/v1/services/?site=TRC-LIP").json()["results"]
    assert [row["registration_number"] for row in listed] == [person.registration_number]
    assert ServiceDelivery.objects.get().recorded_by == personas["caseworker.lipa"]


def test_services_out_of_scope_are_not_listed(api, personas, admin, borici, register):
    from waypoint.reception.services import service_record

    person = register("TRC-BOR")
    stay_admit(actor=admin, person=person, site=borici)
    theirs = service_record(
        actor=admin, site=borici, kind="meals", person=person, delivered_on=timezone.localdate()
    )
    api.force_authenticate(personas["caseworker.lipa"])
    assert api.get("/api/v1/services/").json()["results"] == []
    assert api.get(f"/api/v1/services/{theirs.pk}/").status_code == 404


def test_the_api_needs_a_signed_in_user(api):
    assert api.get("/api/v1/stays/").status_code in (401, 403)


def test_the_schema_describes_stays_and_services(api, admin):
    api.force_authenticate(admin)
    schema = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    assert "/api/v1/stays/" in schema["paths"]
    assert "/api/v1/services/{id}/" in schema["paths"]
