from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser

from waypoint.audit.services import audit_chain_verify
from waypoint.core.commands import WaypointCommand


class Command(WaypointCommand):
    help = "Audit trail tools. 'verify' checks the hash chain and reports the first broken link."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify"], help="what to do")

    def handle(self, *args: Any, **options: Any) -> None:
        report = audit_chain_verify()
        if report.intact:
            self.stdout.write(f"audit chain intact: {report.checked} events verified")
            return
        self.stderr.write(
            f"audit chain broken at event #{report.broken_at}: {report.reason} "
            f"({report.checked} events before it verified)"
        )
        raise SystemExit(1)
