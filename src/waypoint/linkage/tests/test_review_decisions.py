"""Reviewers decide pairs; merges and splits follow, are audited and can be undone."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from waypoint.audit.models import Action, AuditEvent
from waypoint.linkage import queries, services
from waypoint.linkage.models import CandidatePair, IdentityLink, PairStatus
from waypoint.people.models import Person

pytestmark = pytest.mark.django_db


def _unique(*people):
    return queries.unique_people_in(Person.objects.filter(pk__in=[p.pk for p in people]))


def test_deciding_same_merges_the_two_registrations_and_audits_both(personas, pending, twins):
    manager = personas["manager.lipa"]
    first, second, other = twins
    assert _unique(first, second, other) == 3
    services.pair_decide(actor=manager, pair=pending, decision=PairStatus.SAME, note="same photo")
    assert _unique(first, second, other) == 2
    assert IdentityLink.objects.get(person=second).canonical_id == first.pk
    merges = AuditEvent.objects.filter(
        action=Action.MERGE, object_type="linkage.candidatepair", object_id=str(pending.pk)
    )
    assert sorted(merges.values_list("person_id", flat=True)) == sorted([first.pk, second.pk])


def test_undoing_a_merge_splits_the_group_again(personas, pending, twins):
    manager = personas["manager.lipa"]
    first, second, other = twins
    decision = services.pair_decide(actor=manager, pair=pending, decision=PairStatus.SAME)
    undo = services.decision_undo(actor=manager, decision=decision)
    assert undo.after == PairStatus.PENDING and undo.undoes == decision
    assert _unique(first, second, other) == 3
    assert (
        AuditEvent.objects.filter(
            action=Action.SPLIT, object_type="linkage.candidatepair", object_id=str(pending.pk)
        ).count()
        == 2
    )
    with pytest.raises(ValidationError, match="already been undone"):
        services.decision_undo(actor=manager, decision=decision)


def test_an_old_decision_cannot_be_undone_over_a_newer_one(personas, pending):
    manager = personas["manager.lipa"]
    same = services.pair_decide(actor=manager, pair=pending, decision=PairStatus.SAME)
    services.pair_decide(actor=manager, pair=pending, decision=PairStatus.UNSURE)
    with pytest.raises(ValidationError, match="decided again"):
        services.decision_undo(actor=manager, decision=same)


def test_the_same_decision_twice_is_refused(personas, pending):
    manager = personas["manager.lipa"]
    services.pair_decide(actor=manager, pair=pending, decision=PairStatus.DIFFERENT)
    with pytest.raises(ValidationError, match="already has"):
        services.pair_decide(actor=manager, pair=pending, decision=PairStatus.DIFFERENT)


def test_roles_that_do_not_review_are_refused(personas, pending):
    with pytest.raises(PermissionDenied):
        services.pair_decide(
            actor=personas["caseworker.lipa"], pair=pending, decision=PairStatus.SAME
        )
    assert queries.review_queue(personas["caseworker.lipa"]).count() == 0


def test_a_reviewer_sees_only_pairs_whose_both_records_are_in_scope(personas, register, admin):
    at_lipa = register("TRC-LIP", "Hamid", "Ahmadi")
    at_usivak = register("TRC-USI", "Hameed", "Ahmady")
    services.run_execute(
        run=services.run_request(
            actor=admin, threshold=0.9999999, review_floor=0.01, background=False
        )
    )
    pair = CandidatePair.objects.get(left=at_lipa, right=at_usivak)
    assert queries.review_queue(personas["admin"]).filter(pk=pair.pk).exists()
    assert not queries.review_queue(personas["registrar.lipa"]).filter(pk=pair.pk).exists()
    with pytest.raises(Http404):
        queries.pair_for(personas["registrar.lipa"], pair.pk)


def test_opening_a_pair_is_audited_as_a_view_of_both_records(personas, pending, twins):
    first, second, _other = twins
    view = queries.pair_review(personas["manager.lipa"], pending.pk)
    assert {view.left.pk, view.right.pk} == {first.pk, second.pk}
    assert any(part.field == "given_name" for part in view.contributions)
    views = AuditEvent.objects.filter(
        action=Action.VIEW, object_type="linkage.candidatepair", object_id=str(pending.pk)
    )
    assert sorted(views.values_list("person_id", flat=True)) == sorted([first.pk, second.pk])
