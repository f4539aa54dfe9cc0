"""Referrals move proposed → accepted → completed, or proposed → declined; nothing else."""

import pytest
from django.core.exceptions import ValidationError

from waypoint.protection.models import ReferralStatus
from waypoint.protection.services import referral_create, referral_move

from .conftest import CSW, consent_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def referral(officer, at_borici):
    consent_to(officer, at_borici, CSW)
    return referral_create(actor=officer, person=at_borici, recipient=CSW)


def test_a_referral_is_accepted_then_completed_and_each_step_is_kept(officer, admin, referral):
    referral_move(actor=officer, referral=referral, status=ReferralStatus.ACCEPTED)
    referral_move(actor=admin, referral=referral, status="completed", note="Placed in care.")
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.COMPLETED
    assert not referral.is_open
    steps = [(change.status, change.changed_by, change.note) for change in referral.changes.all()]
    assert steps == [
        ("proposed", officer, ""),
        ("accepted", officer, ""),
        ("completed", admin, "Placed in care."),
    ]


def test_a_proposed_referral_may_be_declined(officer, referral):
    referral_move(actor=officer, referral=referral, status=ReferralStatus.DECLINED)
    assert referral.status == ReferralStatus.DECLINED
    assert referral.next_statuses() == []


@pytest.mark.parametrize(
    ("path", "refused"),
    [
        ([], "completed"),
        ([], "proposed"),
        (["accepted"], "declined"),
        (["accepted"], "proposed"),
        (["declined"], "accepted"),
        (["accepted", "completed"], "accepted"),
        ([], "lost"),
    ],
)
def test_other_moves_are_refused(officer, referral, path, refused):
    for status in path:
        referral_move(actor=officer, referral=referral, status=status)
    before = referral.changes.count()
    with pytest.raises(ValidationError, match="cannot become"):
        referral_move(actor=officer, referral=referral, status=refused)
    referral.refresh_from_db()
    assert referral.changes.count() == before


def test_the_page_offers_only_the_allowed_moves(client, officer, referral):
    client.force_login(officer)
    page = client.get(f"/protection/referrals/{referral.pk}/").content.decode()
    assert 'value="accepted"' in page and 'value="declined"' in page
    assert 'value="completed"' not in page


def test_a_refused_move_through_the_page_answers_400(client, officer, referral):
    client.force_login(officer)
    url = f"/protection/referrals/{referral.pk}/status/"
    assert client.post(url, {"status": "completed"}).status_code == 400
    assert client.post(url, {"status": "accepted"}).status_code == 302
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED


def test_a_case_worker_cannot_move_a_referral(client, caseworker, referral):
    client.force_login(caseworker)
    url = f"/protection/referrals/{referral.pk}/status/"
    assert client.post(url, {"status": "accepted"}).status_code == 404
