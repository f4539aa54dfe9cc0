from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError, CommandParser

from waypoint.accounts.models import User
from waypoint.core.commands import WaypointCommand
from waypoint.people import imports, queries, services


class Command(WaypointCommand):
    help = (
        "Import registrations from CSV or XLSX: every row is checked first and nothing is "
        "saved unless all are valid. Errors name the row, column and reason."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=["persons"], help="what the file holds")
        parser.add_argument("--input", required=True, type=Path, help="a .csv or .xlsx file")
        parser.add_argument("--site", default="", help="centre code for rows without a site")
        parser.add_argument(
            "--actor", required=True, help="email of the account the import is recorded under"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        actor = User.objects.filter(email=options["actor"].lower(), is_active=True).first()
        if actor is None:
            raise CommandError(f"no active account {options['actor']}", returncode=2)
        sites = {site.code: site for site in queries.registration_sites_for(actor)}
        if options["site"] and options["site"] not in sites:
            raise CommandError(
                f"{options['site']} is not a registering centre in the scope of {actor.email}",
                returncode=2,
            )
        path: Path = options["input"]
        try:
            with path.open("rb") as handle:
                rows, errors = imports.validate_rows(
                    imports.read_rows(path.name, handle, limits=imports.COMMAND_LIMITS)
                )
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}", returncode=2) from None
        except imports.ImportFileError as error:
            raise CommandError(f"{path}: {error}", returncode=2) from None
        if errors:
            for problem in errors:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(errors)} problems; nothing was imported", returncode=2)
        try:
            people = services.persons_import(
                actor=actor, rows=rows, sites=sites, default_site=sites.get(options["site"])
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages), returncode=2) from None
        self.stdout.write(f"imported {len(people)} registrations")
