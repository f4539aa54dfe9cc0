import pytest

from waypoint.protection.services import screening_record
from waypoint.reception.queries import centre_dashboard
from waypoint.reception.services import stay_admit

pytestmark = pytest.mark.django_db


def test_the_centre_dashboard_counts_residents_needing_follow_up_and_nothing_more(
    admin, personas, at_lipa, site
):
    stay_admit(actor=admin, person=at_lipa, site=site("TRC-LIP"))
    screening_record(actor=admin, person=at_lipa, answers={"torture": "yes"})
    board = centre_dashboard(personas["manager.lipa"], site("TRC-LIP"))
    assert ("protection follow-up needed", 1) in board.vulnerable
    assert "torture" not in str(board)
