"""`waypoint identities` runs a deduplication from the command line."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from waypoint.linkage.models import LinkageRun, RunStatus
from waypoint.linkage.tasks import deduplicate_registry

pytestmark = pytest.mark.django_db


def test_it_runs_now_and_prints_the_unique_people(admin, twins):
    out = StringIO()
    call_command("identities", "--actor", admin.email, "--threshold", "0.9", stdout=out)
    assert "3 registrations are 2 unique people" in out.getvalue()
    # Their pair scores above the strict cut-off too, or between it and 0.9.
    assert re.search(
        r"2 unique people at cut-off 0\.90 \(2\u2013[23] at cut-offs 0\.30 and 0\.99\); ",
        out.getvalue(),
    )
    assert LinkageRun.objects.get().status == RunStatus.DONE


def test_queue_leaves_it_to_the_worker_which_never_runs_a_run_twice(admin, twins):
    out = StringIO()
    call_command("identities", "--actor", admin.email, "--queue", stdout=out)
    run = LinkageRun.objects.get()
    assert run.status == RunStatus.QUEUED and "queued" in out.getvalue()
    assert deduplicate_registry.call(run.pk) == RunStatus.DONE
    finished = LinkageRun.objects.get().finished_at
    assert deduplicate_registry.call(run.pk) == RunStatus.DONE
    assert LinkageRun.objects.get().finished_at == finished


def test_an_unknown_actor_or_a_bad_band_is_one_clear_error(admin, personas):
    with pytest.raises(CommandError, match="no active user"):
        call_command("identities", "--actor", "nobody@example.org")
    with pytest.raises(CommandError, match="review band"):
        call_command(
            "identities", "--actor", admin.email, "--review-floor", "0.99", "--threshold", "0.9"
        )
    with pytest.raises(CommandError, match="Only administrators"):
        call_command("identities", "--actor", personas["registrar.lipa"].email)
