"""Background tasks (django-tasks): `waypoint db_worker` runs them."""

from __future__ import annotations

from django_tasks import task

from waypoint.linkage.models import LinkageRun
from waypoint.linkage.services import run_execute


@task()
def deduplicate_registry(run_id: int) -> str:
    """Run a queued deduplication; its progress and outcome are on the run row."""
    run = run_execute(run=LinkageRun.objects.get(pk=run_id))
    return str(run.status)
