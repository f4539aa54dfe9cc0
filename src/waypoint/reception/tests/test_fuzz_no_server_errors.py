"""No input to the reception forms and endpoints ends in a 500: Arabic, Bengali, Cyrillic,
very long, empty, and worse."""

from urllib.parse import quote

import pytest
from hypothesis import given

from waypoint.core.tests.strategies import FUZZ, TEXT, form_data
from waypoint.reception.services import stay_admit

pytestmark = pytest.mark.django_db


@pytest.fixture
def resident(registrar, lipa, beds, register):
    return stay_admit(actor=registrar, person=register(), site=lipa, bed=beds["A1"])


@FUZZ
@given(data=form_data(["q", "page"]))
def test_the_resident_and_admission_searches_never_fail(client, registrar, resident, data):
    client.force_login(registrar)
    assert client.get("/reception/TRC-LIP/residents/", data).status_code < 500
    assert client.get("/reception/TRC-LIP/admit/", data).status_code < 500


@FUZZ
@given(text=TEXT)
def test_any_centre_code_or_number_in_the_path_never_fails(client, registrar, resident, text):
    client.force_login(registrar)
    assert client.get(f"/reception/{quote(text, safe='')}/").status_code < 500
    assert client.get(f"/reception/TRC-LIP/admit/{quote(text, safe='')}/").status_code < 500


@FUZZ
@given(data=form_data(["bed", "admitted_at"]))
def test_the_admission_form_never_fails(client, registrar, resident, register, data):
    person = register()
    client.force_login(registrar)
    url = f"/reception/TRC-LIP/admit/{person.registration_number}/"
    assert client.post(url, data).status_code < 500


@FUZZ
@given(transfer=form_data(["to_site", "bed"]), leaving=form_data(["reason", "exited_at"]))
def test_the_transfer_and_exit_forms_never_fail(client, registrar, resident, transfer, leaving):
    client.force_login(registrar)
    assert client.post(f"/reception/stays/{resident.pk}/transfer/", transfer).status_code < 500
    assert client.post(f"/reception/stays/{resident.pk}/exit/", leaving).status_code < 500
    assert client.post(f"/reception/stays/{resident.pk}/bed/", transfer).status_code < 500
    assert client.post(f"/reception/stays/{resident.pk}/bed/", leaving).status_code < 500


@FUZZ
@given(data=form_data(["day", "present"]))
def test_the_roll_call_form_never_fails(client, registrar, resident, data):
    client.force_login(registrar)
    assert client.post("/reception/TRC-LIP/roll-call/", data).status_code < 500


@FUZZ
@given(
    data=form_data(
        ["kind", "registration_number", "whole_household", "delivered_on", "quantity", "note"]
    )
)
def test_the_service_form_never_fails(client, personas, resident, data):
    client.force_login(personas["caseworker.lipa"])
    assert client.post("/reception/TRC-LIP/services/", data).status_code < 500


@FUZZ
@given(data=form_data(["kind", "delivered_on", "quantity", "numbers"]))
def test_the_distribution_form_never_fails(client, registrar, resident, data):
    client.force_login(registrar)
    assert client.post("/reception/TRC-LIP/distribution/", data).status_code < 500


@FUZZ
@given(data=form_data(["first", "last"]))
def test_the_occupancy_form_never_fails(client, registrar, resident, data):
    client.force_login(registrar)
    assert client.get("/reception/TRC-LIP/occupancy/", data).status_code < 500


@FUZZ
@given(data=form_data(["registration_number", "site", "bed", "admitted_at"]))
def test_the_stay_endpoint_never_fails(client, registrar, resident, data):
    client.force_login(registrar)
    assert client.post("/api/v1/stays/", data).status_code < 500
    assert client.post("/api/v1/stays/", data, content_type="application/json").status_code < 500


@FUZZ
@given(
    data=form_data(
        [
            "site",
            "kind",
            "registration_number",
            "whole_household",
            "delivered_on",
            "quantity",
            "note",
        ]
    )
)
def test_the_service_endpoint_never_fails(client, personas, resident, data):
    client.force_login(personas["caseworker.lipa"])
    assert client.post("/api/v1/services/", data).status_code < 500
    assert client.post("/api/v1/services/", data, content_type="application/json").status_code < 500


@FUZZ
@given(data=form_data(["site", "open", "page"]))
def test_the_list_endpoints_never_fail(client, registrar, resident, data):
    client.force_login(registrar)
    assert client.get("/api/v1/stays/", data).status_code < 500
    assert client.get("/api/v1/services/", data).status_code < 500
