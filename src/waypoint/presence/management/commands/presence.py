from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from waypoint.accounts.models import User
from waypoint.collect.models import FormVersion
from waypoint.collect.xlsform import xlsform_convert
from waypoint.core.commands import WaypointCommand
from waypoint.presence import imports, services
from waypoint.presence.xforms import FORM_IDS, xlsform_path


class Command(WaypointCommand):
    help = (
        "Presence monitoring (DTM). 'import': load a Kobo/ODK CSV or XLSX export of a "
        "presence form, all rows or none, with row/field/reason errors. 'xforms': check "
        "that every XLSForm converts and print each form's id, version and hash. "
        "'demo': a synthetic baseline and rounds."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["import", "xforms", "demo"])
        parser.add_argument("--form", choices=FORM_IDS, help="the form the export is of")
        parser.add_argument("--input", type=Path, help="a .csv or .xlsx export")
        parser.add_argument("--round", type=int, help="the round the rows belong to")
        parser.add_argument("--actor", help="email of the account the import is recorded under")
        parser.add_argument("--locations", type=int, default=150)
        parser.add_argument("--published", type=int, default=3)
        parser.add_argument("--in-review", type=int, default=1)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "xforms":
            for form_id in FORM_IDS:
                path = xlsform_path(form_id)
                form = xlsform_convert(path.name, path.read_bytes())
                md5 = FormVersion.md5_of(form.xml)
                self.stdout.write(f"{form.form_id}\t{form.version}\tmd5:{md5}")
            return
        if options["action"] == "demo":
            made = services.rounds_generate(
                locations=options["locations"],
                published=options["published"],
                in_review=options["in_review"],
            )
            self.stdout.write(f"generated {len(made)} rounds")
            return
        self._import(options)

    def _import(self, options: dict[str, Any]) -> None:
        for flag in ("form", "input", "round", "actor"):
            if not options[flag]:
                raise CommandError(f"--{flag} is required for import", returncode=2)
        actor = User.objects.filter(email=options["actor"].lower(), is_active=True).first()
        if actor is None:
            raise CommandError(f"no active account {options['actor']}", returncode=2)
        path: Path = options["input"]
        try:
            with path.open("rb") as handle:
                rows = imports.read_rows(path.name, handle, limits=imports.COMMAND_LIMITS)
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}", returncode=2) from None
        except imports.ImportFileError as error:
            raise CommandError(f"{path}: {error}", returncode=2) from None
        try:
            count = services.presence_import(
                actor=actor, form_id=options["form"], round_number=options["round"], rows=rows
            )
        except services.ImportRefused as refused:
            for problem in refused.errors:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{len(refused.errors)} problems; nothing was imported", returncode=2
            ) from None
        self.stdout.write(f"imported {count} rows")
