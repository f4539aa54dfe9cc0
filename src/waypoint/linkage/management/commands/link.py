from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from waypoint.core.commands import WaypointCommand
from waypoint.linkage import engine
from waypoint.linkage.tables import (
    LinkageInputError,
    parse_columns,
    parse_mapping,
    read_table,
)


class Command(WaypointCommand):
    help = (
        "Find the records that are the same person: in one CSV file (writes "
        "record_id,cluster_id for every row) or across two (--other; writes "
        "left_id,right_id,match_probability for every matching pair)."
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", required=True, type=Path, help="a .csv file")
        parser.add_argument("--output", required=True, type=Path, help="the .csv to write")
        parser.add_argument("--id-column", required=True, help="the column that names a row")
        parser.add_argument(
            "--map",
            required=True,
            help="ROLE=COLUMN,... with roles given_name, family_name, full_name, "
            "father_name, mother_name, birth_date, birth_year, birth_place, sex, nationality, "
            "document_number, phone",
        )
        parser.add_argument(
            "--text-columns", default="", help="COL,... other columns compared as free text"
        )
        parser.add_argument("--other", type=Path, help="a second .csv to link the first to")
        parser.add_argument(
            "--engine",
            choices=("duckdb", "spark"),
            default="duckdb",
            help="where the comparisons run: DuckDB in this process (default) or Apache "
            "Spark (local, two workers; needs pyspark and Java)",
        )
        parser.add_argument(
            "--threshold",
            default=str(engine.DEFAULT_THRESHOLD),
            help=f"match probability cut-off, above 0 and below 1 "
            f"(default {engine.DEFAULT_THRESHOLD})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            threshold = _threshold(options["threshold"])
            mapping = parse_mapping(options["map"])
            text_columns = parse_columns(options["text_columns"])
            tables = [
                read_table(
                    path,
                    id_column=options["id_column"],
                    mapping=mapping,
                    text_columns=text_columns,
                )
                for path in (options["input"], options["other"])
                if path is not None
            ]
        except LinkageInputError as error:
            raise CommandError(str(error), returncode=2) from None
        runner: Any = engine
        if options["engine"] == "spark":
            from waypoint.linkage import spark

            reason = spark.spark_missing()
            if reason:
                raise CommandError(reason, returncode=2)
            runner = spark
        output: Path = options["output"]
        if len(tables) == 1:
            clusters = runner.deduplicate(
                tables[0].rows,
                ids=tables[0].ids,
                threshold=threshold,
                text_columns=text_columns,
            )
            header: tuple[str, ...] = ("record_id", "cluster_id")
            lines: list[tuple[str, ...]] = [(rid, clusters[rid]) for rid in tables[0].ids]
        else:
            pairs = runner.link(
                tables[0].rows,
                tables[1].rows,
                left_ids=tables[0].ids,
                right_ids=tables[1].ids,
                threshold=threshold,
                text_columns=text_columns,
            )
            header = ("left_id", "right_id", "match_probability")
            lines = [(left, right, f"{probability:.6f}") for left, right, probability in pairs]
        try:
            with output.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle, lineterminator="\n")
                writer.writerow(header)
                writer.writerows(lines)
        except OSError as error:
            raise CommandError(f"cannot write {output}: {error.strerror}", returncode=2) from None
        self.stdout.write(f"wrote {len(lines)} rows to {output}")


def _threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise LinkageInputError(f"--threshold {text!r} is not a number") from None
    if not 0 < value < 1:
        raise LinkageInputError(f"--threshold must be above 0 and below 1, not {text}")
    return value
