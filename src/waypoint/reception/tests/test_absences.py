from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from waypoint.reception.models import ExitReason
from waypoint.reception.queries import absences_overdue
from waypoint.reception.services import absence_confirm_exit, stay_admit

pytestmark = pytest.mark.django_db


def _resident_seen(registrar, lipa, register, hours_ago, bed=None):
    return stay_admit(
        actor=registrar,
        person=register(),
        site=lipa,
        bed=bed,
        at=timezone.now() - timedelta(hours=hours_ago),
    )


def test_a_resident_unseen_for_more_than_48_hours_is_proposed(registrar, lipa, register):
    gone = _resident_seen(registrar, lipa, register, 49)
    _resident_seen(registrar, lipa, register, 47)
    assert list(absences_overdue(site=lipa, now=timezone.now())) == [gone]


def test_the_manager_confirms_the_exit_as_left_without_notice(
    personas, registrar, lipa, beds, register
):
    gone = _resident_seen(registrar, lipa, register, 50, bed=beds["A1"])
    absence_confirm_exit(actor=personas["manager.lipa"], stay=gone)
    gone.refresh_from_db()
    assert gone.exit_reason == ExitReason.LEFT_WITHOUT_NOTICE
    assert gone.exited_at == gone.last_seen_at
    assert not absences_overdue(site=lipa, now=timezone.now()).exists()


def test_the_bed_is_kept_for_48_hours(personas, registrar, lipa, register):
    recent = _resident_seen(registrar, lipa, register, 47)
    with pytest.raises(ValidationError, match="48 hours"):
        absence_confirm_exit(actor=personas["manager.lipa"], stay=recent)
    recent.refresh_from_db()
    assert recent.is_open


def test_a_registration_officer_cannot_confirm_an_exit(registrar, lipa, register):
    gone = _resident_seen(registrar, lipa, register, 60)
    with pytest.raises(PermissionDenied):
        absence_confirm_exit(actor=registrar, stay=gone)


def test_the_absences_page_offers_the_manager_to_confirm(
    client, personas, registrar, lipa, register
):
    gone = _resident_seen(registrar, lipa, register, 72)
    client.force_login(personas["manager.lipa"])
    page = client.get(reverse("reception:absences", args=["TRC-LIP"]))
    assert gone.person.registration_number in page.content.decode()
    assert reverse("reception:absence_confirm", args=[gone.pk]) in page.content.decode()
    response = client.post(reverse("reception:absence_confirm", args=[gone.pk]))
    assert response.status_code == 302
    gone.refresh_from_db()
    assert gone.exit_reason == ExitReason.LEFT_WITHOUT_NOTICE


def test_the_absences_page_shows_no_confirm_button_to_an_officer(client, registrar, lipa, register):
    gone = _resident_seen(registrar, lipa, register, 72)
    client.force_login(registrar)
    page = client.get(reverse("reception:absences", args=["TRC-LIP"])).content.decode()
    assert gone.person.registration_number in page
    assert reverse("reception:absence_confirm", args=[gone.pk]) not in page
    assert client.post(reverse("reception:absence_confirm", args=[gone.pk])).status_code == 403
