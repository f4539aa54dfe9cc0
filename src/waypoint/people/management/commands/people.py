from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser

from waypoint.core.commands import WaypointCommand
from waypoint.people.services import name_keys_rebuild


class Command(WaypointCommand):
    help = (
        "People tools. 'rekey' recomputes every registration's name search keys, after an "
        "upgrade that changes how names are compared."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["rekey"], help="what to do")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"search keys rebuilt for {name_keys_rebuild()} registrations")
