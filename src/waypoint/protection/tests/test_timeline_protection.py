"""The person's timeline, protection's part: screenings and referrals with their details for
protection staff whose scope covers the person; nothing at all for other roles, who learn
only the follow-up flag on the person page."""

from __future__ import annotations

from datetime import date

import pytest

from waypoint.audit.models import Action, AuditEvent
from waypoint.people.services import consent_record, person_register
from waypoint.people.timeline import Kind, timeline_of
from waypoint.protection.queries import timeline_protection
from waypoint.protection.services import referral_create, screening_record
from waypoint.reception.services import stay_admit

pytestmark = pytest.mark.django_db


@pytest.fixture
def screened(personas, site):
    """Registered at Lipa, staying at Borići: in a Lipa case worker's scope and in the Borići
    protection officer's; screened (torture) and referred to legal aid."""
    admin = personas["admin"]
    person = person_register(
        actor=admin, site=site("TRC-LIP"), given_name="Farid", birth_date=date(1990, 2, 2)
    )
    stay_admit(actor=admin, person=person, site=site("TRC-BOR"))
    person.refresh_from_db()
    screening = screening_record(actor=admin, person=person, answers={"torture": "yes"})
    consent_record(
        actor=admin,
        person=person,
        purpose="protection",
        method="signed",
        recipients=["legal_aid"],
    )
    referral_create(actor=admin, person=person, recipient="legal_aid", screening=screening)
    return person, screening


def test_a_protection_officer_sees_the_screening_and_referral_with_details(personas, screened):
    person, screening = screened
    entries = timeline_protection(personas["protection.borici"], [person])
    by_title = {entry.title: entry for entry in entries}
    assert set(by_title) == {"Vulnerability screening", "Referral to Legal aid"}
    assert by_title["Vulnerability screening"].detail == ", ".join(screening.flag_labels())
    assert by_title["Referral to Legal aid"].detail == "Proposed"
    assert all(entry.kind == Kind.PROTECTION and entry.url for entry in entries)


def test_showing_protection_entries_is_recorded_as_a_protection_view(personas, screened):
    person, _screening = screened
    timeline_protection(personas["protection.borici"], [person])
    assert AuditEvent.objects.filter(
        action=Action.VIEW_PROTECTION, person_id=person.pk, purpose="person timeline"
    ).exists()


def test_a_case_worker_sees_no_screening_or_referral(personas, screened):
    person, _screening = screened
    caseworker = personas["caseworker.lipa"]
    assert timeline_protection(caseworker, [person]) == []
    read = timeline_of(caseworker, person)
    assert read.entries  # the registration and the stay are there
    assert all(entry.kind != Kind.PROTECTION for entry in read.entries)
    assert not AuditEvent.objects.filter(
        action=Action.VIEW_PROTECTION, actor=caseworker, person_id=person.pk
    ).exists()


def test_the_case_workers_person_page_names_no_category(client, personas, screened):
    person, screening = screened
    client.force_login(personas["caseworker.lipa"])
    page = client.get(f"/people/{person.pk}/").content.decode()
    assert 'id="timeline"' in page
    for label in screening.flag_labels():
        assert label not in page
    assert "Vulnerability screening" not in page
