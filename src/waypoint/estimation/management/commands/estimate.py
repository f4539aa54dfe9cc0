"""``waypoint estimate --input F.csv --count-column count``: multiple systems estimation on
a table of capture histories (the lists as 0/1 columns, the count column how many people
have that history)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NoReturn

from django.core.management.base import CommandError, CommandParser

from waypoint.core.commands import WaypointCommand
from waypoint.estimation.histories import EstimationInputError, read_histories
from waypoint.estimation.mse import estimate


class Command(WaypointCommand):
    help = (
        "Estimate how many people there are, seen or not, from lists that overlap "
        "(capture-recapture): prints estimate, interval, observed, model, method, warnings."
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", required=True, type=Path, help="a .csv of histories")
        parser.add_argument("--count-column", default="count", help="the column of counts")
        parser.add_argument("--format", choices=("json", "table"), default="json")
        parser.add_argument(
            "--method",
            choices=("auto", "chapman", "loglinear"),
            default="auto",
            help="auto: Chapman for two lists, log-linear models for three or more",
        )
        parser.add_argument("--criterion", choices=("aic", "bic"), default="aic")
        parser.add_argument("--bootstrap", type=int, default=500, help="replicates (0: none)")
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            data = options["input"].read_bytes()
        except OSError as error:
            self._fail(f"cannot read {options['input']}: {error.strerror}")
        try:
            histories = read_histories(data, count_column=options["count_column"])
            result = estimate(
                histories,
                method=options["method"],
                criterion=options["criterion"],
                bootstrap=max(0, options["bootstrap"]),
                seed=options["seed"],
            )
        except EstimationInputError as error:
            self._fail(f"{options['input']}: {error}")
        if options["format"] == "json":
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
            return
        summary = result.as_json()
        for key in ("estimate", "ci_low", "ci_high", "observed", "model", "method"):
            self.stdout.write(f"{key:9} {summary[key]}")
        for warning in result.warnings:
            self.stdout.write(f"warning   {warning}")

    def _fail(self, message: str) -> NoReturn:
        # One clear line and exit status 2, as for a flag error: the input is wrong.
        raise CommandError(message, returncode=2)
