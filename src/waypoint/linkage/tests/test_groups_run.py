"""A deduplication run: the registry becomes identity groups, keeping reviewers' decisions."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from waypoint.audit.models import Action, AuditEvent
from waypoint.linkage import services
from waypoint.linkage.models import CandidatePair, IdentityLink, LinkageRun, PairStatus, RunStatus

pytestmark = pytest.mark.django_db


def _run(admin, threshold=0.9, review_floor=0.01):
    run = services.run_request(actor=admin, threshold=threshold, review_floor=review_floor)
    return services.run_execute(run=run)


def test_a_run_links_two_spellings_of_one_man_and_counts_unique_people(admin, twins):
    first, second, other = twins
    run = _run(admin)
    assert run.status == RunStatus.DONE and run.progress == 100
    assert run.records == 3
    assert run.groups == 2
    pair = CandidatePair.objects.get(left=first, right=second)
    assert pair.status == PairStatus.AUTO
    assert IdentityLink.objects.get(person=second).canonical_id == first.pk
    assert not IdentityLink.objects.filter(person=other).exists()
    assert run.model  # kept for scoring single new records
    assert AuditEvent.objects.filter(action=Action.MERGE, object_id=str(run.pk)).exists()


def test_pairs_below_the_threshold_wait_for_review_and_join_nobody(admin, twins):
    first, second, _other = twins
    _run(admin, threshold=0.9999999, review_floor=0.01)
    pair = CandidatePair.objects.get(left=first, right=second)
    assert pair.status == PairStatus.PENDING
    assert not IdentityLink.objects.exists()


def test_a_second_run_keeps_a_reviewers_decision(admin, twins):
    first, second, _other = twins
    _run(admin)
    pair = CandidatePair.objects.get(left=first, right=second)
    services.pair_decide(actor=admin, pair=pair, decision=PairStatus.DIFFERENT)
    assert not IdentityLink.objects.exists()
    _run(admin)
    pair.refresh_from_db()
    assert pair.status == PairStatus.DIFFERENT
    assert not IdentityLink.objects.exists()


def test_only_administrators_start_runs_and_one_at_a_time(admin, personas, twins):
    with pytest.raises(PermissionDenied):
        services.run_request(actor=personas["registrar.lipa"])
    services.run_request(actor=admin)
    with pytest.raises(ValidationError, match="already queued"):
        services.run_request(actor=admin)


# The worker closes connections between tasks, as it should in production: the test runs
# outside a wrapping transaction so PostgreSQL can reconnect.
@pytest.mark.django_db(transaction=True)
def test_a_run_is_queued_as_a_background_task_that_the_worker_executes(admin, twins):
    from django.core.management import call_command

    run = services.run_request(actor=admin, threshold=0.9, review_floor=0.01)
    assert LinkageRun.objects.get(pk=run.pk).status == RunStatus.QUEUED
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    run.refresh_from_db()
    assert run.status == RunStatus.DONE
    assert run.groups == 2


def test_members_of_one_household_are_never_linked_without_a_reviewer(admin, register):
    from waypoint.people.services import household_register

    # Twin brothers, registered together: their records differ only in a letter.
    head = register("TRC-LIP", "Nasir", "Rahimi", father_name="Abdul Karim", sex="M")
    one = register("TRC-LIP", "Hasan", "Rahimi", father_name="Nasir", mother_name="Maryam")
    two = register("TRC-LIP", "Hassan", "Rahimi", father_name="Nasir", mother_name="Maryam")
    household_register(actor=admin, head=head, members=[(one, "child"), (two, "child")])
    # The same boy registered again at another centre, before the family was.
    again = register("TRC-USI", "Hasan", "Rahimi", father_name="Nasir", mother_name="Maryam")

    run = _run(admin, threshold=0.5)

    brothers = CandidatePair.objects.get(left=one, right=two)
    assert brothers.probability >= 0.5
    assert brothers.status == PairStatus.PENDING  # alike enough, but only a reviewer decides
    assert run.linked < run.pairs

    def group(person):  # type: ignore[no-untyped-def]
        link = IdentityLink.objects.filter(person=person).first()
        return link.canonical_id if link else person.pk

    # The registration elsewhere joins one brother, and so cannot join the other.
    assert group(one) != group(two)
    assert [group(again) == group(one), group(again) == group(two)].count(True) == 1

    services.pair_decide(actor=admin, pair=brothers, decision=PairStatus.SAME)
    assert group(one) == group(two) == group(again)
