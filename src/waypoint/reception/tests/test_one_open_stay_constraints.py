"""The database itself refuses a second open stay or a shared bed (the services' safety net)."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from waypoint.reception.models import Stay

pytestmark = pytest.mark.django_db


def _stay(person, site, bed=None, exited=False):
    now = timezone.now()
    return Stay.objects.create(
        person=person,
        site=site,
        bed=bed,
        admitted_at=now,
        last_seen_at=now,
        exited_at=now if exited else None,
        exit_reason="onward" if exited else "",
    )


def test_the_database_refuses_a_second_open_stay_of_one_person(lipa, borici, register):
    person = register()
    _stay(person, lipa)
    with pytest.raises(IntegrityError), transaction.atomic():
        _stay(person, borici)


def test_the_database_allows_any_number_of_closed_stays(lipa, register):
    person = register()
    for _ in range(3):
        _stay(person, lipa, exited=True)
    _stay(person, lipa)
    assert Stay.objects.filter(person=person).count() == 4


def test_the_database_refuses_two_open_stays_in_one_bed(lipa, beds, register):
    _stay(register(), lipa, beds["A1"])
    with pytest.raises(IntegrityError), transaction.atomic():
        _stay(register(), lipa, beds["A1"])


def test_a_bed_can_be_reused_after_an_exit(lipa, beds, register):
    _stay(register(), lipa, beds["A1"], exited=True)
    _stay(register(), lipa, beds["A1"])


def test_an_exit_needs_a_reason(lipa, register):
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        Stay.objects.create(
            person=register(),
            site=lipa,
            admitted_at=now,
            last_seen_at=now,
            exited_at=now,
            exit_reason="",
        )
