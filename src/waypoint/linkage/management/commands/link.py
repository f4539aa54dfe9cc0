from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from waypoint.core.commands import WaypointCommand
from waypoint.core.spreadsheets import safe_writer
from waypoint.linkage import engine, outcome
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
            default="auto",
            help="match probability cut-off, above 0 and below 1, or 'auto' (the default): "
            "the cut-off with the best F1 the model expects of itself on this data",
        )
        parser.add_argument(
            "--truth-column",
            help="a column naming each row's true person (known answers, never compared): "
            "the report then gives precision, recall, F1 and pairs-completeness",
        )
        parser.add_argument("--report", type=Path, help="also write the report as JSON here")

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
                    truth_column=options["truth_column"],
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
        report: dict[str, Any]
        if options["engine"] == "spark":
            lines, header = self._spark(
                runner, tables, threshold or engine.DEFAULT_THRESHOLD, text_columns
            )
            report = {}
        elif len(tables) == 1:
            found = engine.deduplicate_with_report(
                tables[0].rows,
                ids=tables[0].ids,
                threshold=threshold,
                text_columns=text_columns,
                truth=tables[0].truth,
            )
            header = ("record_id", "cluster_id")
            lines = [(rid, found.clusters[rid]) for rid in tables[0].ids]
            report = _report(found, len(lines))
        else:
            linked = engine.link_with_report(
                tables[0].rows,
                tables[1].rows,
                left_ids=tables[0].ids,
                right_ids=tables[1].ids,
                threshold=threshold,
                text_columns=text_columns,
                left_truth=tables[0].truth,
                right_truth=tables[1].truth,
            )
            header = ("left_id", "right_id", "match_probability")
            lines = [(left, right, f"{p:.6f}") for left, right, p in linked.pairs]
            report = _report(linked, len(tables[0].ids) + len(tables[1].ids))
        try:
            with output.open("w", encoding="utf-8", newline="") as handle:
                # The ids come from the lists: written so a spreadsheet never runs one.
                writer = safe_writer(handle, lineterminator="\n")
                writer.writerow(header)
                writer.writerows(lines)
            if options["report"] is not None:
                options["report"].write_text(json.dumps(report, indent=2), encoding="utf-8")
        except OSError as error:
            message = f"cannot write {error.filename}: {error.strerror}"
            raise CommandError(message, returncode=2) from None
        self.stdout.write(f"wrote {len(lines)} rows to {output}")
        for line in _summary(report):
            self.stdout.write(line)

    def _spark(
        self, runner: Any, tables: list[Any], threshold: float, text_columns: tuple[str, ...]
    ) -> tuple[list[tuple[str, ...]], tuple[str, ...]]:
        """The same clusters or pairs on Spark (no report: its cut-off is given or 0.8)."""
        if len(tables) == 1:
            clusters = runner.deduplicate(
                tables[0].rows, ids=tables[0].ids, threshold=threshold, text_columns=text_columns
            )
            return [(rid, clusters[rid]) for rid in tables[0].ids], ("record_id", "cluster_id")
        pairs = runner.link(
            tables[0].rows,
            tables[1].rows,
            left_ids=tables[0].ids,
            right_ids=tables[1].ids,
            threshold=threshold,
            text_columns=text_columns,
        )
        lines: list[tuple[str, ...]] = [(left, right, f"{p:.6f}") for left, right, p in pairs]
        return lines, ("left_id", "right_id", "match_probability")


def _report(found: engine.Deduplication | engine.Linkage, records: int) -> dict[str, Any]:
    """What ``--report`` writes and the command prints: plain JSON data."""
    precision, recall = outcome.expected_quality(found.bins, found.threshold)
    report: dict[str, Any] = {
        "records": records,
        "candidate_pairs": found.candidates,
        "threshold": found.threshold,
        "threshold_chosen_from_data": found.chosen_from_data,
        "expected_precision": round(precision, 4),
        "expected_recall": round(recall, 4),
        "weights": outcome.as_json(list(found.bins)),
    }
    if isinstance(found, engine.Deduplication):
        report["unique"] = outcome.as_json(found.count)
        report["clusters"] = len(found.weakest_link)
        weakest = sorted(found.weakest_link.values())
        report["weakest_links_below_0_9"] = sum(1 for value in weakest if value < 0.9)
    if found.truth is not None:
        report["truth"] = outcome.as_json(found.truth)
    return report


def _summary(report: dict[str, Any]) -> list[str]:
    if not report:
        return []
    how = "chosen from the data" if report["threshold_chosen_from_data"] else "given"
    lines = [
        f"compared {report['candidate_pairs']:,} pairs of {report['records']:,} records; "
        f"cut-off {report['threshold']:.2f} ({how}); the model expects precision "
        f"{report['expected_precision']:.3f} and recall {report['expected_recall']:.3f}",
    ]
    if "unique" in report:
        unique = report["unique"]
        lines.append(
            f"unique people: {unique['figure']:,} ({unique['low']:,} to {unique['high']:,} "
            f"at cut-offs {unique['looser']:.2f} and {unique['stricter']:.2f}); "
            f"{report['weakest_links_below_0_9']:,} of {report['clusters']:,} groups of two "
            f"or more hang on a link below 0.9"
        )
    if "truth" in report:
        truth = report["truth"]
        purity = truth.get("cluster_purity")
        lines.append(
            f"against --truth-column: precision {truth['precision']:.4f}, recall "
            f"{truth['recall']:.4f}, F1 {truth['f1']:.4f}, pairs-completeness "
            f"{truth['pairs_completeness']:.4f} ({truth['compared_true_pairs']:,} of "
            f"{truth['true_pairs']:,} true pairs compared)"
            + (f", cluster purity {purity:.4f}" if purity is not None else "")
        )
    bins = [outcome.WeightBin(**one) for one in report["weights"]]
    lines.append("match weight (log2 odds) of the compared pairs:")
    lines.extend(outcome.histogram_lines(bins, report["threshold"]))
    return lines


def _threshold(text: str) -> float | None:
    if text.strip().lower() == "auto":
        return None
    try:
        value = float(text)
    except ValueError:
        raise LinkageInputError(f"--threshold {text!r} is not a number") from None
    if not 0 < value < 1:
        raise LinkageInputError(f"--threshold must be above 0 and below 1, not {text}")
    return value
