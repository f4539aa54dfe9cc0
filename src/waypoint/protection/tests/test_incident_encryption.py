"""Incident narratives are encrypted in the database and readable only by protection staff."""

import stat
from datetime import date

import pytest
from cryptography.fernet import Fernet
from django.db import connection

from waypoint.core import crypto
from waypoint.protection.models import Incident, IncidentStatus
from waypoint.protection.services import incident_record

pytestmark = pytest.mark.django_db

NARRATIVE = "Prijavila je napad u kampu. Она је уплашена. تعرضت للتهديد"


@pytest.fixture
def incident(officer, site, at_borici):
    return incident_record(
        actor=officer,
        kind="gbv",
        occurred_on=date.today(),
        site=site("TRC-BOR"),
        narrative=NARRATIVE,
        person=at_borici,
    )


def raw_narrative(incident):
    with connection.cursor() as cursor:
        table = connection.ops.quote_name(Incident._meta.db_table)
        cursor.execute(f"SELECT narrative_token FROM {table} WHERE id = %s", [incident.pk])  # noqa: S608 (a model's table name)
        return cursor.fetchone()[0]


def test_the_database_holds_only_ciphertext(incident):
    stored = raw_narrative(incident)
    assert NARRATIVE not in stored
    assert "napad" not in stored
    assert stored.startswith("gAAAAA")  # a Fernet token
    assert crypto.decrypt(stored) == NARRATIVE


def test_the_protection_officer_reads_the_narrative(client, officer, incident):
    client.force_login(officer)
    response = client.get(f"/protection/incidents/{incident.pk}/")
    assert response.status_code == 200
    assert "уплашена" in response.content.decode()


def test_the_list_shows_no_narrative(client, officer, incident):
    client.force_login(officer)
    page = client.get("/protection/incidents/").content.decode()
    assert "Sexual or gender-based violence" in page
    assert "napad" not in page


def test_nobody_else_reads_an_incident(client, personas, admin, site, incident):
    at_lipa = incident_record(
        actor=admin, kind="other", occurred_on=date.today(), site=site("TRC-LIP"), narrative="x"
    )
    client.force_login(personas["protection.borici"])
    assert client.get(f"/protection/incidents/{at_lipa.pk}/").status_code == 404
    for name in ("caseworker.lipa", "manager.lipa", "registrar.lipa", "analyst"):
        client.force_login(personas[name])
        assert client.get(f"/protection/incidents/{incident.pk}/").status_code == 404
        assert client.get(f"/protection/incidents/{at_lipa.pk}/").status_code == 404
        assert client.get("/protection/incidents/").status_code == 403


def test_the_officer_records_an_incident_through_the_form(client, officer, at_borici):
    client.force_login(officer)
    response = client.post(
        "/protection/incidents/new/",
        {
            "kind": "complaint_service",
            "occurred_on": date.today().isoformat(),
            "site": "TRC-BOR",
            "person": at_borici.registration_number.lower(),
            "narrative": "Food was cold for three days.",
        },
    )
    assert response.status_code == 302
    incident = Incident.objects.get()
    assert incident.person == at_borici
    assert incident.narrative == "Food was cold for three days."
    assert "cold" not in raw_narrative(incident)


def test_the_officer_cannot_log_at_a_site_outside_scope(client, officer):
    client.force_login(officer)
    response = client.post(
        "/protection/incidents/new/",
        {"kind": "other", "occurred_on": "2025-03-01", "site": "TRC-LIP", "narrative": "x"},
    )
    assert response.status_code == 200
    assert not Incident.objects.exists()


def test_the_status_changes(client, officer, incident):
    client.force_login(officer)
    url = f"/protection/incidents/{incident.pk}/status/"
    client.post(url, {"status": "in_follow_up"})
    incident.refresh_from_db()
    assert incident.status == IncidentStatus.IN_FOLLOW_UP


def test_a_narrative_under_another_key_is_reported_not_shown(
    client, officer, incident, monkeypatch
):
    monkeypatch.setenv(crypto.KEY_ENV, Fernet.generate_key().decode())
    client.force_login(officer)
    response = client.get(f"/protection/incidents/{incident.pk}/")
    assert response.status_code == 200
    assert "cannot be decrypted" in response.content.decode()


def test_keys_rotate_and_the_old_key_still_reads_until_removed(monkeypatch):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    monkeypatch.setenv(crypto.KEY_ENV, old)
    token = crypto.encrypt(NARRATIVE)
    monkeypatch.setenv(crypto.KEY_ENV, f"{new},{old}")
    assert crypto.decrypt(token) == NARRATIVE
    rotated = crypto.reencrypt(token)
    monkeypatch.setenv(crypto.KEY_ENV, new)
    assert crypto.decrypt(rotated) == NARRATIVE
    with pytest.raises(crypto.FieldUnreadable):
        crypto.decrypt(token)


def test_without_a_configured_key_one_is_made_once_readable_by_its_owner_only(
    monkeypatch, settings, tmp_path
):
    monkeypatch.delenv(crypto.KEY_ENV, raising=False)
    settings.VAR_DIR = tmp_path
    token = crypto.encrypt("secret")
    key_file = tmp_path / "field_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    first = key_file.read_text()
    assert crypto.decrypt(token) == "secret"
    crypto.encrypt("again")
    assert key_file.read_text() == first


def test_a_malformed_key_is_refused_without_echoing_it(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.setenv(crypto.KEY_ENV, "not-a-key-but-a-secret")
    with pytest.raises(ImproperlyConfigured) as refused:
        crypto.encrypt("x")
    assert "not-a-key-but-a-secret" not in str(refused.value)
