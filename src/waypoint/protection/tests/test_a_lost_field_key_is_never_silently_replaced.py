"""A database restored without its field key, or a key file deleted, stops encryption with a
clear error: a new key would never open the narratives already stored."""

from datetime import date

import pytest

from waypoint.accounts.models import DigestSecret
from waypoint.core import crypto
from waypoint.protection.models import Incident
from waypoint.protection.services import incident_record
from waypoint.returns.models import Case

pytestmark = pytest.mark.django_db

NARRATIVE = "Prijavila je napad u kampu."


@pytest.fixture
def key_file(monkeypatch, settings, tmp_path, db):
    # The accounts' Digest secrets are encrypted under the test run's own key; these tests
    # start from a database that holds only the values they write.
    DigestSecret.objects.all().delete()
    monkeypatch.delenv(crypto.KEY_ENV, raising=False)
    settings.VAR_DIR = tmp_path
    crypto.forget_keys()
    yield tmp_path / crypto.KEY_FILE_NAME
    crypto.forget_keys()


@pytest.fixture
def incident(officer, site, at_borici, key_file):
    return incident_record(
        actor=officer,
        kind="gbv",
        occurred_on=date.today(),
        site=site("TRC-BOR"),
        narrative=NARRATIVE,
        person=at_borici,
    )


def test_a_missing_key_is_refused_when_the_database_holds_encrypted_values(incident, key_file):
    key = key_file.read_text()
    key_file.unlink()
    crypto.forget_keys()

    with pytest.raises(crypto.FieldKeyMissing) as refused:
        crypto.encrypt("a new narrative")
    with pytest.raises(crypto.FieldKeyMissing):
        Incident.objects.get(pk=incident.pk).narrative  # noqa: B018 (reading is the test)
    assert not key_file.exists()  # no new key was made
    message = str(refused.value)
    assert str(key_file) in message and "waypoint restore" in message
    assert "\n" not in message

    key_file.write_text(key)  # the key put back, as `waypoint restore` does
    crypto.forget_keys()
    assert Incident.objects.get(pk=incident.pk).narrative == NARRATIVE


def test_a_fresh_database_still_gets_its_key_on_first_use(key_file):
    assert not crypto.encrypted_values_exist()
    token = crypto.encrypt(NARRATIVE)
    assert key_file.exists()
    assert crypto.decrypt(token) == NARRATIVE


def test_every_encrypted_column_is_declared():
    declared = {(model, name) for model, name in crypto.encrypted_fields()}
    assert (Incident, "narrative_token") in declared
    assert (Case, "contact_token") in declared
