from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from waypoint.reception.models import RollCallEntry
from waypoint.reception.services import stay_admit
from waypoint.reception.services.rollcalls import rollcall_record

pytestmark = pytest.mark.django_db


def _two_residents(registrar, lipa, register):
    long_ago = timezone.now() - timedelta(days=3)
    return [
        stay_admit(actor=registrar, person=register(), site=lipa, at=long_ago) for _ in range(2)
    ]


def test_a_roll_call_marks_the_present_as_seen_and_not_the_absent(registrar, lipa, register):
    here, away = _two_residents(registrar, lipa, register)
    taken = rollcall_record(
        actor=registrar, site=lipa, day=timezone.localdate(), present_stay_ids=[here.pk]
    )
    here.refresh_from_db()
    away.refresh_from_db()
    here.person.refresh_from_db()
    assert here.last_seen_at == taken.taken_at
    assert here.person.last_seen_on == timezone.localdate()
    assert away.last_seen_at < timezone.now() - timedelta(days=2)
    entries = dict(RollCallEntry.objects.filter(roll_call=taken).values_list("stay_id", "present"))
    assert entries == {here.pk: True, away.pk: False}


def test_a_roll_call_for_tomorrow_is_refused(registrar, lipa, register):
    here, _away = _two_residents(registrar, lipa, register)
    with pytest.raises(ValidationError, match="future"):
        rollcall_record(
            actor=registrar,
            site=lipa,
            day=timezone.localdate() + timedelta(days=1),
            present_stay_ids=[here.pk],
        )


def test_a_roll_call_with_someone_who_left_is_refused_whole(registrar, admin, lipa, register):
    here, away = _two_residents(registrar, lipa, register)
    from waypoint.reception.services import stay_exit

    stay_exit(actor=admin, stay=away, reason="onward")
    with pytest.raises(ValidationError, match="reload"):
        rollcall_record(
            actor=registrar,
            site=lipa,
            day=timezone.localdate(),
            present_stay_ids=[here.pk, away.pk],
        )
    here.refresh_from_db()
    assert here.last_seen_at < timezone.now() - timedelta(days=2)


def test_the_roll_call_page_saves_the_ticks(client, registrar, lipa, register):
    here, _away = _two_residents(registrar, lipa, register)
    client.force_login(registrar)
    url = reverse("reception:rollcall", args=["TRC-LIP"])
    page = client.get(url).content.decode()
    assert here.person.registration_number in page
    response = client.post(url, {"day": timezone.localdate().isoformat(), "present": [here.pk]})
    assert response.status_code == 302
    here.refresh_from_db()
    assert here.last_seen_at > timezone.now() - timedelta(minutes=1)


def test_a_present_resident_is_no_longer_overdue(registrar, lipa, register):
    from waypoint.reception.queries import absences_overdue

    here, away = _two_residents(registrar, lipa, register)
    rollcall_record(
        actor=registrar, site=lipa, day=timezone.localdate(), present_stay_ids=[here.pk]
    )
    assert list(absences_overdue(site=lipa, now=timezone.now())) == [away]
