"""The centre dashboard's unique-people figure comes from identity groups."""

import pytest

from waypoint.linkage import services
from waypoint.linkage.models import CandidatePair, PairStatus
from waypoint.reception.queries import centre_dashboard
from waypoint.reception.services import stay_admit, stay_exit

pytestmark = pytest.mark.django_db


def test_one_man_registered_twice_counts_once_after_review(admin, personas, twins, lipa):
    first, second, other = twins
    manager = personas["manager.lipa"]
    # He stayed under his first registration, left, and came back under the second.
    stay = stay_admit(actor=admin, person=first, site=lipa)
    stay_exit(actor=admin, stay=stay, reason="onward")
    stay_admit(actor=admin, person=second, site=lipa)
    stay_admit(actor=admin, person=other, site=lipa)
    assert centre_dashboard(manager, lipa).unique_people_30 == 3

    services.run_execute(
        run=services.run_request(
            actor=admin, threshold=0.9999999, review_floor=0.01, background=False
        )
    )
    pair = CandidatePair.objects.get(left=first, right=second)
    decision = services.pair_decide(actor=manager, pair=pair, decision=PairStatus.SAME)
    assert centre_dashboard(manager, lipa).unique_people_30 == 2
    assert centre_dashboard(manager, lipa).unique_people_now == 2

    services.decision_undo(actor=manager, decision=decision)
    assert centre_dashboard(manager, lipa).unique_people_30 == 3
