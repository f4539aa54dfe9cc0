"""``waypoint report presence|monthly``: the published tables and situation reports, the
same as on the web (protected by disclosure control)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError, CommandParser
from django.utils import translation

from waypoint.core.commands import WaypointCommand
from waypoint.reports import opendata
from waypoint.reports.forms import parse_month
from waypoint.reports.pdf import render_pdf
from waypoint.reports.publication import Publication, month_publication, round_publication
from waypoint.reports.services import LANGUAGES, published_round, reportable_month
from waypoint.reports.situation import monthly_context, presence_context

FORMATS = ("pdf", "xlsx", "csv", "json")


def _json(publication: Publication) -> bytes:
    tables = {}
    for key, published in publication.tables.items():
        protected = published.protected
        tables[key] = {
            "title": str(published.spec.title),
            "columns": list(protected.table.column_labels),
            "rows": [
                {
                    "code": line.label,
                    "name": line.name,
                    "cells": [c.text if c.value is None else c.value for c in line.cells],
                }
                for line in published.lines()
            ],
            "total": protected.total.value
            if protected.total.value is not None
            else protected.total.text,
            "disclosureControl": opendata.rules_text(
                protected.rules_applied, sensitive=published.spec.sensitive
            ),
        }
    return json.dumps(
        {"period": publication.period, "tables": tables}, ensure_ascii=False, indent=1
    ).encode()


class Command(WaypointCommand):
    help = (
        "Write the published (protected) figures of a presence round or a month: a "
        "situation report as PDF, all tables as XLSX or JSON, or one table as CSV."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=("presence", "monthly"))
        parser.add_argument("--round", type=int, help="presence: the published round number")
        parser.add_argument("--month", help="monthly: the month as YYYY-MM")
        parser.add_argument("--format", choices=FORMATS, default="pdf")
        parser.add_argument("--lang", choices=LANGUAGES, default="en")
        parser.add_argument(
            "--table", help="csv: which table (default: the first); see the XLSX dictionary"
        )
        parser.add_argument("--output", type=Path, required=True, help="the file to write")

    def handle(self, *args: Any, **options: Any) -> None:
        kind, fmt, language = options["kind"], options["format"], options["lang"]
        with translation.override(language):
            try:
                if kind == "presence":
                    if options["round"] is None:
                        raise CommandError("presence needs --round N")
                    round_ = published_round(options["round"])
                    publication = round_publication(round_)
                    template, context = "reports/pdf/presence.html", None
                else:
                    if not options["month"]:
                        raise CommandError("monthly needs --month YYYY-MM")
                    try:
                        month = reportable_month(parse_month(options["month"]))
                    except ValueError:
                        raise CommandError(
                            f"--month {options['month']!r}: write the month as YYYY-MM"
                        ) from None
                    publication = month_publication(month)
                    template, context = "reports/pdf/monthly.html", None
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
            if fmt == "pdf":
                context = (
                    presence_context(round_, publication)
                    if kind == "presence"
                    else monthly_context(month, publication)
                )
                body = render_pdf(template, context, language=language)
            elif fmt == "xlsx":
                body = opendata.xlsx_bytes(publication)
            elif fmt == "json":
                body = _json(publication)
            else:
                key = options["table"] or next(iter(publication.tables))
                if key not in publication.tables:
                    raise CommandError(
                        f"--table {key!r}: choose one of {', '.join(publication.tables)}"
                    )
                body = opendata.csv_bytes(publication.tables[key])
        try:
            options["output"].write_bytes(body)
        except OSError as error:
            raise CommandError(f"cannot write {options['output']}: {error.strerror}") from None
        self.stdout.write(f"wrote {options['output']} ({len(body):,} bytes)")
