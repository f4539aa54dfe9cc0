"""Base for Waypoint's management commands: a flag error is one clear line, never a traceback.

Django already prints a ``CommandError`` as one line (``CommandError: ...``) with its
``returncode``; what it does not do is keep argparse's usage block out of the way.
"""

from __future__ import annotations

import sys
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError, CommandParser


class OneLineParser(CommandParser):
    def error(self, message: str) -> NoReturn:
        if self.called_from_command_line:
            sys.stderr.write(f"{self.prog}: error: {message} (see --help)\n")
            sys.exit(2)
        raise CommandError(f"Error: {message}")


class WaypointCommand(BaseCommand):
    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.__class__ = OneLineParser
        return parser
