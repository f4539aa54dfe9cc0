import pytest
from django.core.cache import cache

from waypoint.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()
    yield
    cache.clear()


def test_a_user_obtains_a_token_and_uses_it(client, personas):
    response = client.post(
        "/api/v1/auth/token/",
        {"email": "analyst@waypoint.test", "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 200
    token = response.json()["token"]
    me = client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {token}")
    assert me.status_code == 200
    assert me.json()["roles"] == ["analyst"]


def test_a_wrong_password_gets_a_clear_400(client, personas):
    response = client.post(
        "/api/v1/auth/token/",
        {"email": "analyst@waypoint.test", "password": "nope"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "wrong" in response.json()["detail"]


def test_missing_fields_are_named(client, places):
    response = client.post("/api/v1/auth/token/", {}, content_type="application/json")
    assert response.status_code == 400
    assert set(response.json()) == {"email", "password"}


def test_token_requests_are_throttled(client, places):
    statuses = [
        client.post(
            "/api/v1/auth/token/",
            {"email": "x@y.z", "password": "p"},
            content_type="application/json",
        ).status_code
        for _ in range(12)
    ]
    assert statuses[-1] == 429


def test_the_api_refuses_a_request_without_credentials(client, places):
    assert client.get("/api/v1/me/").status_code in {401, 403}


def test_the_openapi_schema_is_served(client, places):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    assert b"openapi" in response.content
    assert b"/api/v1/auth/token/" in response.content
