"""``waypoint portal load [--content-dir DIR]``: load the portal's seed pages (safe to repeat)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from waypoint.core.commands import OneLineParser, WaypointCommand
from waypoint.portal.catalogue import CONTENT_DIR
from waypoint.portal.services import ContentFileError, portal_content_load


class Command(WaypointCommand):
    help = "Manage the public portal's content."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(
            dest="action", metavar="ACTION", required=True, parser_class=OneLineParser
        )
        load = actions.add_parser(
            "load",
            help="create the portal pages and their text in every language from the seed "
            "files; never replaces a version written by staff",
        )
        load.add_argument(
            "--content-dir",
            type=Path,
            default=CONTENT_DIR,
            metavar="DIR",
            help="read <language>/<page>.md files from DIR instead of the shipped ones",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        directory: Path = options["content_dir"]
        if not directory.is_dir():
            raise CommandError(f"no such directory: {directory}", returncode=2)
        try:
            report = portal_content_load(content_dir=directory)
        except (ContentFileError, UnicodeDecodeError) as error:
            raise CommandError(str(error), returncode=2) from error
        self.stdout.write(report.summary())
