"""Unique people come with a range: at a strict and a loose cut-off around the chosen one."""

import pytest
from django.core.exceptions import PermissionDenied

from waypoint.linkage import queries, services
from waypoint.linkage.models import PairStatus
from waypoint.people.models import Person

pytestmark = pytest.mark.django_db


def test_strict_chosen_and_loose_cut_offs_count_different_links(admin, lipa_people, scored_pair):
    people = lipa_people(8)
    scored_pair(people[0], people[1], 0.995, PairStatus.AUTO)  # holds at every cut-off
    scored_pair(people[2], people[3], 0.97, PairStatus.AUTO)  # not at the strict 0.99
    scored_pair(people[4], people[5], 0.6, PairStatus.PENDING)  # only at the loose 0.3
    scored_pair(people[6], people[7], 0.2, PairStatus.PENDING)  # below every cut-off
    count = queries.unique_people_range(admin)
    assert (count.registrations, count.low, count.figure, count.high) == (8, 5, 6, 7)
    assert (count.loose_cutoff, count.cutoff, count.strict_cutoff) == (0.3, 0.95, 0.99)
    assert count.whole_registry


def test_reviewers_decisions_hold_at_every_cut_off(admin, lipa_people, scored_pair):
    one, two, three, four = lipa_people(4)
    scored_pair(one, two, 0.4, PairStatus.SAME)
    scored_pair(three, four, 0.98, PairStatus.DIFFERENT)
    count = queries.unique_people_range(admin)
    assert (count.low, count.figure, count.high) == (3, 3, 3)


def test_a_decision_changes_the_range(admin, personas, pending):
    manager = personas["manager.lipa"]
    before = queries.unique_people_range(manager)
    # Waiting for review: linked only at the loose cut-off.
    assert (before.low, before.figure, before.high) == (2, 3, 3)

    different = services.pair_decide(actor=manager, pair=pending, decision=PairStatus.DIFFERENT)
    assert (lambda c: (c.low, c.figure, c.high))(queries.unique_people_range(manager)) == (3, 3, 3)

    services.decision_undo(actor=manager, decision=different)
    services.pair_decide(actor=manager, pair=pending, decision=PairStatus.SAME)
    after = queries.unique_people_range(manager)
    assert (after.low, after.figure, after.high) == (2, 2, 2)
    assert after.figure == queries.unique_people_in(Person.objects.all())


def test_the_chosen_figure_is_the_count_of_the_groups_a_run_made(admin, twins):
    run = services.run_execute(
        run=services.run_request(actor=admin, threshold=0.9, review_floor=0.01, background=False)
    )
    count = queries.unique_people_range(admin)
    assert count.figure == run.groups == queries.unique_people_in(Person.objects.all()) == 2
    assert (count.cutoff, count.loose_cutoff) == (0.9, 0.01)
    assert (run.groups_low, run.groups_high) == (count.low, count.high)
    assert run.strict_cutoff == 0.99


def test_a_centre_counts_its_own_registrations_and_persons_narrows_it(
    personas, register, lipa_people, scored_pair
):
    at_usivak = register("TRC-USI", "Karim", "Zazai")
    one, _two = lipa_people(2)
    scored_pair(one, at_usivak, 0.6, PairStatus.PENDING)
    registrar = personas["registrar.lipa"]
    count = queries.unique_people_range(registrar)
    assert (count.registrations, count.low, count.figure) == (2, 2, 2)
    assert not count.whole_registry
    national = queries.unique_people_range(
        personas["analyst"], persons=Person.objects.filter(pk__in=[one.pk, at_usivak.pk])
    )
    assert (national.registrations, national.low, national.figure, national.high) == (2, 1, 2, 2)


def test_analysts_count_and_roles_without_aggregate_work_are_refused(personas, twins):
    assert queries.unique_people_range(personas["analyst"]).registrations == 3
    for name in ("caseworker.lipa", "partner", "enumerator"):
        with pytest.raises(PermissionDenied):
            queries.unique_people_range(personas[name])


def test_a_household_pair_waiting_for_review_links_only_at_the_loose_cut_off(
    admin, lipa_people, scored_pair
):
    from waypoint.people.services import household_register

    head, brother, sister, outsider = lipa_people(4)
    household_register(actor=admin, head=head, members=[(brother, "child"), (sister, "child")])
    # Entered twice? Only a reviewer can say: it waits, however high it scores.
    scored_pair(head, brother, 0.97, PairStatus.PENDING)
    # Someone else alike to both children: never makes the brother and sister one person.
    scored_pair(brother, outsider, 0.99, PairStatus.AUTO)
    scored_pair(sister, outsider, 0.98, PairStatus.AUTO)
    count = queries.unique_people_range(admin)
    assert (count.low, count.figure, count.high) == (2, 3, 3)
