"""`waypoint identities`: deduplicate the registry into identity groups from the command line."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import CommandError, CommandParser

from waypoint.accounts.models import User
from waypoint.core.commands import WaypointCommand
from waypoint.linkage.models import RunStatus
from waypoint.linkage.services import (
    AUTO_LINK_THRESHOLD,
    REVIEW_FLOOR,
    run_execute,
    run_request,
)


class Command(WaypointCommand):
    help = (
        "Deduplicate the whole registry into identity groups (reviewers' decisions are kept). "
        "Runs here and now, or with --queue as a task for `waypoint db_worker`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--actor", required=True, help="email of the administrator running it")
        parser.add_argument("--threshold", type=float, default=AUTO_LINK_THRESHOLD)
        parser.add_argument("--review-floor", type=float, default=REVIEW_FLOOR)
        parser.add_argument("--queue", action="store_true", help="leave it to the task worker")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            actor = User.objects.get(email__iexact=options["actor"], is_active=True)
        except User.DoesNotExist:
            raise CommandError(f"no active user {options['actor']!r}", returncode=2) from None
        try:
            run = run_request(
                actor=actor,
                threshold=options["threshold"],
                review_floor=options["review_floor"],
                background=options["queue"],
            )
        except (PermissionDenied, ValidationError) as error:
            message = " ".join(getattr(error, "messages", [str(error)]))
            raise CommandError(message, returncode=2) from error
        if options["queue"]:
            self.stdout.write(f"run {run.pk} queued; `waypoint db_worker` will run it")
            return
        run = run_execute(run=run)
        if run.status != RunStatus.DONE:
            raise CommandError(f"run {run.pk} failed at {run.error}")
        # The range follows the count in the same line: "... are 2001 unique people at
        # cut-off 0.95 (1995-2010 at cut-offs 0.30 and 0.99); ..." (loose, then strict).
        self.stdout.write(
            f"run {run.pk}: {run.records} registrations are {run.groups} unique people "
            f"at cut-off {run.threshold:.2f} ({run.groups_low}\u2013{run.groups_high} at "
            f"cut-offs {run.loose_cutoff:.2f} and {run.strict_cutoff:.2f}); "
            f"{run.linked} pairs linked automatically, {run.queued} waiting for review"
        )
