"""Consent for a child goes through the guardian: a child under 15 never signs alone, the
guardian or parent on record is named, and the form offers the methods that fit the person.
Recipients are picked by name from the list referrals use and stored as codes."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from waypoint.people.forms import ConsentForm
from waypoint.people.models import Consent, ConsentMethod, Purpose
from waypoint.people.recipients import RecipientKind, recipient_label
from waypoint.people.services import (
    consent_methods_for,
    consent_record,
    guardian_appoint,
    household_member_add,
    household_register,
    person_register,
)
from waypoint.places.models import Site

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def born_years_ago(years):
    return TODAY.replace(year=TODAY.year - years, day=min(TODAY.day, 28))


def register(name, years, **details):
    return person_register(
        actor=None,
        site=Site.objects.get(code="TRC-LIP"),
        given_name=name,
        family_name="Rahimi",
        birth_date=born_years_ago(years) if years is not None else None,
        **details,
    )


@pytest.fixture
def family(places):
    """Mother Zahra (30) heads the household; her daughter Sara is two."""
    mother = register("Zahra", 30, sex="F", nationality="AFG")
    daughter = register("Sara", 2, sex="F", nationality="AFG")
    household = household_register(actor=None, head=mother)
    household_member_add(actor=None, household=household, person=daughter, relationship="child")
    return mother, daughter


def record(person, method, **details):
    return consent_record(
        actor=None, person=person, purpose=Purpose.PROTECTION, method=method, **details
    )


def test_a_two_year_olds_own_signature_is_refused_with_what_to_do(family):
    _mother, daughter = family
    with pytest.raises(ValidationError) as refused:
        record(daughter, ConsentMethod.SIGNED, recipients=["centre_for_social_work"])
    message = " ".join(refused.value.message_dict["method"])
    assert "This child is 2" in message and "guardian or a parent" in message
    with pytest.raises(ValidationError):
        record(daughter, ConsentMethod.ORAL_WITNESSED, witness="Amra")
    assert not Consent.objects.exists()


def test_a_consent_for_a_child_in_a_family_names_the_parent_who_heads_it(family):
    _mother, daughter = family
    consent = record(daughter, ConsentMethod.GUARDIAN, recipients=["health_centre"])
    assert consent.method == "guardian"
    assert consent.witness == "Zahra Rahimi"


def test_a_consent_for_an_unaccompanied_child_names_the_appointed_guardian(places):
    boy = register("Omid", 12, sex="M")
    household_register(actor=None, head=boy)
    guardian_appoint(actor=None, child=boy, name="Amela Hodžić", appointed_on=TODAY)
    assert record(boy, ConsentMethod.GUARDIAN).witness == "Amela Hodžić"


def test_a_consent_by_a_guardian_no_one_can_name_is_refused(places):
    boy = register("Omid", 12, sex="M")
    with pytest.raises(ValidationError) as refused:
        record(boy, ConsentMethod.GUARDIAN)
    assert "witness" in refused.value.message_dict


def test_the_age_is_taken_on_the_day_the_consent_was_given(places):
    girl = register("Hana", 15, sex="F")
    assert record(girl, ConsentMethod.SIGNED).method == "signed"
    with pytest.raises(ValidationError):
        record(girl, ConsentMethod.SIGNED, given_on=TODAY - datetime.timedelta(days=400))


def test_an_adult_gives_consent_themselves_unless_a_guardian_is_appointed(family):
    mother, _daughter = family
    with pytest.raises(ValidationError) as refused:
        record(mother, ConsentMethod.GUARDIAN, witness="Someone")
    assert "gives consent themselves" in " ".join(refused.value.message_dict["method"])
    guardian_appoint(actor=None, child=mother, name="Centre for Social Work Bihać")
    assert record(mother, ConsentMethod.GUARDIAN).witness == "Centre for Social Work Bihać"


def test_the_methods_follow_the_persons_age(family, places):
    mother, daughter = family
    assert consent_methods_for(daughter, TODAY) == ["guardian"]
    assert consent_methods_for(register("Ali", 16), TODAY) == [
        "guardian",
        "signed",
        "oral_witnessed",
    ]
    assert consent_methods_for(mother, TODAY) == ["signed", "oral_witnessed"]
    assert set(consent_methods_for(register("Nur", None), TODAY)) == set(ConsentMethod.values)


def test_the_form_for_a_two_year_old_offers_only_the_guardian_and_names_the_parent(family):
    _mother, daughter = family
    form = ConsentForm(person=daughter)
    assert [code for code, _label in form.fields["method"].choices] == ["guardian"]
    assert form.fields["witness"].initial == "Zahra Rahimi"
    assert form.fields["given_on"].initial == TODAY


def test_the_form_offers_recipients_by_name_with_the_embassy_of_the_persons_country(family):
    mother, _daughter = family
    with translation.override("en"):
        choices = dict(ConsentForm(person=mother).fields["recipients"].choices)
        assert choices["centre_for_social_work"] == "Centre for Social Work"
        assert choices["embassy:AFG"] == "Embassy of Afghanistan"
    assert set(RecipientKind.values) < set(choices)


def test_recipients_are_labelled_in_the_users_language():
    with translation.override("bs"):
        assert recipient_label("embassy:PAK") != "embassy:PAK"
        assert "PAK" not in recipient_label("embassy:PAK")
    assert recipient_label("someone_else") == "someone_else"


def test_the_form_stores_the_same_codes_as_before(family):
    mother, _daughter = family
    form = ConsentForm(
        {
            "purpose": "return",
            "recipients": ["centre_for_social_work", "embassy:AFG"],
            "other_embassy": "Pakistan",
            "method": "signed",
            "given_on": TODAY.isoformat(),
        },
        person=mother,
    )
    assert form.is_valid(), form.errors
    consent = consent_record(actor=None, person=mother, **form.cleaned_data)
    assert consent.recipients == ["centre_for_social_work", "embassy:AFG", "embassy:PAK"]


def test_a_recipient_outside_the_list_is_refused(family):
    mother, _daughter = family
    with pytest.raises(ValidationError) as refused:
        record(mother, ConsentMethod.SIGNED, recipients=["embassy:ZZZ"])
    assert "recipients" in refused.value.message_dict
    form = ConsentForm(
        {"purpose": "protection", "recipients": ["the_press"], "method": "signed"},
        person=mother,
    )
    assert not form.is_valid() and "recipients" in form.errors


def test_an_officer_posting_a_toddlers_signature_is_told_why_and_nothing_is_kept(
    client, personas, family
):
    _mother, daughter = family
    client.force_login(personas["registrar.lipa"])
    response = client.post(
        reverse("people:consent_add", args=[daughter.pk]),
        {"purpose": "protection", "method": "signed", "given_on": TODAY.isoformat()},
        follow=True,
    )
    assert not Consent.objects.exists()
    assert "Select a valid choice" in response.content.decode()
    response = client.post(
        reverse("people:consent_add", args=[daughter.pk]),
        {
            "purpose": "protection",
            "method": "guardian",
            "recipients": ["health_centre"],
            "given_on": TODAY.isoformat(),
        },
        follow=True,
    )
    assert "Consent recorded." in response.content.decode()
    consent = Consent.objects.get(person=daughter)
    assert (consent.method, consent.witness) == ("guardian", "Zahra Rahimi")
    assert consent.recipients == ["health_centre"]


def test_a_signature_dated_before_the_child_was_15_is_refused_on_the_page(client, personas):
    girl = register("Hana", 15, sex="F")
    client.force_login(personas["registrar.lipa"])
    response = client.post(
        reverse("people:consent_add", args=[girl.pk]),
        {
            "purpose": "protection",
            "method": "signed",
            "given_on": (TODAY - datetime.timedelta(days=400)).isoformat(),
        },
        follow=True,
    )
    assert not Consent.objects.exists()
    assert "does not sign or consent alone" in response.content.decode()
