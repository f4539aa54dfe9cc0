"""The demo's identity groups: one deduplication of the synthetic registry, like a real run."""

from __future__ import annotations

from typing import Any

from waypoint.linkage.models import LinkageRun
from waypoint.linkage.services import run_execute, run_request


def identities_build(*, actor: Any) -> LinkageRun:
    """Deduplicate the registry now (in this process) with the default threshold and band."""
    LinkageRun.objects.filter(status__in=("queued", "running")).update(
        status="failed", error="superseded by the demo"
    )
    return run_execute(run=run_request(actor=actor, background=False))


def identities_remove() -> int:
    """Forget the runs (pairs and links go with the synthetic people they point at)."""
    count, _by_model = LinkageRun.objects.all().delete()
    return count
