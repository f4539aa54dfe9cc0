"""Inside a centre, one individual with two registrations (linked by review) counts once."""

from datetime import date, datetime

from django.utils import timezone

from waypoint.linkage.models import CandidatePair
from waypoint.linkage.services import pair_decide, run_execute, run_request
from waypoint.people.services import person_register
from waypoint.presence import queries
from waypoint.reception.services import stay_admit


def _inside_lipa() -> int:
    rows = queries.trc_presence_on(date(2026, 10, 31))
    return sum(row.count for row in rows if row.site_code == "TRC-LIP")


def test_a_man_registered_twice_and_staying_twice_counts_once(personas, site, places):
    admin = personas["admin"]
    lipa = site("TRC-LIP")
    admitted = timezone.make_aware(datetime(2026, 10, 1, 10, 0))
    details = {"sex": "M", "birth_date": date(1994, 1, 1), "nationality": "AFG"}
    first = person_register(
        actor=admin, site=lipa, given_name="Mohammed", family_name="Rahimi", **details
    )
    second = person_register(
        actor=admin, site=lipa, given_name="Muhammad", family_name="Rahimy", **details
    )
    for person in (first, second):
        stay_admit(actor=admin, person=person, site=lipa, at=admitted)
    assert _inside_lipa() == 2
    run_execute(
        run=run_request(actor=admin, threshold=0.9999999, review_floor=0.01, background=False)
    )
    pair = CandidatePair.objects.get(left=first, right=second)
    pair_decide(actor=admin, pair=pair, decision="same")
    assert _inside_lipa() == 1
