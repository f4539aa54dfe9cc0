"""How fast, and in how much memory, a form's submissions export to XLSX and to a CSV zip.

    uv run python benchmarks/collect_export.py [--submissions 100000] [--seed 7] [--no-trace]

Makes ``--submissions`` submissions of a household form on the fly (seeded; each with one to
five members in a repeat, so about three member rows per submission) and streams them
through ``collect.exports.write_xlsx`` and ``write_csv_zip`` into a temporary file. Beside
them, the way a user would do it by hand: every row gathered in memory first, then
``pandas.DataFrame.to_excel`` (openpyxl's ordinary workbook underneath) and ``to_csv``, one
DataFrame per sheet; when pandas is not installed, openpyxl's ordinary ``Workbook``.

Each case runs in a child process of its own, twice: once plain, for the seconds, the
child's peak resident memory (``ru_maxrss``) and the file's size; once under
``tracemalloc`` (several times slower: skip it with ``--no-trace``) for the peak of memory
Python allocated. Prints a markdown table and a JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

if TYPE_CHECKING:
    from waypoint.collect.exports import ExportSchema, Submission

XLSFORM = """
| survey |
|        | type                  | name           | label          |
|        | text                  | site           | Site           |
|        | date                  | surveyed_on    | Date           |
|        | select_one sexes      | respondent_sex | Respondent sex |
|        | integer               | household_size | Household size |
|        | select_multiple needs | needs          | Needs          |
|        | geopoint              | location       | Location       |
|        | begin repeat          | members        | Members        |
|        | text                  | name           | Name           |
|        | integer               | age            | Age            |
|        | select_one sexes      | sex            | Sex            |
|        | end repeat            |                |                |
| choices |
|         | list_name | name    | label   |
|         | sexes     | F       | Female  |
|         | sexes     | M       | Male    |
|         | needs     | food    | Food    |
|         | needs     | water   | Water   |
|         | needs     | shelter | Shelter |
|         | needs     | health  | Health  |
| settings |
|          | form_id    | version |
|          | households | 1       |
"""
SITES = ["Lipa", "Borići", "Ušivak", "Blažuj", "Sedra", "Miral", "Salakovac"]
NAMES = ["Amina", "Omar", "Sara", "Ahmad", "Fatima", "Bilal", "Zainab", "Yusuf"]
NEEDS = ["food", "water", "shelter", "health"]
MIB = 1024 * 1024


def schema() -> ExportSchema:
    from pyxform.xls2xform import convert

    from waypoint.collect.exports import ExportSchema

    return ExportSchema.from_xform(
        convert(xlsform=XLSFORM, file_type=".md", form_name="data").xform
    )


def synthetic(count: int, seed: int) -> Iterator[Submission]:
    """``count`` submissions, made one at a time as they are asked for."""
    chance = random.Random(seed)
    for number in range(count):
        instance_id = f"uuid:{number:012d}"
        members = "".join(
            f"<members><name>{chance.choice(NAMES)} {number}</name>"
            f"<age>{chance.randint(0, 80)}</age><sex>{chance.choice('FM')}</sex></members>"
            for _ in range(chance.randint(1, 5))
        )
        needs = " ".join(sorted(chance.sample(NEEDS, chance.randint(1, 3))))
        document = (
            f'<data id="households" version="1"><site>{chance.choice(SITES)}</site>'
            f"<surveyed_on>2025-0{chance.randint(1, 9)}-1{chance.randint(0, 9)}</surveyed_on>"
            f"<respondent_sex>{chance.choice('FM')}</respondent_sex>"
            f"<household_size>{chance.randint(1, 9)}</household_size><needs>{needs}</needs>"
            f"<location>{43 + chance.random():.6f} {16 + chance.random() * 3:.6f} 500 5"
            f"</location>{members}<meta><instanceID>{instance_id}</instanceID></meta></data>"
        )
        meta = {
            "instance_id": instance_id,
            "received_at": "2025-06-01T10:00:00+00:00",
            "submitted_by": "enumerator",
            "form_version": "1",
        }
        yield meta, document.encode()


def rows_in_memory(
    export_schema: ExportSchema, submissions: Iterator[Submission]
) -> dict[str, list[list[object]]]:
    """Every row gathered first, as one does before handing them to pandas."""
    from waypoint.collect.exports import export_rows
    from waypoint.core.spreadsheets import safe_cell

    rows: dict[str, list[list[object]]] = {sheet.name: [] for sheet in export_schema.sheets}
    for name, row in export_rows(export_schema, submissions):
        rows[name].append([safe_cell(text) for text in row])
    return rows


def pandas_xlsx(
    export_schema: ExportSchema, submissions: Iterator[Submission], out: BinaryIO
) -> dict[str, int]:
    import pandas

    rows = rows_in_memory(export_schema, submissions)
    with pandas.ExcelWriter(out, engine="openpyxl") as writer:
        for sheet in export_schema.sheets:
            frame = pandas.DataFrame(rows[sheet.name], columns=sheet.header)
            frame.to_excel(writer, sheet_name=sheet.name, index=False)
    return {name: len(sheet_rows) for name, sheet_rows in rows.items()}


def pandas_csv_zip(
    export_schema: ExportSchema, submissions: Iterator[Submission], out: BinaryIO
) -> dict[str, int]:
    import pandas

    rows = rows_in_memory(export_schema, submissions)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for sheet in export_schema.sheets:
            frame = pandas.DataFrame(rows[sheet.name], columns=sheet.header)
            with archive.open(f"{sheet.name}.csv", "w", force_zip64=True) as member:
                frame.to_csv(member, index=False, encoding="utf-8-sig")
    return {name: len(sheet_rows) for name, sheet_rows in rows.items()}


def openpyxl_workbook(
    export_schema: ExportSchema, submissions: Iterator[Submission], out: BinaryIO
) -> dict[str, int]:
    from openpyxl import Workbook

    from waypoint.collect.exports import export_rows
    from waypoint.core.spreadsheets import safe_cell

    workbook = Workbook()
    workbook.remove(workbook.active)
    sheets = {}
    for sheet in export_schema.sheets:
        sheets[sheet.name] = workbook.create_sheet(sheet.name)
        sheets[sheet.name].append(sheet.header)
    counts = dict.fromkeys(sheets, 0)
    for name, row in export_rows(export_schema, submissions):
        sheets[name].append([safe_cell(text) for text in row])
        counts[name] += 1
    workbook.save(out)
    return counts


def pandas_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("pandas") is not None


def stream_xlsx(
    export_schema: ExportSchema, submissions: Iterator[Submission], out: BinaryIO
) -> dict[str, int]:
    from waypoint.collect.exports import write_xlsx

    return write_xlsx(export_schema, submissions, out)


def stream_csv_zip(
    export_schema: ExportSchema, submissions: Iterator[Submission], out: BinaryIO
) -> dict[str, int]:
    from waypoint.collect.exports import write_csv_zip

    return write_csv_zip(export_schema, submissions, out)


# Each case imports what it needs when it runs, in its child process: Linux carries the
# parent's peak resident memory into a child's ru_maxrss, so the parent stays small.
WRITERS: dict[str, tuple[str, str, Callable[..., dict[str, int]]]] = {
    "stream-xlsx": ("xlsx", "collect.exports.write_xlsx", stream_xlsx),
    "stream-csv": ("csv zip", "collect.exports.write_csv_zip", stream_csv_zip),
    "pandas-xlsx": ("xlsx", "rows in memory + pandas to_excel", pandas_xlsx),
    "pandas-csv": ("csv zip", "rows in memory + pandas to_csv", pandas_csv_zip),
    "openpyxl-xlsx": ("xlsx", "openpyxl Workbook (not write-only)", openpyxl_workbook),
}


def run_case(case: str, submissions: int, seed: int, trace: bool) -> dict[str, Any]:
    """One export in this process; what it took."""
    export_schema = schema()
    _, _, writer = WRITERS[case]
    import waypoint.collect.exports  # noqa: F401  (imported before the clock starts)

    if case.startswith("pandas"):
        import pandas  # noqa: F401
    rss_at_start = _maxrss_bytes()  # the interpreter and the imports, before any row
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        counts = writer(export_schema, synthetic(submissions, seed), out)
        out.flush()
        size = os.fstat(out.fileno()).st_size
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] if trace else None
    return {
        "case": case,
        "rows": sum(counts.values()),
        "seconds": seconds,
        "traced_peak_bytes": peak,
        "maxrss_at_start_bytes": rss_at_start,
        "maxrss_bytes": _maxrss_bytes(),
        "file_bytes": size,
    }


def _maxrss_bytes() -> int:
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss if sys.platform == "darwin" else maxrss * 1024  # Linux counts KiB


def child(case: str, submissions: int, seed: int, trace: bool) -> dict[str, Any]:
    command = [sys.executable, __file__, "--case", case, "--submissions", str(submissions)]
    command += ["--seed", str(seed)] + (["--trace"] if trace else [])
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"{case} failed:\n{done.stderr}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def table(submissions: int, results: list[dict[str, Any]]) -> str:
    lines = [
        "| submissions | format | writer | rows | seconds | rows/s "
        "| peak traced (MiB) | max RSS (MiB): start → end | file (MiB) |",
        "|---:|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        file_format, writer, _ = WRITERS[result["case"]]
        traced = result["traced_peak_bytes"]
        lines.append(
            f"| {submissions:,} | {file_format} | {writer} | {result['rows']:,} "
            f"| {result['seconds']:.1f} | {result['rows'] / result['seconds']:,.0f} "
            f"| {'-' if traced is None else f'{traced / MIB:,.1f}'} "
            f"| {result['maxrss_at_start_bytes'] / MIB:,.0f} → {result['maxrss_bytes'] / MIB:,.0f} "
            f"| {result['file_bytes'] / MIB:,.1f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-trace", action="store_true", help="skip the tracemalloc runs")
    parser.add_argument("--case", choices=sorted(WRITERS), help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case, args.submissions, args.seed, args.trace)))
        return
    cases = ["stream-xlsx", "stream-csv"]
    cases += ["pandas-xlsx", "pandas-csv"] if pandas_installed() else ["openpyxl-xlsx"]
    results = []
    for case in cases:
        print(f"{case}...", file=sys.stderr, flush=True)
        result = child(case, args.submissions, args.seed, trace=False)
        if not args.no_trace:
            traced = child(case, args.submissions, args.seed, trace=True)
            result["traced_peak_bytes"] = traced["traced_peak_bytes"]
            result["traced_seconds"] = traced["seconds"]
        results.append(result)
    print(table(args.submissions, results))
    print(
        json.dumps(
            {
                "benchmark": "collect_export",
                "submissions": args.submissions,
                "python": platform.python_version(),
                "results": results,
            }
        )
    )


if __name__ == "__main__":
    main()
