"""Background tasks (django-tasks): `waypoint db_worker` runs them."""

from __future__ import annotations

from django_tasks import task

from waypoint.linkage.models import LinkageRun, RunStatus
from waypoint.linkage.services import run_execute


@task()
def deduplicate_registry(run_id: int) -> str:
    """Run a queued deduplication; its progress and outcome are on the run row."""
    run = LinkageRun.objects.get(pk=run_id)
    if run.status != RunStatus.QUEUED:  # already run, or given up: never twice
        return str(run.status)
    return str(run_execute(run=run).status)
