"""`waypoint keys rotate` makes a new field key, re-encrypts every encrypted column with it and,
once retired, leaves the old key unable to open anything; `status` counts values per key.
Real key files in a temporary VAR_DIR, real tokens in the database."""

from __future__ import annotations

import hashlib
import io
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from waypoint.accounts.models import DigestSecret
from waypoint.audit.models import AuditEvent
from waypoint.core import crypto
from waypoint.core.backups import read_manifest
from waypoint.people.services import person_register
from waypoint.protection.models import Incident, Screening
from waypoint.protection.services import incident_record

pytestmark = pytest.mark.django_db

NARRATIVE = "Prijavila je napad u kampu."
NOTES = "Trudna, treba ginekologa."
PASSPHRASE = "rotation test passphrase, not in the backup"


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
def holdings(personas, site, key_file):
    """An incident narrative and a screening note, encrypted with the first key."""
    borici = site("TRC-BOR")
    person = person_register(
        actor=personas["admin"],
        site=borici,
        given_name="Ahmad",
        family_name="Karimi",
        birth_date=date(1990, 1, 1),
    )
    incident = incident_record(
        actor=personas["protection.borici"],
        kind="gbv",
        occurred_on=date.today(),
        site=borici,
        narrative=NARRATIVE,
        person=person,
    )
    screening = Screening.objects.create(person=person, version="v1", site=borici, notes=NOTES)
    return incident, screening


def tokens() -> list[str]:
    return [
        token
        for model, name in crypto.encrypted_fields()
        for _pk, token in crypto.stored_tokens(model, name)
    ]


def keys(action: str, *flags: str) -> str:
    out = io.StringIO()
    call_command("keys", action, *flags, stdout=out)
    return out.getvalue()


def opens(key: str, token: str) -> bool:
    try:
        Fernet(key.encode()).decrypt(token.encode())
    except InvalidToken:
        return False
    return True


def test_rotate_puts_a_new_key_first_and_reencrypts_every_value(holdings, key_file):
    incident, screening = holdings
    old = key_file.read_text()
    before = tokens()
    assert len(before) == 2

    output = keys("rotate", "--batch-size", "1")

    new, kept = key_file.read_text().split(",")
    assert kept == old and new != old
    after = tokens()
    assert set(after).isdisjoint(before)
    assert all(opens(new, token) for token in after)
    assert Incident.objects.get(pk=incident.pk).narrative == NARRATIVE
    assert Screening.objects.get(pk=screening.pk).notes == NOTES
    assert "2 values re-encrypted" in output
    assert old not in output and new not in output  # keys are never printed from a file


def test_rotate_writes_an_audit_event_without_key_material(holdings, key_file):
    old = key_file.read_text()
    keys("rotate", "--retire-old")
    new = key_file.read_text()
    events = list(AuditEvent.objects.filter(object_type="core.field_key").order_by("sequence"))
    assert [event.actor_label for event in events] == ["waypoint keys", "waypoint keys"]
    assert "protection.Screening.notes" in events[0].changed_fields
    assert "2 values re-encrypted" in events[0].purpose
    for event in events:
        text = f"{event.purpose} {event.changed_fields} {event.object_id}"
        assert old not in text and new not in text
    call_command("audit", "verify", stdout=io.StringIO())  # the chain still holds


def test_after_rotate_and_retire_the_old_key_opens_nothing(holdings, key_file):
    incident, screening = holdings
    old = key_file.read_text()

    output = keys("rotate", "--retire-old")

    new = key_file.read_text()
    assert "," not in new and new != old
    assert "1 old key(s) retired" in output
    assert not any(opens(old, token) for token in tokens())
    assert all(opens(new, token) for token in tokens())
    crypto.forget_keys()
    assert Incident.objects.get(pk=incident.pk).narrative == NARRATIVE
    assert Screening.objects.get(pk=screening.pk).notes == NOTES

    key_file.write_text(old)  # the retired key put back opens nothing
    crypto.forget_keys()
    with pytest.raises(crypto.FieldUnreadable):
        Incident.objects.get(pk=incident.pk).narrative  # noqa: B018 (reading is the test)
    assert Screening.objects.get(pk=screening.pk).notes == ""


