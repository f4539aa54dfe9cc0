"""A referral is refused without an active protection consent naming its recipient."""

import pytest
from django.core.exceptions import ValidationError

from waypoint.people.models import ConsentMethod, Purpose
from waypoint.people.services import ConsentMissing, consent_record, consent_withdraw
from waypoint.protection.models import ReferralStatus
from waypoint.protection.services import referral_create

from .conftest import CSW, consent_to

pytestmark = pytest.mark.django_db


def test_a_referral_without_consent_is_refused_with_a_clear_message(officer, at_borici):
    with pytest.raises(ConsentMissing, match=r"no active consent.*Centre for Social Work"):
        referral_create(actor=officer, person=at_borici, recipient=CSW)
    assert not at_borici.protection_referrals.exists()


def test_a_referral_with_consent_naming_the_recipient_is_proposed(officer, at_borici):
    consent_to(officer, at_borici, CSW, "legal_aid")
    referral = referral_create(
        actor=officer, person=at_borici, recipient=CSW, note="Needs housing support."
    )
    assert referral.status == ReferralStatus.PROPOSED
    assert referral.consent is not None and CSW in referral.consent.recipients
    assert referral.site.code == "TRC-BOR"
    assert [(change.status, change.changed_by) for change in referral.changes.all()] == [
        (ReferralStatus.PROPOSED, officer)
    ]


def test_consent_for_another_recipient_does_not_count(officer, at_borici):
    consent_to(officer, at_borici, "legal_aid")
    with pytest.raises(ConsentMissing):
        referral_create(actor=officer, person=at_borici, recipient=CSW)


def test_consent_for_another_purpose_does_not_count(officer, at_borici):
    consent_record(
        actor=officer, person=at_borici, purpose=Purpose.RETURN, method="signed", recipients=[CSW]
    )
    with pytest.raises(ConsentMissing):
        referral_create(actor=officer, person=at_borici, recipient=CSW)


def test_a_withdrawn_consent_does_not_count(officer, at_borici):
    consent_to(officer, at_borici, CSW)
    consent_withdraw(actor=officer, consent=at_borici.consents.get())
    with pytest.raises(ConsentMissing):
        referral_create(actor=officer, person=at_borici, recipient=CSW)


def test_the_guardians_consent_counts_for_an_unaccompanied_child(officer, child_at_borici):
    consent_to(officer, child_at_borici, CSW, method=ConsentMethod.GUARDIAN)
    referral = referral_create(actor=officer, person=child_at_borici, recipient=CSW)
    assert referral.consent is not None
    assert referral.consent.method == ConsentMethod.GUARDIAN


def test_an_unaccompanied_childs_own_signature_is_not_enough(officer, child_at_borici):
    consent_to(officer, child_at_borici, CSW, method=ConsentMethod.SIGNED)
    with pytest.raises(ConsentMissing, match="guardian"):
        referral_create(actor=officer, person=child_at_borici, recipient=CSW)


def test_an_unknown_recipient_is_refused(officer, at_borici):
    with pytest.raises(ValidationError):
        referral_create(actor=officer, person=at_borici, recipient="embassy:AFG")


def test_the_form_shows_the_refusal_and_then_accepts_after_consent(client, officer, at_borici):
    client.force_login(officer)
    url = f"/protection/people/{at_borici.pk}/refer/"
    refused = client.post(url, {"recipient": CSW})
    assert refused.status_code == 200
    assert "Referral refused" in refused.content.decode()
    consent_to(officer, at_borici, CSW)
    accepted = client.post(url, {"recipient": CSW, "recipient_name": "CSW Bihać"})
    referral = at_borici.protection_referrals.get()
    assert accepted.status_code == 302
    assert accepted["Location"] == f"/protection/referrals/{referral.pk}/"
    assert referral.recipient_name == "CSW Bihać"
