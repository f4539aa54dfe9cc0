"""Deduplication quality and cost: Waypoint's model beside plain Splink and exact matching.

    uv run python benchmarks/linkage.py --people 100000
    uv run python benchmarks/linkage.py --people 1000000 --methods waypoint,exact
    uv run python benchmarks/linkage.py --people 100000 --generator demo --threshold 0.8
    uv run python benchmarks/linkage.py --people 100000 --methods waypoint --cutoffs 0.5,0.8,0.9

Writes a synthetic registry with its ground truth to CSV, by default from
``independent_registry.py`` (a generator that shares no code or name lists with the
demo, so the model is not judged on the data it was shaped on; ``--generator demo`` for
the demo's), then deduplicates it three ways, each in its own process so that its peak
memory is its own:

- waypoint: ``waypoint.linkage.engine.deduplicate_with_report`` (the cut-off chosen from
  the data unless ``--threshold``), with the candidate pairs and pairs-completeness its
  report gives;
- splink-raw: Splink on the raw Latin names (given, family, father's, mother's) and place
  of birth with Jaro-Winkler, exact date of birth, sex, nationality, phone and passport
  number as written, blocking on the raw given+family name and on the date of birth,
  trained the same way (random sampling for u, EM for m), cut-off 0.8;
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
# Plain Splink's cut-off when none is given (Waypoint chooses its own from the data).
SPLINK_CUTOFF = 0.8
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


def write_population(people: int, workdir: Path, generator: str, seed: int) -> tuple[Path, Path]:
    """The population and its ground truth as two CSV files (``record_key`` + the role
    columns; ``record_key,true_person_id``), from the demo generator or the independent
    one (``independent_registry.py``, which shares no code or names with ``demo/``)."""
    data, truth = workdir / "population.csv", workdir / "truth.csv"
    if generator == "demo":
        from waypoint.demo.population import population_write_csv

        population_write_csv(people=people, seed=seed, path=data, ground_truth_path=truth)
        return data, truth
    from independent_registry import write_registry

    write_registry(people, seed, workdir)
    source = workdir / "registry.csv"
    with (
        source.open(encoding="utf-8", newline="") as handle,
        data.open("w", encoding="utf-8", newline="") as data_out,
        truth.open("w", encoding="utf-8", newline="") as truth_out,
    ):
        rows = csv.DictReader(handle)
        data_writer, truth_writer = csv.writer(data_out), csv.writer(truth_out)
        data_writer.writerow(["record_key", *ROLES.values()])
        truth_writer.writerow(["record_key", "true_person_id"])
        for row in rows:
            data_writer.writerow([row["record_id"], *(row.get(role, "") for role in ROLES)])
            truth_writer.writerow([row["record_id"], row["person_id"]])
    source.unlink()
    return data, truth


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def dedupe_waypoint(
    rows: list[dict[str, str]], threshold: float | None, truth: dict[str, str]
) -> tuple[dict[str, str], dict[str, object]]:
    """Waypoint's clusters, and what its report says: candidate pairs, blocking's
    pairs-completeness, the cut-off (chosen from the data when ``threshold`` is None)
    and unique people with their range."""
    from waypoint.linkage.engine import deduplicate_with_report

    mapped = [{role: row[column] for role, column in ROLES.items()} for row in rows]
    ids = [row["record_key"] for row in rows]
    found = deduplicate_with_report(
        mapped, ids=ids, threshold=threshold, truth=[truth[key] for key in ids]
    )
    assert found.truth is not None
    return found.clusters, {
        "candidates": found.candidates,
        "pairs_completeness": found.truth.pairs_completeness,
        "cutoff": found.threshold,
        "unique": [found.count.low, found.count.figure, found.count.high],
        "purity": found.truth.cluster_purity,
    }


def dedupe_splink_raw(
    rows: list[dict[str, str]], threshold: float | None, truth: dict[str, str]
) -> tuple[dict[str, str], dict[str, object]]:
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
    cut = SPLINK_CUTOFF if threshold is None else threshold
    predictions = linker.inference.predict()
    connection.execute("CREATE TABLE truth (unique_id BIGINT, person VARCHAR)")
    connection.executemany(
        "INSERT INTO truth VALUES (?, ?)",
        [(index, truth[row["record_key"]]) for index, row in enumerate(rows)],
    )
    candidates, compared_true = connection.execute(
        f"SELECT count(*), count(*) FILTER (WHERE l.person = r.person) "  # noqa: S608
        f"FROM {predictions.physical_name} AS p "
        "JOIN truth AS l ON p.unique_id_l = l.unique_id "
        "JOIN truth AS r ON p.unique_id_r = r.unique_id"
    ).fetchall()[0]
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=cut
    )
    found = connection.execute(
        f"SELECT unique_id, cluster_id FROM {clusters.physical_name}"  # noqa: S608
    ).fetchall()
    connection.close()
    assignment = {row["record_key"]: row["record_key"] for row in rows}
    for unique_id, cluster_id in found:
        assignment[rows[int(unique_id)]["record_key"]] = rows[int(cluster_id)]["record_key"]
    true_pairs = sum(size * (size - 1) // 2 for size in Counter(truth.values()).values())
    return assignment, {
        "candidates": int(candidates),
        "pairs_completeness": int(compared_true) / true_pairs if true_pairs else 1.0,
        "cutoff": cut,
    }


def dedupe_exact(
    rows: list[dict[str, str]], threshold: float | None, truth: dict[str, str]
) -> tuple[dict[str, str], dict[str, object]]:
    from waypoint.people.names import fold

    first: dict[tuple[str, str, str], str] = {}
    assignment = {}
    for row in rows:
        key = (fold(row["given_name"]), fold(row["family_name"]), row["birth_date"])
        assignment[row["record_key"]] = first.setdefault(key, row["record_key"])
    return assignment, {}


def cutoff_scores(
    rows: list[dict[str, str]], truth: dict[str, str], cutoffs: list[float]
) -> list[dict[str, float]]:
    """Waypoint's scores at each cut-off: one model, the pairs scored once, clustered at
    each cut-off by average linkage (without the completion of uncompared pairs that
    ``deduplicate`` adds, so a lower bound)."""
    from waypoint.linkage.clustering import average_linkage
    from waypoint.linkage.engine import score_pairs

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


def run_method(
    method: str, data: Path, truth_path: Path, threshold: float | None
) -> dict[str, object]:
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
    clusters, report = dedupe(rows, threshold, truth)
    elapsed = time.perf_counter() - started
    precision, recall, f1 = pairwise_scores(clusters, truth)
    if method == "exact":
        report = {"pairs_completeness": recall, "cutoff": "–"}
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "method": method,
        "records": len(rows),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "seconds": elapsed,
        "peak_mib": peak_kib / 1024,
        **report,
    }


def run_in_child(
    method: str, data: Path, truth: Path, threshold: float | None, timeout: float, memory_gib: float
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
                *(["--threshold", str(threshold)] if threshold is not None else []),
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
    parser.add_argument(
        "--generator",
        choices=("independent", "demo"),
        default="independent",
        help="independent_registry.py (shares nothing with demo/; the default) or demo",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--threshold",
        type=float,
        default=None,
        help="one cut-off for every method (default: Waypoint chooses its own from the "
        f"data, plain Splink {SPLINK_CUTOFF})",
    )
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
    threshold = args.threshold
    with tempfile.TemporaryDirectory(prefix="waypoint-linkage-") as directory:
        workdir = Path(directory)
        data, truth = write_population(args.people, workdir, args.generator, args.seed)
        records = sum(1 for _ in data.open(encoding="utf-8")) - 1
        methods = args.methods.split(",")
        if args.cutoffs:
            methods.append("cutoffs:" + args.cutoffs.replace(",", ";"))
        results = [
            run_in_child(method, data, truth, threshold, args.timeout, args.memory)
            for method in methods
        ]
    print(
        f"\n{args.people:,} people ({args.generator} generator, seed {args.seed}), "
        f"{records:,} records; {platform.python_implementation()} "
        f"{platform.python_version()}, {os.cpu_count()} cores\n"
    )
    print(
        "| method | cut-off | precision | recall | F1 | pairs-completeness | candidate pairs "
        "| unique people (range) | wall time (s) | peak memory (MiB) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|")
    for result in results:
        if result["method"] == "cutoffs" or str(result["method"]).startswith("cutoffs:"):
            continue
        if "failed" in result:
            print(f"| {result['method']} | – | – | – | – | – | – | – | {result['failed']} | – |")
            continue
        print(
            f"| {result['method']} | {result.get('cutoff', '–')} | {result['precision']:.4f} "
            f"| {result['recall']:.4f} | {result['f1']:.4f} "
            f"| {_number(result.get('pairs_completeness'), '.4f')} "
            f"| {_number(result.get('candidates'), ',')} | {_range(result.get('unique'))} "
            f"| {result['seconds']:.1f} | {result['peak_mib']:.0f} |"
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


def _number(value: object, spec: str) -> str:
    return format(value, spec) if isinstance(value, int | float) else "–"


def _range(value: object) -> str:
    if not isinstance(value, list):
        return "–"
    low, figure, high = value
    return f"{figure:,} ({low:,}–{high:,})"


if __name__ == "__main__":
    main()
