"""`waypoint retention run [--dry-run] [--today YYYY-MM-DD] [--actor EMAIL]`: apply the
retention schedules (``privacy.retention``) and print, per schedule, what was (or would be)
erased, anonymised or deleted, in counts."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import CommandError, CommandParser

from waypoint.accounts.models import User
from waypoint.core.commands import WaypointCommand
from waypoint.privacy.retention import retention_run


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--today: not a date YYYY-MM-DD: {text!r}", returncode=2) from None


class Command(WaypointCommand):
    help = "Apply the retention schedules: erase or delete what is no longer needed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["run"])
        parser.add_argument("--dry-run", action="store_true", help="count, change nothing")
        parser.add_argument("--today", help="decide as of this day (YYYY-MM-DD)")
        parser.add_argument("--actor", help="email of the administrator running it (optional)")

    def handle(self, *args: Any, **options: Any) -> None:
        today = _day(options["today"]) if options["today"] else None
        actor = None
        if options["actor"]:
            actor = User.objects.filter(email__iexact=options["actor"], is_active=True).first()
            if actor is None:
                raise CommandError(f"no active user {options['actor']!r}", returncode=2)
        outcomes = retention_run(actor=actor, today=today, dry_run=options["dry_run"])
        verb = "would go" if options["dry_run"] else "done"
        for outcome in outcomes:
            rows = ", ".join(
                f"{table} {number}" for table, number in sorted(outcome.counts.items())
            )
            self.stdout.write(
                f"{outcome.schedule} (after {outcome.days} days): {outcome.records} due, {verb}"
                + (f"; {rows}" if rows else "")
            )
        self.stdout.write("audit: never by the application (append-only, hash-chained)")
