from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from waypoint.reception.models import RESERVED_EXIT_REASONS, ExitReason
from waypoint.reception.services import bed_suggest, stay_admit, stay_exit

pytestmark = pytest.mark.django_db

ORDINARY = [reason for reason in ExitReason.values if reason not in RESERVED_EXIT_REASONS]


@pytest.mark.parametrize("reason", ORDINARY)
def test_an_exit_is_recorded_with_each_ordinary_reason(registrar, lipa, register, reason):
    stay = stay_admit(
        actor=registrar, person=register(), site=lipa, at=timezone.now() - timedelta(days=1)
    )
    stay_exit(actor=registrar, stay=stay, reason=reason)
    stay.refresh_from_db()
    assert not stay.is_open
    assert stay.exit_reason == reason
    assert stay.exited_by == registrar


@pytest.mark.parametrize("reason", sorted(RESERVED_EXIT_REASONS))
def test_transfer_and_left_without_notice_have_their_own_way(registrar, lipa, register, reason):
    stay = stay_admit(actor=registrar, person=register(), site=lipa)
    with pytest.raises(ValidationError):
        stay_exit(actor=registrar, stay=stay, reason=reason)
    stay.refresh_from_db()
    assert stay.is_open


def test_an_unknown_reason_is_refused(registrar, lipa, register):
    stay = stay_admit(actor=registrar, person=register(), site=lipa)
    with pytest.raises(ValidationError):
        stay_exit(actor=registrar, stay=stay, reason="teleported")


def test_an_exit_before_the_admission_is_refused(registrar, lipa, register):
    stay = stay_admit(
        actor=registrar, person=register(), site=lipa, at=timezone.now() - timedelta(hours=1)
    )
    with pytest.raises(ValidationError, match="before the admission"):
        stay_exit(
            actor=registrar, stay=stay, reason="onward", at=timezone.now() - timedelta(days=1)
        )


def test_an_exit_frees_the_bed(registrar, lipa, beds, register):
    for label in ("A1", "A2"):
        stay_admit(actor=registrar, person=register(), site=lipa, bed=beds[label])
    leaving = stay_admit(actor=registrar, person=register(), site=lipa, bed=beds["A3"])
    assert bed_suggest(site=lipa, person=register()) is None
    stay_exit(actor=registrar, stay=leaving, reason="onward")
    assert bed_suggest(site=lipa, person=register()) == beds["A3"]


def test_a_person_can_come_back_after_an_exit(registrar, lipa, register):
    person = register()
    stay = stay_admit(
        actor=registrar, person=person, site=lipa, at=timezone.now() - timedelta(days=2)
    )
    stay_exit(actor=registrar, stay=stay, reason="hospital", at=timezone.now() - timedelta(days=1))
    assert stay_admit(actor=registrar, person=person, site=lipa).is_open
