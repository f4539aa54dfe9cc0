import pytest

pytestmark = pytest.mark.django_db


def test_health_reports_the_database_and_migrations(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "migrations": "ok"}


def test_health_needs_no_sign_in_and_is_not_cached(client):
    response = client.get("/healthz")
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_every_response_carries_a_request_id_and_a_content_security_policy(client):
    response = client.get("/accounts/login/")
    assert len(response["X-Request-ID"]) >= 8
    assert "script-src 'self'" in response["Content-Security-Policy"]
