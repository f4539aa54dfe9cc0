"""Each identity group keeps the probability of the weakest link that holds it together."""

import pytest

from waypoint.linkage import services
from waypoint.linkage.grouping import Grouper
from waypoint.linkage.models import CandidatePair, IdentityGroup, PairStatus


def test_the_weakest_link_is_the_lowest_edge_the_group_needs_not_the_lowest_edge_in_it():
    grouper: Grouper[str] = Grouper()
    # a-b 0.99 and b-c 0.97 hold a, b, c together; a-c 0.4 is in the group but not needed.
    grouper.add([("a", "b", 0.99), ("b", "c", 0.97), ("a", "c", 0.4), ("x", "y", 0.96)])
    assert grouper.weakest_links() == {"a": (3, 0.97), "x": (2, 0.96)}
    assert grouper.count_groups(["a", "b", "c", "x", "z"]) == 3


def test_a_pair_kept_apart_is_never_the_link_of_a_group():
    grouper: Grouper[str] = Grouper(apart=[("a", "c")])
    grouper.add([("a", "b", 0.99), ("b", "c", 0.97)])
    assert grouper.weakest_links() == {"a": (2, 0.99)}
    assert grouper.joins == 1


@pytest.mark.django_db
def test_a_run_stores_each_group_with_its_weakest_automatic_link(admin, twins):
    first, second, _other = twins
    services.run_execute(
        run=services.run_request(actor=admin, threshold=0.9, review_floor=0.01, background=False)
    )
    pair = CandidatePair.objects.get(left=first, right=second)
    group = IdentityGroup.objects.get()
    assert group.canonical_id == first.pk and group.size == 2
    assert group.weakest_link == pytest.approx(pair.probability)


@pytest.mark.django_db
def test_a_reviewers_same_is_a_link_of_probability_one_and_undo_removes_the_group(
    admin, personas, twins, client
):
    first, second, _other = twins
    services.run_execute(
        run=services.run_request(
            actor=admin, threshold=0.9999999, review_floor=0.01, background=False
        )
    )
    assert not IdentityGroup.objects.exists()
    pair = CandidatePair.objects.get(left=first, right=second)
    decision = services.pair_decide(actor=admin, pair=pair, decision=PairStatus.SAME)
    assert IdentityGroup.objects.get().weakest_link == 1.0

    client.force_login(personas["manager.lipa"])
    page = client.get(f"/people/{first.pk}/").content.decode()
    assert "2 registrations in this group" in page
    assert "weakest link has probability 1.000" in page

    services.decision_undo(actor=admin, decision=decision)
    assert not IdentityGroup.objects.exists()


@pytest.mark.django_db
def test_a_group_joined_through_a_weaker_automatic_link_keeps_that_one(
    admin, lipa_people, scored_pair
):
    one, two, three = lipa_people(3)
    scored_pair(one, two, 0.999, PairStatus.AUTO)
    scored_pair(two, three, 0.96, PairStatus.AUTO)
    pending = scored_pair(one, three, 0.5, PairStatus.PENDING)
    services.pair_decide(actor=admin, pair=pending, decision=PairStatus.UNSURE)
    group = IdentityGroup.objects.get()
    assert (group.canonical_id, group.size, group.weakest_link) == (one.pk, 3, 0.96)


@pytest.mark.django_db
def test_the_pair_page_names_each_sides_group_and_its_weakest_link(
    admin, client, lipa_people, scored_pair
):
    one, two, three = lipa_people(3)
    services.pair_decide(
        actor=admin,
        pair=scored_pair(one, two, 0.6, PairStatus.PENDING),
        decision=PairStatus.SAME,
    )
    waiting = scored_pair(two, three, 0.7, PairStatus.PENDING)
    client.force_login(admin)
    page = client.get(f"/linkage/review/{waiting.pk}/").content.decode()
    assert "The first is in a group of 2 registrations (weakest link 1.000)." in page
    assert "The second is in no group." in page
