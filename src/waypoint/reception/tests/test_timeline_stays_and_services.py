"""The person's timeline, reception's part: admissions, transfers, exits, absences at a
roll-call and services, each at its centre, only at centres the reader's scope covers."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from waypoint.people.services import person_register
from waypoint.people.timeline import Kind, timeline_of
from waypoint.reception.queries import timeline_stays_and_services
from waypoint.reception.services import (
    rollcall_record,
    service_record,
    stay_admit,
    stay_exit,
    stay_transfer,
)

pytestmark = pytest.mark.django_db

START = timezone.make_aware(datetime(2024, 3, 1, 10, 0))


@pytest.fixture
def travelled(personas, site):
    """Admitted at Lipa, absent at a roll-call, given a hygiene kit, transferred to Ušivak,
    left there."""
    admin = personas["admin"]
    lipa, usivak = site("TRC-LIP"), site("TRC-USI")
    person = person_register(
        actor=admin,
        site=lipa,
        given_name="Jawad",
        birth_date=date(1994, 6, 12),
        registered_on=date(2024, 3, 1),
    )
    stay = stay_admit(actor=admin, person=person, site=lipa, at=START)
    rollcall_record(
        actor=admin,
        site=lipa,
        day=date(2024, 3, 3),
        present_stay_ids=[],
        at=START + timedelta(days=2),
    )
    service_record(
        actor=admin, site=lipa, kind="hygiene_kit", delivered_on=date(2024, 3, 4), person=person
    )
    stay_transfer(actor=admin, stay=stay, to_site=usivak, at=START + timedelta(days=5))
    following = person.stays.get(exited_at__isnull=True)
    stay_exit(actor=admin, stay=following, reason="onward", at=START + timedelta(days=9))
    return person


def test_the_whole_stay_history_reads_in_order(personas, travelled):
    entries = timeline_stays_and_services(personas["admin"], [travelled])
    ordered = sorted(entries, key=lambda entry: entry.moment)
    assert [entry.title for entry in ordered] == [
        "Admitted",
        "Absent at the roll-call",
        "Hygiene kit",
        "Transferred to Ušivak",
        "Transferred in from Lipa",
        "Exit: Left voluntarily or onward movement",
    ]
    assert {entry.kind for entry in entries} == {Kind.STAY, Kind.SERVICE}
    assert all(entry.source.startswith("Reception · ") for entry in entries)
    assert {entry.registration for entry in entries} == {travelled.registration_number}


def test_a_centre_out_of_scope_keeps_its_stays(personas, travelled):
    titles = [
        entry.title for entry in timeline_stays_and_services(personas["manager.lipa"], [travelled])
    ]
    assert "Admitted" in titles and "Transferred to Ušivak" in titles
    assert "Transferred in from Lipa" not in titles
    assert not any(title.startswith("Exit") for title in titles)


def test_roles_without_personal_data_see_nothing(personas, travelled):
    assert timeline_stays_and_services(personas["analyst"], [travelled]) == []


def test_the_person_timeline_includes_reception(personas, travelled):
    kinds = {entry.kind for entry in timeline_of(personas["admin"], travelled).entries}
    assert {Kind.REGISTRATION, Kind.STAY, Kind.SERVICE} <= kinds
