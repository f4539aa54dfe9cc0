"""The centre dashboard on a small population whose every figure is known."""

from datetime import date, timedelta

import pytest
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from waypoint.people.services import household_register
from waypoint.reception import queries
from waypoint.reception.services import rollcall_record, stay_admit, stay_exit

pytestmark = pytest.mark.django_db


def _years_ago(years: int) -> date:
    today = timezone.localdate()
    return today.replace(year=today.year - years, day=1)


@pytest.fixture
def population(admin, registrar, lipa, borici, beds, register):
    now = timezone.now()
    ago = lambda **delta: now - timedelta(**delta)  # noqa: E731
    man = register(sex="M", birth_date=_years_ago(30), nationality="AFG")
    mother = register(sex="F", birth_date=_years_ago(35), nationality="PAK")
    toddler = register(sex="F", birth_date=_years_ago(3), nationality="PAK")
    boy = register(sex="M", birth_date=_years_ago(15), nationality="AFG")
    elder = register(sex="M", birth_date=_years_ago(62), nationality="IRN")
    unknown = register(sex="U", birth_date=None, nationality="")
    household_register(actor=admin, head=mother, members=[(toddler, "child")])
    household_register(actor=admin, head=boy)
    boy.refresh_from_db()
    stays = {
        "man": stay_admit(actor=registrar, person=man, site=lipa, bed=beds["A1"], at=ago(days=2)),
        "mother": stay_admit(
            actor=registrar, person=mother, site=lipa, bed=beds["F1"], at=ago(days=10)
        ),
        "toddler": stay_admit(
            actor=registrar, person=toddler, site=lipa, bed=beds["F2"], at=ago(days=10)
        ),
        "boy": stay_admit(actor=registrar, person=boy, site=lipa, bed=beds["U1"], at=ago(days=40)),
        "elder": stay_admit(actor=registrar, person=elder, site=lipa, at=ago(days=3)),
        "unknown": stay_admit(actor=registrar, person=unknown, site=lipa, at=ago(hours=1)),
    }
    for admitted, exited, reason in ((20, 5, "onward"), (60, 20, "avrr"), (100, 50, "hospital")):
        gone = stay_admit(actor=registrar, person=register(), site=lipa, at=ago(days=admitted))
        stay_exit(actor=registrar, stay=gone, reason=reason, at=ago(days=exited))
    stay_admit(actor=admin, person=register("TRC-BOR"), site=borici, at=ago(days=1))
    present = [stays[key].pk for key in ("man", "mother", "toddler", "elder", "unknown")]
    rollcall_record(actor=registrar, site=lipa, day=timezone.localdate(), present_stay_ids=present)
    return stays


def test_the_dashboard_counts_residents_by_sex_age_and_nationality(registrar, lipa, population):
    board = queries.centre_dashboard(registrar, lipa)
    assert board.residents == 6
    assert dict(board.by_sex) == {"Female": 2, "Male": 3, "Unknown": 1}
    assert dict(board.by_age) == {"0-4": 1, "5-11": 0, "12-17": 1, "18-59": 2, "60+": 1, "?": 1}
    assert dict(board.by_nationality) == {"AFG": 2, "PAK": 2, "IRN": 1, "?": 1}


def test_the_dashboard_compares_beds_with_capacity(registrar, lipa, population):
    board = queries.centre_dashboard(registrar, lipa)
    assert (board.beds, board.beds_occupied, board.beds_free) == (8, 4, 4)
    assert board.without_bed == 2
    assert board.capacity == 1500
    assert board.occupancy_percent == 0


def test_the_dashboard_counts_arrivals_and_exits_over_7_and_30_days(registrar, lipa, population):
    board = queries.centre_dashboard(registrar, lipa)
    assert (board.arrivals_7, board.arrivals_30) == (3, 6)
    assert (board.exits_7, board.exits_30) == (1, 2)
    assert sorted(count for _reason, count in board.exits_by_reason_30) == [1, 1]


def test_the_dashboard_counts_vulnerable_and_absent_residents(registrar, lipa, population):
    board = queries.centre_dashboard(registrar, lipa)
    assert board.unaccompanied_children == 1
    assert ("unaccompanied children", 1) in board.vulnerable
    assert board.absent_over_48h == 1


def test_the_dashboard_counts_unique_people(registrar, lipa, population):
    board = queries.centre_dashboard(registrar, lipa)
    assert board.unique_people_now == 6
    assert board.unique_people_30 == 8


def test_another_app_can_add_a_vulnerability_count(registrar, lipa, population):
    def pregnant(site, people):
        return [("pregnant", people.filter(sex="F").count())]

    queries.register_vulnerability_counter(pregnant)
    try:
        board = queries.centre_dashboard(registrar, lipa)
    finally:
        queries._vulnerability_counters.remove(pregnant)
    assert ("pregnant", 2) in board.vulnerable


def test_the_dashboard_is_a_few_queries(registrar, lipa, population, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        queries.centre_dashboard(registrar, lipa)


def test_the_dashboard_of_a_centre_out_of_scope_is_not_found(registrar, borici, population):
    with pytest.raises(Http404):
        queries.centre_dashboard(registrar, borici)


def test_the_centre_page_shows_the_figures(client, registrar, population):
    client.force_login(registrar)
    page = client.get(reverse("reception:centre", args=["TRC-LIP"]))
    assert page.status_code == 200
    assert "absent over 48 hours" in page.content.decode()
