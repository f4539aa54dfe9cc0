"""Protection lists write one audit event per list shown, with the ids and never a name;
the screenings API keeps recording each screening it returns as a protection view."""

from datetime import date

import pytest

from waypoint.audit.models import Action, AuditEvent
from waypoint.audit.tests.list_reads import assert_names_absent, list_reads_during
from waypoint.places.models import Area
from waypoint.protection.models import IncidentKind
from waypoint.protection.services import (
    incident_record,
    outreach_record,
    referral_create,
    screening_record,
)

from .conftest import CSW, consent_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def flagged(officer, admin, at_borici, at_lipa, child_at_borici):
    """Ahmad Karimi (Borići) needs follow-up, the child at Borići has an open referral; the
    person at Lipa is out of the officer's scope."""
    screening_record(actor=officer, person=at_borici, answers={"disability": "yes"})
    screening_record(actor=admin, person=at_lipa, answers={"disability": "yes"})
    consent_to(officer, child_at_borici, CSW, method="guardian")
    referral = referral_create(actor=officer, person=child_at_borici, recipient=CSW)
    return {"people": [at_borici, child_at_borici], "referral": referral}


def test_the_protection_page_records_the_people_and_the_referrals_it_listed(
    client, officer, flagged
):
    client.force_login(officer)
    response, events = list_reads_during(lambda: client.get("/protection/"))
    assert response.status_code == 200
    people, referrals = events
    assert people.object_type == "people.person" and people.changed_fields == ["page:1"]
    assert sorted(people.object_ids) == sorted(str(person.pk) for person in flagged["people"])
    assert referrals.object_type == "protection.referral"
    assert referrals.object_ids == [str(flagged["referral"].pk)]
    for event in events:
        assert_names_absent(event, ["Ahmad", "Karimi", "Omid"])


def test_the_landing_panel_records_the_five_of_each_it_shows(client, officer, flagged):
    client.force_login(officer)
    _response, events = list_reads_during(lambda: client.get("/accounts/home/"))
    shown = {event.object_type: sorted(event.object_ids) for event in events}
    assert shown == {
        "people.person": sorted(str(person.pk) for person in flagged["people"]),
        "protection.referral": [str(flagged["referral"].pk)],
    }


def test_the_incident_log_records_the_incidents_listed(client, officer, admin, site, at_borici):
    here = incident_record(
        actor=officer,
        kind=IncidentKind.PHYSICAL_VIOLENCE,
        occurred_on=date.today(),
        site=site("TRC-BOR"),
        narrative="Hit by another resident",
        person=at_borici,
    )
    incident_record(
        actor=admin,
        kind=IncidentKind.SELF_HARM,
        occurred_on=date.today(),
        site=site("TRC-LIP"),
        narrative="Elsewhere",
    )
    client.force_login(officer)
    response, [event] = list_reads_during(lambda: client.get("/protection/incidents/"))
    assert response.status_code == 200
    assert event.object_type == "protection.incident" and event.object_ids == [str(here.pk)]
    assert_names_absent(event, ["Ahmad", "Karimi", "Hit by"])


def test_the_outreach_list_records_the_contacts_listed(client, officer, child_at_borici):
    contact = outreach_record(
        actor=officer,
        contacted_on=date.today(),
        municipality=Area.objects.get(code="BA0101001"),
        person=child_at_borici,
        needs=["food"],
    )
    client.force_login(officer)
    response, [event] = list_reads_during(lambda: client.get("/protection/outreach/"))
    assert response.status_code == 200
    assert event.object_type == "protection.outreachcontact"
    assert event.object_ids == [str(contact.pk)]
    assert_names_absent(event, ["Omid"])


def test_an_empty_incident_log_writes_its_event_with_no_ids(client, officer):
    client.force_login(officer)
    _response, [event] = list_reads_during(lambda: client.get("/protection/incidents/"))
    assert event.object_ids == []


def test_the_screenings_api_records_each_screening_it_returns(client, officer, flagged):
    client.force_login(officer)
    before = AuditEvent.objects.latest("sequence").sequence
    rows = client.get("/api/v1/screenings/").json()["results"]
    viewed = AuditEvent.objects.filter(action=Action.VIEW_PROTECTION, sequence__gt=before)
    assert sorted(event.object_id for event in viewed) == sorted(str(row["id"]) for row in rows)
    assert len(rows) == 1
