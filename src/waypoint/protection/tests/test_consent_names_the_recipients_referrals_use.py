"""The consent form offers, by name, the recipients the referral form offers, so a consent
recorded from the form is one a referral to the same recipient can rely on."""

import pytest
from django.utils import translation

from waypoint.people.forms import ConsentForm
from waypoint.people.models import ConsentMethod
from waypoint.people.services import consent_record
from waypoint.protection.forms import ReferralForm
from waypoint.protection.services import referral_create

pytestmark = pytest.mark.django_db


def test_every_referral_recipient_is_offered_by_the_consent_form_under_the_same_name(
    at_borici,
):
    with translation.override("bs"):
        referral = dict(ReferralForm().fields["recipient"].choices)
        consent = dict(ConsentForm(person=at_borici).fields["recipients"].choices)
        assert {code: str(label) for code, label in referral.items()} == {
            code: str(consent[code]) for code in referral
        }


def test_a_consent_ticked_on_the_form_lets_the_referral_through(officer, at_borici):
    form = ConsentForm(
        {
            "purpose": "protection",
            "recipients": ["legal_aid"],
            "method": ConsentMethod.SIGNED,
            "given_on": "2026-01-05",
        },
        person=at_borici,
    )
    assert form.is_valid(), form.errors
    consent = consent_record(actor=officer, person=at_borici, **form.cleaned_data)
    referral = referral_create(actor=officer, person=at_borici, recipient="legal_aid")
    assert referral.consent == consent
