import pytest
from hypothesis import given
from hypothesis import strategies as st

from waypoint.core.tests.strategies import FUZZ, TEXT, form_data

pytestmark = pytest.mark.django_db


@FUZZ
@given(data=form_data(["language", "next"]))
def test_the_language_switch_never_fails(client, places, data):
    assert client.post("/i18n/setlang/", data).status_code < 500


@FUZZ
@given(path=TEXT)
def test_any_path_is_answered_without_a_server_error(client, personas, path):
    client.force_login(personas["registrar.lipa"])
    for prefix in ("/people/", "/accounts/users/", "/places/sites/", "/"):
        assert client.get(prefix + path.replace("\x00", "")).status_code < 500


@FUZZ
@given(header=st.text(max_size=200))
def test_any_request_id_header_is_accepted_or_replaced(client, places, header):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=header.replace("\n", "").replace("\r", ""))
    assert response.status_code == 200
    assert response["X-Request-ID"]
