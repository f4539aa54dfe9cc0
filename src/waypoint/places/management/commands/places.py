"""``waypoint places load [--data-dir DIR]``: load the reference areas and sites."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from waypoint.core.commands import OneLineParser, WaypointCommand
from waypoint.places.services import PlacesDataError, places_load


class Command(WaypointCommand):
    help = "Load Bosnia and Herzegovina's administrative areas and Waypoint's sites."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(
            dest="action", metavar="ACTION", required=True, parser_class=OneLineParser
        )
        load = actions.add_parser(
            "load",
            help="create or update areas and sites from the data files (safe to repeat)",
        )
        load.add_argument(
            "--data-dir",
            type=Path,
            default=None,
            metavar="DIR",
            help="read areas.csv, sites.csv and the boundary file from DIR "
            "instead of the copies shipped with Waypoint",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = places_load(data_dir=options["data_dir"])
        except PlacesDataError as error:
            raise CommandError(str(error), returncode=2) from error
        self.stdout.write(report.summary())
