import subprocess
import sys

import pytest
from django.core.management import call_command
from django.db import connection

from waypoint.audit.models import Action, AuditEvent
from waypoint.audit.services import audit_chain_verify, audit_record

pytestmark = pytest.mark.django_db


def record_three():
    return [
        audit_record(
            actor=None,
            action=Action.VIEW,
            object_type="people.person",
            object_id=str(number),
            person_id=number,
        )
        for number in (1, 2, 3)
    ]


def test_each_event_carries_the_hash_of_its_predecessor():
    first, second, third = record_three()
    assert second.previous_hash == first.hash
    assert third.previous_hash == second.hash
    assert third.sequence == first.sequence + 2
    assert audit_chain_verify().intact


def test_verify_finds_a_row_altered_directly_in_the_database():
    _first, second, _third = record_three()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE audit_auditevent SET purpose = %s WHERE id = %s", ["covering tracks", second.pk]
        )
    report = audit_chain_verify()
    assert not report.intact
    assert report.broken_at == second.sequence


def test_verify_finds_a_row_deleted_directly_in_the_database():
    _first, second, third = record_three()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [second.pk])
    report = audit_chain_verify()
    assert report.broken_at == third.sequence


def test_verify_finds_the_last_rows_removed():
    _first, _second, third = record_three()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [third.pk])
    assert not audit_chain_verify().intact


def test_the_application_cannot_update_or_delete_an_event():
    event = record_three()[0]
    event.purpose = "changed"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(purpose="x")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()


def test_the_verify_command_reports_the_first_broken_link(capsys):
    _first, second, _third = record_three()
    call_command("audit", "verify")
    assert "intact: " in capsys.readouterr().out
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE audit_auditevent SET action = %s WHERE id = %s", ["export", second.pk]
        )
    with pytest.raises(SystemExit) as stopped:
        call_command("audit", "verify")
    assert stopped.value.code == 1
    assert f"broken at event #{second.sequence}" in capsys.readouterr().err


def test_events_never_hold_field_values_only_names():
    event = audit_record(
        actor=None,
        action=Action.UPDATE,
        object_type="people.person",
        object_id="7",
        changed_fields=["family_name", "birth_date"],
    )
    assert event.changed_fields == ["birth_date", "family_name"]


def test_the_command_line_names_an_unknown_action_in_one_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "waypoint", "audit", "repair"],
        capture_output=True,
        text=True,
        env={"WAYPOINT_VAR_DIR": str(tmp_path), "PATH": ""},
        check=False,
    )
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "invalid choice" in result.stderr
