import itertools
from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from waypoint.reception.models import Stay
from waypoint.reception.queries import occupancy_by_day, occupancy_on
from waypoint.reception.services import stay_admit, stay_exit

pytestmark = pytest.mark.django_db


def _counted_by_hand(site, day):
    end = timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))
    return sum(
        1
        for stay in Stay.objects.filter(site=site)
        if stay.admitted_at < end and (stay.exited_at is None or stay.exited_at >= end)
    )


@pytest.fixture
def history(registrar, lipa, register):
    now = timezone.now()
    for admitted, exited in ((12, 8), (10, None), (9, 1), (6, 5), (3, None), (2, 0), (0, None)):
        stay = stay_admit(
            actor=registrar,
            person=register(),
            site=lipa,
            at=now - timedelta(days=admitted, minutes=30),
        )
        if exited is not None:
            stay_exit(
                actor=registrar,
                stay=stay,
                reason="onward",
                at=now - timedelta(days=exited, minutes=10),
            )


def test_occupancy_by_day_matches_a_count_by_hand(registrar, lipa, history):
    today = timezone.localdate()
    rows = occupancy_by_day(registrar, lipa, today - timedelta(days=14), today)
    assert len(rows) == 15
    for row in rows:
        assert row.residents == _counted_by_hand(lipa, row.day), row.day


def test_arrivals_and_exits_add_up_day_by_day(registrar, lipa, history):
    today = timezone.localdate()
    rows = occupancy_by_day(registrar, lipa, today - timedelta(days=14), today)
    for before, after in itertools.pairwise(rows):
        assert after.residents == before.residents + after.arrivals - after.exits


def test_occupancy_on_today_is_the_residents_now(registrar, lipa, history):
    now = Stay.objects.filter(site=lipa, exited_at__isnull=True).count()
    assert occupancy_on(registrar, lipa, timezone.localdate()) == now


def test_a_future_day_has_no_row(registrar, lipa, history):
    assert occupancy_on(registrar, lipa, timezone.localdate() + timedelta(days=3)) == 0


def test_the_occupancy_page_shows_a_table(client, registrar, history):
    client.force_login(registrar)
    response = client.get(reverse("reception:occupancy", args=["TRC-LIP"]))
    assert response.status_code == 200
    assert "Residents at the end of the day" in response.content.decode()
