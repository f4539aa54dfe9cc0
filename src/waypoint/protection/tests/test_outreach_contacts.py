"""Mobile teams record contacts outside centres, anonymous or with a registered person."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from waypoint.places.models import Area
from waypoint.protection.models import AgeGroup, OutreachContact, age_group_of
from waypoint.protection.queries import outreach_visible_to
from waypoint.protection.services import outreach_record

pytestmark = pytest.mark.django_db


def municipality(code):
    return Area.objects.get(code=code)


def test_an_anonymous_contact_keeps_only_sex_age_group_and_nationality(officer):
    contact = outreach_record(
        actor=officer,
        contacted_on=date.today(),
        municipality=municipality("BA0101001"),
        location="Old factory near the bus station",
        sex="M",
        age_group=AgeGroup.FROM_12,
        nationality="afg",
        needs=["food", "shelter", "food"],
        services=["food", "hygiene_kit"],
        referral_made=True,
    )
    assert contact.person is None
    assert (contact.sex, contact.age_group, contact.nationality) == ("M", "12-17", "AFG")
    assert contact.needs == ["food", "shelter"]


def test_a_registered_persons_details_come_from_the_registration(officer, child_at_borici):
    contact = outreach_record(
        actor=officer,
        contacted_on=date.today(),
        location="Road to Velika Kladuša",
        person=child_at_borici,
        sex="F",
        age_group=AgeGroup.FROM_60,
    )
    assert (contact.sex, contact.age_group) == ("M", "12-17")


def test_a_contact_needs_a_municipality_or_a_location(officer):
    with pytest.raises(ValidationError):
        outreach_record(actor=officer, contacted_on=date.today())


def test_a_future_date_and_unknown_needs_are_refused(officer):
    with pytest.raises(ValidationError):
        outreach_record(
            actor=officer, contacted_on=date.today() + timedelta(days=2), location="Bihać"
        )
    with pytest.raises(ValidationError):
        outreach_record(actor=officer, contacted_on=date.today(), location="x", needs=["cash"])


def test_contacts_are_scoped_by_municipality(officer, admin):
    bihac = outreach_record(
        actor=admin, contacted_on=date.today(), municipality=municipality("BA0101001")
    )
    sarajevo = outreach_record(
        actor=admin, contacted_on=date.today(), municipality=municipality("BA0109006")
    )
    own = outreach_record(actor=officer, contacted_on=date.today(), location="somewhere")
    visible = set(outreach_visible_to(officer))
    assert bihac in visible and own in visible
    assert sarajevo not in visible
    assert set(outreach_visible_to(admin)) == {bihac, sarajevo, own}


def test_the_age_group_follows_the_age():
    assert [age_group_of(age) for age in (None, 0, 4, 5, 11, 12, 17, 18, 59, 60)] == [
        "unknown",
        "0-4",
        "0-4",
        "5-11",
        "5-11",
        "12-17",
        "12-17",
        "18-59",
        "18-59",
        "60+",
    ]


def test_the_officer_records_a_contact_through_the_form(client, officer):
    client.force_login(officer)
    response = client.post(
        "/protection/outreach/new/",
        {
            "contacted_on": date.today().isoformat(),
            "municipality": "BA0101001",
            "location": "Squat at the old dormitory",
            "sex": "F",
            "age_group": "18-59",
            "nationality": "irq",
            "needs": ["health", "clothing"],
            "services": ["first_aid"],
            "referral_made": "on",
        },
    )
    assert response.status_code == 302
    contact = OutreachContact.objects.get()
    assert contact.needs == ["clothing", "health"] and contact.referral_made
    page = client.get("/protection/outreach/").content.decode()
    assert "Squat at the old dormitory" in page
    assert "Anonymous" in page


def test_a_case_worker_has_no_outreach_log(client, caseworker):
    client.force_login(caseworker)
    assert client.get("/protection/outreach/").status_code == 403
    assert client.get("/protection/outreach/new/").status_code == 403