def test_status_counts_the_values_of_each_column_under_each_key(holdings, key_file):
    old = key_file.read_text()
    crypto.write_key_file([crypto.new_key(), old])  # a second key, nothing re-encrypted yet

    before = keys("status")
    assert "2 key(s) from" in before
    assert "protection.Screening.notes: 1 values (0 under key 1, 1 under key 2)" in before
    assert "protection.Incident.narrative_token: 1 values (0 under key 1, 1 under key 2)" in before
    assert crypto.key_fingerprint(old) in before and old not in before

    keys("rotate", "--reencrypt-only")
    assert "protection.Screening.notes: 1 values (1 under key 1, 0 under key 2)" in keys("status")


def test_retire_refuses_while_a_value_still_needs_an_old_key(holdings, key_file):
    old = key_file.read_text()
    crypto.write_key_file([crypto.new_key(), old])
    both = key_file.read_text()

    with pytest.raises(CommandError) as refused:
        keys("retire")

    assert "protection.Incident.narrative_token" in str(refused.value)
    assert key_file.read_text() == both


def test_keys_from_the_environment_are_explained_not_changed(holdings, key_file, monkeypatch):
    old = key_file.read_text()
    monkeypatch.setenv(crypto.KEY_ENV, old)
    crypto.forget_keys()
    before = tokens()

    told = keys("rotate").splitlines()

    value = told[-1]
    new, kept = value.split(",")
    assert kept == old and new != old
    assert "waypoint keys rotate --reencrypt-only" in "\n".join(told)
    assert tokens() == before  # nothing re-encrypted until the operator sets the value

    monkeypatch.setenv(crypto.KEY_ENV, value)
    crypto.forget_keys()
    keys("rotate", "--reencrypt-only")
    assert all(opens(new, token) for token in tokens())
    assert keys("retire").splitlines()[-1] == new
    assert key_file.read_text() == old  # the file was never the source: left alone


def waypoint(var: Path, *args: str) -> str:
    """Run `waypoint ARGS` as its own process on the SQLite database in ``var``."""
    result = subprocess.run(
        [sys.executable, "-m", "waypoint", *args],
        capture_output=True,
        text=True,
        env={
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(var),
            "WAYPOINT_VAR_DIR": str(var),
            "WAYPOINT_BACKUP_PASSPHRASE": PASSPHRASE,
        },
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    return result.stdout


MAKE_CASE = f"""
from waypoint.returns.models import Case
Case.objects.create(
    reference="R-KEYS-0001", source="walk_in", given_name="Reza", return_country="AFG",
    special_needs={NOTES!r},
)
"""


@pytest.fixture(scope="module")
def var(tmp_path_factory, django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """A VAR_DIR with a migrated SQLite database and one return case with special needs."""
    var = tmp_path_factory.mktemp("var")
    if connection.vendor == "sqlite":
        # The test database is migrated already: copying it saves a minute of migrations.
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(var / "waypoint.sqlite3")])
    else:
        waypoint(var, "migrate", "--verbosity", "0")
    waypoint(var, "shell", "-c", MAKE_CASE)
    return var


def test_the_command_line_rotates_and_the_next_backup_holds_the_new_key(var):
    database = var / "waypoint.sqlite3"
    old = (var / "field_key").read_text()

    waypoint(var, "keys", "rotate", "--retire-old")
    status = waypoint(var, "keys", "status")
    waypoint(var, "backup", str(var / "after-rotation.backup"))

    new = (var / "field_key").read_text()
    assert new != old and "," not in new
    assert "returns.Case.special_needs: 1 values (1 under key 1)" in status
    with sqlite3.connect(database) as raw:
        (token,) = raw.execute("SELECT special_needs FROM returns_case").fetchone()
    assert opens(new, token) and not opens(old, token)
    manifest = read_manifest(source=var / "after-rotation.backup", passphrase=PASSPHRASE)
    assert manifest["keys"]["keys/field_key"] == "file"
    kept = hashlib.sha256(new.strip().encode()).hexdigest()
    assert manifest["members"]["keys/field_key"]["sha256"] == kept
