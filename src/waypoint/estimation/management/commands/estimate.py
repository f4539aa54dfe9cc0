"""``waypoint estimate``: multiple systems estimation (capture-recapture).

``--input F.csv --count-column count``: a table of capture histories (the lists as 0/1
columns, the count column how many people have that history).
``--period FIRST:LAST [--area PCODE]``: Waypoint's own lists (people in centres, screened,
in voluntary return cases), grouped into people by identity review, with the estimate also
at the stricter and looser linkage cut-offs (``linkage``: the band).
"""

from __future__ import annotations

import json
from datetime import date
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

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", type=Path, help="a .csv of capture histories")
        parser.add_argument("--count-column", default="count", help="the column of counts")
        parser.add_argument(
            "--period", help="FIRST:LAST (YYYY-MM-DD:YYYY-MM-DD): estimate from Waypoint's lists"
        )
        parser.add_argument("--area", default="", help="with --period: an area's P-code")
        parser.add_argument(
            "--lists",
            default="",
            help="with --period: the lists to use, comma-separated (centres, screenings, "
            "outreach, avrr, list:<id> for an outside list; default: Waypoint's four)",
        )
        parser.add_argument(
            "--strata",
            choices=("sex", "age", "nationality"),
            help="with --period: estimate each group apart and add them up",
        )
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
        settings = {
            "method": options["method"],
            "criterion": options["criterion"],
            "bootstrap": max(0, options["bootstrap"]),
            "seed": options["seed"],
        }
        if options["input"] is not None:
            answer = self._from_file(options, settings)
        elif options["period"]:
            answer = self._from_registry(options, settings)
        else:
            self._fail("give --input F.csv (capture histories) or --period FIRST:LAST")
        if options["format"] == "json":
            self.stdout.write(json.dumps(answer, ensure_ascii=False))
            return
        for key in ("estimate", "ci_low", "ci_high", "observed", "model", "method"):
            if key in answer:
                self.stdout.write(f"{key:9} {answer[key]}")
        for label, stratum in answer.get("strata", {}).items():
            self.stdout.write(
                f"{'stratum':9} {label}: {stratum['estimate']} "
                f"({stratum['ci_low']} to {stratum['ci_high']}), observed {stratum['observed']}"
            )
        if "linkage" in answer:
            band = answer["linkage"]
            self.stdout.write(f"{'linkage':9} {band['band_low']} to {band['band_high']}")
        if "not_in_centres" in answer:
            outside = answer["not_in_centres"]
            interval = f"({outside['ci_low']} to {outside['ci_high']})"
            known = f"besides {outside['known_in_centres']} in centres"
            self.stdout.write(f"{'outside':9} {outside['estimate']} {interval} {known}")
        for warning in answer["warnings"]:
            self.stdout.write(f"warning   {warning}")

    def _from_file(self, options: dict[str, Any], settings: dict[str, Any]) -> dict[str, Any]:
        try:
            data = options["input"].read_bytes()
        except OSError as error:
            self._fail(f"cannot read {options['input']}: {error.strerror}")
        try:
            histories = read_histories(data, count_column=options["count_column"])
            return dict(estimate(histories, **settings).as_json())
        except EstimationInputError as error:
            self._fail(f"{options['input']}: {error}")

    def _from_registry(self, options: dict[str, Any], settings: dict[str, Any]) -> dict[str, Any]:
        from waypoint.estimation.sources import not_in_centres, registry_estimate

        first, last = _period(options["period"])
        chosen = [key.strip() for key in options["lists"].split(",") if key.strip()] or None
        try:
            histories, band = registry_estimate(
                first,
                last,
                area_code=options["area"],
                chosen=chosen,
                strata=options["strata"] or "",
                **settings,
            )
        except EstimationInputError as error:
            prefix = "--area: " if "no area with the code" in str(error) else ""
            self._fail(f"{prefix}{error}")
        answer = band.as_json()
        outside = not_in_centres(answer, histories)
        if outside is not None:
            answer["not_in_centres"] = outside
        return answer

    def _fail(self, message: str) -> NoReturn:
        # One clear line and exit status 2, as for a flag error: the input is wrong.
        raise CommandError(message, returncode=2)


def _period(text: str) -> tuple[date, date]:
    first_text, _colon, last_text = (text or "").partition(":")
    try:
        first, last = date.fromisoformat(first_text), date.fromisoformat(last_text)
    except ValueError:
        raise CommandError(
            f"--period {text!r}: write the period as YYYY-MM-DD:YYYY-MM-DD", returncode=2
        ) from None
    if last < first:
        raise CommandError(f"--period {text!r}: it ends before it begins", returncode=2)
    return first, last
