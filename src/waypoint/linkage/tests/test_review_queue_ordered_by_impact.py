"""The queue puts first the pairs whose decision changes the counts most, on the page and
in the API alike."""

import itertools

import pytest
from rest_framework.test import APIClient

from waypoint.audit.models import Action, AuditEvent
from waypoint.linkage import queries, services
from waypoint.linkage.models import PairStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue(admin, lipa_people, scored_pair):
    """A group of four registrations (a reviewer joined them) and four pairs waiting."""
    people = lipa_people(12)
    for one, other in itertools.pairwise(people[:4]):
        pair = scored_pair(one, other, 0.5, PairStatus.PENDING)
        services.pair_decide(actor=admin, pair=pair, decision=PairStatus.SAME)
    return {
        # near the cut-off, joins the group of four and one more: 5 registrations
        "near_large": scored_pair(people[3], people[4], 0.9, PairStatus.PENDING),
        # far from the cut-off, the same group: 5 registrations
        "far_large": scored_pair(people[0], people[5], 0.35, PairStatus.PENDING),
        # nearer still, but two registrations on their own
        "near_small": scored_pair(people[6], people[7], 0.93, PairStatus.PENDING),
        "far_small": scored_pair(people[8], people[9], 0.4, PairStatus.PENDING),
    }


def test_a_near_cut_off_pair_in_a_large_group_comes_first(admin, queue):
    ordered = list(queries.review_queue(admin))
    assert [pair.pk for pair in ordered] == [
        queue[name].pk for name in ("near_large", "far_large", "near_small", "far_small")
    ]
    first = ordered[0]
    assert first.affected == 5
    assert first.impact == pytest.approx((1 - abs(0.9 - 0.95)) * 5)


def test_a_pair_inside_one_group_affects_the_whole_group(admin, lipa_people, scored_pair):
    one, two, three = lipa_people(3)
    for left, right in ((one, two), (two, three)):
        services.pair_decide(
            actor=admin,
            pair=scored_pair(left, right, 0.6, PairStatus.PENDING),
            decision=PairStatus.SAME,
        )
    inside = scored_pair(one, three, 0.7, PairStatus.PENDING)
    assert queries.review_queue(admin).get(pk=inside.pk).affected == 3


def test_the_api_lists_the_queue_in_the_same_order_with_its_impact(admin, queue):
    client = APIClient()
    client.force_authenticate(admin)
    rows = client.get("/api/v1/identity-pairs/").json()["results"]
    assert [row["id"] for row in rows] == [pair.pk for pair in queries.review_queue(admin)]
    assert rows[0]["affected"] == 5 and rows[0]["impact"] == pytest.approx(0.95 * 5)


def test_the_page_explains_the_order_and_reading_it_is_audited(client, admin, queue):
    client.force_login(admin)
    page = client.get("/linkage/review/").content.decode()
    assert "close to 0.95, the line above which pairs are linked without review" in page
    assert page.index(queue["near_large"].right.registration_number) < page.index(
        queue["near_small"].left.registration_number
    )
    event = AuditEvent.objects.filter(
        action=Action.READ_LIST, purpose="identity review queue"
    ).get()
    assert event.object_ids == [str(pair.pk) for pair in queries.review_queue(admin)]
    assert event.changed_fields == ["filter:status", "page:1"] and event.person_id is None


def test_reading_the_queue_through_the_api_is_audited_with_the_pairs_shown(admin, queue):
    client = APIClient()
    client.force_authenticate(admin)
    rows = client.get("/api/v1/identity-pairs/", {"status": "pending"}).json()["results"]
    event = AuditEvent.objects.filter(action=Action.READ_LIST).get()
    assert event.object_type == "linkage.candidatepair" and event.actor == admin
    assert event.object_ids == [str(row["id"]) for row in rows]
    assert event.changed_fields == ["filter:status", "page:1"]
