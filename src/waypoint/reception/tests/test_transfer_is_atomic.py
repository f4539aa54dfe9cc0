from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from waypoint.audit.models import AuditEvent
from waypoint.reception.models import ExitReason, Stay
from waypoint.reception.services import stay_admit, stay_transfer

pytestmark = pytest.mark.django_db


def test_a_transfer_closes_one_stay_and_opens_the_next(admin, registrar, lipa, borici, register):
    person = register(sex="F")
    first = stay_admit(
        actor=registrar, person=person, site=lipa, at=timezone.now() - timedelta(days=5)
    )
    following = stay_transfer(actor=registrar, stay=first, to_site=borici)
    first.refresh_from_db()
    person.refresh_from_db()
    assert first.exit_reason == ExitReason.TRANSFER
    assert first.exited_at == following.admitted_at
    assert following.is_open and following.site == borici
    assert following.transferred_from == first
    assert person.last_seen_at == borici


def test_a_failed_transfer_leaves_the_first_stay_open(
    admin, registrar, lipa, borici, beds, register
):
    stay_admit(actor=admin, person=register(sex="F"), site=borici, bed=beds["B1"])
    person = register(sex="F")
    first = stay_admit(actor=registrar, person=person, site=lipa)
    events_before = AuditEvent.objects.count()
    with pytest.raises(ValidationError, match="taken"):
        stay_transfer(actor=registrar, stay=first, to_site=borici, bed=beds["B1"])
    first.refresh_from_db()
    person.refresh_from_db()
    assert first.is_open and first.exit_reason == ""
    assert Stay.objects.filter(person=person).count() == 1
    assert person.last_seen_at == lipa
    assert AuditEvent.objects.count() == events_before


def test_the_callers_stay_object_is_left_untouched_by_a_failed_transfer(
    admin, registrar, lipa, borici, beds, register
):
    stay_admit(actor=admin, person=register(sex="F"), site=borici, bed=beds["B1"])
    first = stay_admit(actor=registrar, person=register(sex="F"), site=lipa)
    with pytest.raises(ValidationError):
        stay_transfer(actor=registrar, stay=first, to_site=borici, bed=beds["B1"])
    assert first.exited_at is None


def test_a_transfer_to_the_same_centre_is_refused(registrar, lipa, register):
    first = stay_admit(actor=registrar, person=register(), site=lipa)
    with pytest.raises(ValidationError, match="already here"):
        stay_transfer(actor=registrar, stay=first, to_site=lipa)


def test_a_closed_stay_cannot_be_transferred(registrar, lipa, borici, register):
    first = stay_admit(actor=registrar, person=register(), site=lipa)
    stay_transfer(actor=registrar, stay=first, to_site=borici)
    with pytest.raises(ValidationError, match="already ended"):
        stay_transfer(actor=registrar, stay=first, to_site=borici)


def test_only_the_sending_centre_may_transfer(admin, registrar, borici, lipa, register):
    at_borici = stay_admit(actor=admin, person=register(), site=borici)
    with pytest.raises(PermissionDenied):
        stay_transfer(actor=registrar, stay=at_borici, to_site=lipa)
