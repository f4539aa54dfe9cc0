"""Deduplication quality and cost: Waypoint's model beside plain Splink and exact matching.

    uv run python benchmarks/linkage.py --people 10000
    uv run python benchmarks/linkage.py --people 100000 --threshold 0.9
    uv run python benchmarks/linkage.py --people 1000000 --timeout 1200
    uv run python benchmarks/linkage.py --people 100000 --methods waypoint --cutoffs 0.5,0.8,0.9

Writes the synthetic population (the demo generator's people and their planted second
registrations, with ground truth) to CSV, then deduplicates it three ways, each in its own
process so that its peak memory is its own:

- waypoint: ``waypoint.linkage.engine.deduplicate`` (folded and transliterated names,
  skeleton keys, crossed names, date-of-birth levels, trained by EM);
- splink-raw: Splink on the raw Latin names (given, family, father's, mother's) and place
  of birth with Jaro-Winkler, exact date of birth, sex, nationality, phone and passport number as
  written, blocking on the raw given+family name and on the date of birth, trained the
  same way (random sampling for u, EM for m);
- exact: the same folded given name, family name and date of birth.

Prints a markdown table of pairwise precision, recall and F1 against the ground truth (a
pair is two records put in one group), wall time and peak memory (maximum resident set).
With ``--cutoffs`` it also prints Waypoint's scores at each of those cut-offs, from one
model and one set of scored pairs (how ``DEFAULT_THRESHOLD`` was chosen).
A method that runs longer than ``--timeout`` seconds (default 20 minutes) or needs more
than ``--memory`` GiB (default 8; the process is stopped when it asks for more) is
recorded as such, not skipped.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

METHODS = ("waypoint", "splink-raw", "exact")
ROLES = {
    "given_name": "given_name",
    "family_name": "family_name",
    "father_name": "father_name",
    "mother_name": "mother_name",
    "sex": "sex",
    "birth_date": "birth_date",
    "birth_place": "birth_place",
    "nationality": "nationality",
    "phone": "phone",
    "document_number": "document_number",
}


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waypoint.settings")
    import django

    django.setup()


def write_population(people: int, workdir: Path) -> tuple[Path, Path]:
    from waypoint.demo.population import population_write_csv

    data, truth = workdir / "population.csv", workdir / "truth.csv"
    population_write_csv(people=people, seed=1, path=data, ground_truth_path=truth)
    return data, truth


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def dedupe_waypoint(rows: list[dict[str, str]], threshold: float) -> dict[str, str]:
    from waypoint.linkage.engine import deduplicate

    mapped = [{role: row[column] for role, column in ROLES.items()} for row in rows]
    return deduplicate(mapped, ids=[row["record_key"] for row in rows], threshold=threshold)


def dedupe_splink_raw(rows: list[dict[str, str]], threshold: float) -> dict[str, str]:
    import logging

    import duckdb
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on
    from splink import comparison_library as cl

    table = [
        {
            "unique_id": index,
            **{column: (row[column] or None) for column in ROLES.values()},
        }
        for index, row in enumerate(rows)
    ]
    connection = duckdb.connect()
    db_api = DuckDBAPI(connection)
    records = db_api.register(table, table_name="records")
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.JaroWinklerAtThresholds("given_name"),
            cl.JaroWinklerAtThresholds("family_name"),
            cl.JaroWinklerAtThresholds("father_name"),
            cl.JaroWinklerAtThresholds("mother_name"),
            cl.ExactMatch("birth_date"),
            cl.JaroWinklerAtThresholds("birth_place"),
            cl.ExactMatch("sex"),
            cl.ExactMatch("nationality"),
            cl.ExactMatch("phone"),
            cl.ExactMatch("document_number"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("given_name", "family_name"),
            block_on("birth_date"),
        ],
    )
    linker = Linker(records, settings, log_level=logging.WARNING)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("given_name", "family_name", "birth_date")], recall=0.6
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("given_name", "family_name")
    )
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("birth_date"))
    predictions = linker.inference.predict(threshold_match_probability=threshold)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=threshold
    )
    found = connection.execute(
        f"SELECT unique_id, cluster_id FROM {clusters.physical_name}"  # noqa: S608
    ).fetchall()
    connection.close()
    assignment = {row["record_key"]: row["record_key"] for row in rows}
    for unique_id, cluster_id in found:
        assignment[rows[int(unique_id)]["record_key"]] = rows[int(cluster_id)]["record_key"]
    return assignment


def dedupe_exact(rows: list[dict[str, str]], threshold: float) -> dict[str, str]:
    from waypoint.people.names import fold

    first: dict[tuple[str, str, str], str] = {}
    assignment = {}
    for row in rows:
        key = (fold(row["given_name"]), fold(row["family_name"]), row["birth_date"])
        assignment[row["record_key"]] = first.setdefault(key, row["record_key"])
    return assignment


def cutoff_scores(
    rows: list[dict[str, str]], truth: dict[str, str], cutoffs: list[float]
) -> list[dict[str, float]]:
    """Waypoint's scores at each cut-off: one model, the pairs scored once, clustered at
    each cut-off as ``deduplicate`` does."""
    from waypoint.linkage.engine import average_linkage, score_pairs

    mapped = [{role: row[column] for role, column in ROLES.items()} for row in rows]
    ids = [row["record_key"] for row in rows]
    position = {record_id: index for index, record_id in enumerate(ids)}
    pairs = [
        (position[pair.left_id], position[pair.right_id], pair.probability)
        for pair in score_pairs(mapped, ids=ids, threshold=min(cutoffs))
    ]
    results = []
    for cutoff in sorted(cutoffs):
        kept = [pair for pair in pairs if pair[2] >= cutoff]
        groups = average_linkage(len(ids), kept, cutoff)
        clusters = {ids[index]: ids[group] for index, group in enumerate(groups)}
        precision, recall, f1 = pairwise_scores(clusters, truth)
        results.append({"cutoff": cutoff, "precision": precision, "recall": recall, "f1": f1})
    return results


def pairwise_scores(clusters: dict[str, str], truth: dict[str, str]) -> tuple[float, float, float]:
    def pairs(sizes: Counter[object]) -> int:
        return sum(size * (size - 1) // 2 for size in sizes.values())

    predicted = pairs(Counter(clusters.values()))
    actual = pairs(Counter(truth.values()))
    correct = pairs(Counter((clusters[key], truth[key]) for key in clusters))
    precision = correct / predicted if predicted else 1.0
    recall = correct / actual if actual else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def run_method(method: str, data: Path, truth_path: Path, threshold: float) -> dict[str, object]:
    """Deduplicate in this process and report scores, wall time and peak memory."""
    setup_django()
    rows = read_rows(data)
    truth = {row["record_key"]: row["true_person_id"] for row in read_rows(truth_path)}
    if method.startswith("cutoffs:"):
        cutoffs = [float(value) for value in method.removeprefix("cutoffs:").split(";")]
        return {"method": "cutoffs", "cutoffs": cutoff_scores(rows, truth, cutoffs)}
    dedupe = {
        "waypoint": dedupe_waypoint,
        "splink-raw": dedupe_splink_raw,
        "exact": dedupe_exact,
    }[method]
    started = time.perf_counter()
    clusters = dedupe(rows, threshold)
    elapsed = time.perf_counter() - started
    precision, recall, f1 = pairwise_scores(clusters, truth)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "method": method,
        "records": len(rows),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "seconds": elapsed,
        "peak_mib": peak_kib / 1024,
    }


def run_in_child(
    method: str, data: Path, truth: Path, threshold: float, timeout: float, memory_gib: float
) -> dict[str, object]:
    """Run one method in its own process, stopped past the time or memory limit."""
    limit = int(memory_gib * 1024**3)

    def cap_memory() -> None:  # in the child, before it starts
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))

    started = time.perf_counter()
    try:
        finished = subprocess.run(
            [
                sys.executable,
                __file__,
                "--threshold",
                str(threshold),
                "--run",
                f"{method},{data},{truth}",
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            preexec_fn=cap_memory,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"method": method, "failed": f"stopped after {timeout:.0f} s (time limit)"}
    if finished.returncode != 0:
        tail = (finished.stderr.strip().splitlines() or ["no output"])[-1]
        out_of_memory = "out of memory" in finished.stderr.lower() or "MemoryError" in tail
        reason = f"out of memory at the {memory_gib:g} GiB limit" if out_of_memory else tail
        return {
            "method": method,
            "failed": f"failed after {time.perf_counter() - started:.0f} s ({reason[:120]})",
        }
    return dict(json.loads(finished.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--methods", default=",".join(METHODS))
    parser.add_argument("--timeout", type=float, default=1200.0, help="seconds per method")
    parser.add_argument("--memory", type=float, default=8.0, help="GiB per method")
    parser.add_argument("--cutoffs", default="", help="P,P,...: Waypoint's F1 at each cut-off")
    parser.add_argument("--run", help=argparse.SUPPRESS)  # internal: METHOD,DATA,TRUTH
    args = parser.parse_args()
    if args.run:
        method, data, truth = args.run.split(",")
        print(json.dumps(run_method(method, Path(data), Path(truth), args.threshold)))
        return
    setup_django()
    from waypoint.linkage.engine import DEFAULT_THRESHOLD

    threshold = DEFAULT_THRESHOLD if args.threshold is None else args.threshold
    with tempfile.TemporaryDirectory(prefix="waypoint-linkage-") as directory:
        workdir = Path(directory)
        data, truth = write_population(args.people, workdir)
        records = sum(1 for _ in data.open(encoding="utf-8")) - 1
        methods = args.methods.split(",")
        if args.cutoffs:
            methods.append("cutoffs:" + args.cutoffs.replace(",", ";"))
        results = [
            run_in_child(method, data, truth, threshold, args.timeout, args.memory)
            for method in methods
        ]
    print(
        f"\n{args.people:,} people, {records:,} records; threshold {threshold}; "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores\n"
    )
    print("| method | precision | recall | F1 | wall time (s) | peak memory (MiB) |")
    print("|---|---:|---:|---:|---:|---:|")
    for result in results:
        if result["method"] == "cutoffs" or str(result["method"]).startswith("cutoffs:"):
            continue
        if "failed" in result:
            print(f"| {result['method']} | – | – | – | {result['failed']} | – |")
            continue
        print(
            f"| {result['method']} | {result['precision']:.4f} | {result['recall']:.4f} | "
            f"{result['f1']:.4f} | {result['seconds']:.1f} | {result['peak_mib']:.0f} |"
        )
    for result in results:
        if "cutoffs" in result:
            print("\n| Waypoint, cut-off | precision | recall | F1 |\n|---:|---:|---:|---:|")
            for row in result["cutoffs"]:  # type: ignore[attr-defined]
                print(
                    f"| {row['cutoff']} | {row['precision']:.4f} | {row['recall']:.4f} | "
                    f"{row['f1']:.4f} |"
                )
        elif str(result["method"]).startswith("cutoffs:"):
            print(f"\ncut-offs: {result.get('failed')}")


if __name__ == "__main__":
    main()
