"""The audit chain's head is signed with a key the database does not hold, so someone who
can write the database but not read the key cannot rewrite the chain unnoticed."""

from __future__ import annotations

import pytest
from django.db import connection

from waypoint.audit.models import AuditEvent, ChainHead
from waypoint.audit.services import audit_chain_verify
from waypoint.audit.tests.test_chain import record_three
from waypoint.core import signing

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_key(tmp_path, settings, monkeypatch):
    """A signing key of this test's own, in a fresh VAR_DIR."""
    settings.VAR_DIR = tmp_path
    monkeypatch.delenv(signing.KEY_ENV, raising=False)
    return tmp_path / signing.KEY_FILE_NAME


def _rewrite_chain_from(sequence: int, purpose: str) -> None:
    """What an attacker with write access to the database can do: edit a row, then
    recompute every hash after it and the head (all in SQL, no key)."""
    events = list(AuditEvent.objects.order_by("sequence"))
    previous = "0" * 64
    with connection.cursor() as cursor:
        for event in events:
            if event.sequence == sequence:
                event.purpose = purpose
            event.previous_hash = previous
            event.hash = event.compute_hash()
            cursor.execute(
                "UPDATE audit_auditevent SET purpose = %s, previous_hash = %s, hash = %s "
                "WHERE id = %s",
                [event.purpose, event.previous_hash, event.hash, event.pk],
            )
            previous = event.hash
        cursor.execute("UPDATE audit_chainhead SET last_hash = %s WHERE id = 1", [previous])


def test_a_signed_chain_verifies(own_key):
    record_three()
    head = ChainHead.objects.get()
    assert own_key.exists() and len(head.signature) == 64
    assert audit_chain_verify().intact


def test_a_chain_rewritten_with_fresh_hashes_is_caught_by_the_signature(own_key):
    _first, second, _third = record_three()
    _rewrite_chain_from(second.sequence, "covering tracks")
    report = audit_chain_verify()
    assert not report.intact
    assert "signature" in report.reason


def test_a_missing_key_is_never_replaced_once_the_chain_is_signed(own_key):
    record_three()
    own_key.unlink()
    report = audit_chain_verify()
    assert not report.intact and "signature" in report.reason
    with pytest.raises(signing.SigningKeyMissing):
        record_three()
    assert not own_key.exists()
