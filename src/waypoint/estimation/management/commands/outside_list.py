"""``waypoint outside_list``: import, show and delete the outside lists estimates can use.

``waypoint outside_list import F.csv --actor EMAIL --name NAME --kind police
--period FIRST:LAST [--area PCODE] [--id-column id] [--map ROLE=COLUMN,...]`` links every
row to a registration or to a row of an earlier outside list, all or nothing; bad input is
one line on standard error and exit status 2.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError, CommandParser

from waypoint.accounts.models import User
from waypoint.estimation.forms import DEFAULT_MAPPING
from waypoint.estimation.histories import EstimationInputError
from waypoint.estimation.management.commands.estimate import _period
from waypoint.estimation.models import ListKind, OutsideList


class Command(BaseCommand):
    help = "Import, show or delete outside lists (police, asylum-intention certificates)."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        adding = actions.add_parser("import", help="import and link a list")
        adding.add_argument("file", type=Path, help="a .csv or .xlsx file, one row per person")
        adding.add_argument("--actor", required=True, help="email of the importing analyst")
        adding.add_argument("--name", required=True)
        adding.add_argument("--kind", required=True, choices=ListKind.values)
        adding.add_argument("--period", required=True, help="FIRST:LAST (YYYY-MM-DD:YYYY-MM-DD)")
        adding.add_argument("--area", default="", help="the P-code of the area the list covers")
        adding.add_argument("--id-column", default="id")
        adding.add_argument("--map", default=DEFAULT_MAPPING, help="ROLE=COLUMN,...")
        actions.add_parser("show", help="the lists imported")
        removing = actions.add_parser("delete", help="delete a list and its rows")
        removing.add_argument("list_id", type=int)
        removing.add_argument("--actor", required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        from waypoint.estimation import services

        if options["action"] == "show":
            for item in OutsideList.objects.order_by("pk"):
                self.stdout.write(
                    f"list:{item.pk}\t{item.name}\t{item.kind}\t{item.first_day}:{item.last_day}"
                    f"\t{item.area.code if item.area else 'BIH'}\trows {item.rows}"
                    f"\tregistered {item.registered}\tearlier {item.earlier}"
                )
            return
        actor = User.objects.filter(email=options["actor"].lower(), is_active=True).first()
        if actor is None:
            self._fail(f"--actor: no active account {options['actor']}")
        if options["action"] == "delete":
            outside = OutsideList.objects.filter(pk=options["list_id"]).first()
            if outside is None:
                self._fail(f"there is no outside list {options['list_id']}")
            services.outside_list_delete(actor=actor, outside_list=outside)
            self.stdout.write(f"deleted list:{options['list_id']}")
            return
        first, last = _period(options["period"])
        path: Path = options["file"]
        try:
            data = path.read_bytes()
        except OSError as error:
            self._fail(f"cannot read {path}: {error.strerror}")
        try:
            imported = services.outside_list_import(
                actor=actor,
                name=options["name"],
                kind=options["kind"],
                filename=path.name,
                data=data,
                id_column=options["id_column"],
                mapping=options["map"],
                first_day=first,
                last_day=last,
                area_code=options["area"],
            )
        except EstimationInputError as error:
            self._fail(f"{path}: {error}")
        self.stdout.write(
            f"list:{imported.pk} {imported.name}: {imported.rows} rows, {imported.registered} "
            f"registered in Waypoint, {imported.earlier} on an earlier list"
        )

    def _fail(self, message: str) -> NoReturn:
        raise CommandError(message, returncode=2)
