import datetime

import pytest
from django.urls import reverse

from waypoint.people.models import Consent
from waypoint.people.services import (
    ConsentMissing,
    consent_record,
    consent_require,
    consent_withdraw,
    household_member_add,
    household_register,
    person_register,
)
from waypoint.places.models import Site

pytestmark = pytest.mark.django_db


def register(name, born, site="TRC-BOR"):
    return person_register(
        actor=None, site=Site.objects.get(code=site), given_name=name, birth_date=born
    )


def test_a_child_registered_alone_is_flagged_unaccompanied(places):
    child = register("Bilal", datetime.date(2010, 5, 1))
    household_register(actor=None, head=child)
    child.refresh_from_db()
    assert child.unaccompanied


def test_a_child_with_an_adult_relative_is_not_unaccompanied(places):
    mother = register("Amina", datetime.date(1985, 5, 1))
    child = register("Bilal", datetime.date(2015, 5, 1))
    household = household_register(actor=None, head=child)
    child.refresh_from_db()
    assert child.unaccompanied
    household_member_add(actor=None, household=household, person=mother, relationship="parent")
    child.refresh_from_db()
    assert not child.unaccompanied


def test_a_withdrawn_consent_blocks_the_processing_that_needs_it(places):
    person = register("Amina", datetime.date(1985, 5, 1))
    consent = consent_record(
        actor=None,
        person=person,
        purpose="protection",
        method="signed",
        recipients=["centre_for_social_work"],
    )
    assert consent_require(person, "protection", "centre_for_social_work") == consent
    with pytest.raises(ConsentMissing):
        consent_require(person, "protection", "health_centre")
    consent_withdraw(actor=None, consent=consent)
    with pytest.raises(ConsentMissing):
        consent_require(person, "protection", "centre_for_social_work")
    assert Consent.objects.get(pk=consent.pk).purpose == "protection"  # kept as given


def test_oral_consent_needs_a_witness(client, personas):
    person = register("Amina", datetime.date(1985, 5, 1), site="TRC-LIP")
    client.force_login(personas["registrar.lipa"])
    client.post(
        reverse("people:consent_add", args=[person.pk]),
        {"purpose": "protection", "method": "oral_witnessed", "given_on": "2025-01-02"},
    )
    assert not Consent.objects.exists()


def test_an_officer_registers_a_family_member_into_the_household(client, personas):
    head = register("Amina", datetime.date(1985, 5, 1), site="TRC-LIP")
    client.force_login(personas["registrar.lipa"])
    start = client.post(reverse("people:household_start", args=[head.pk]))
    household_id = start["Location"].split("household=")[1]
    response = client.post(
        reverse("people:register"),
        {
            "site": "TRC-LIP",
            "given_name": "Bilal",
            "sex": "M",
            "birth_date": "2015-05-01",
            "birth_date_precision": "exact",
            "household": household_id,
            "relationship": "child",
        },
    )
    assert response.status_code == 302
    head.refresh_from_db()
    assert [member.person.given_name for member in head.membership.household.members.all()] == [
        "Amina",
        "Bilal",
    ]
