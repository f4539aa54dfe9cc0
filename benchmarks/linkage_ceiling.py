"""How far the linkage model's comparisons can go on a registry with known answers.

    uv run python benchmarks/linkage_ceiling.py --people 100000 --seed 11
    uv run python benchmarks/linkage_ceiling.py --csv registry.csv   # independent_registry.py

A Fellegi–Sunter model sees a compared pair only through the levels it reaches (same
skeleton, a placeholder date in the same year, ...): two pairs that reach the same levels
get the same probability, whatever else they differ in. This groups every pair that
blocking compares by its levels and, knowing the truth, links the groups in order of their
true share of matches: the best pairwise F1 any classifier over these levels could reach
(the ceiling), beside the model's own pairwise precision, recall and F1 at its cut-off.
A model far below the ceiling is fitted badly; a ceiling below a target says the fields
do not hold the information, and no fit will reach it. The ceiling is optimistic (it is
fitted on the truth, and rare patterns count as certain), so it is an upper bound.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROLES = (
    "given_name",
    "family_name",
    "father_name",
    "birth_date",
    "sex",
    "nationality",
    "phone",
    "document_number",
)


def ceiling(path: Path, cut: float) -> dict[str, float]:
    import pyarrow as pa

    from waypoint.linkage import engine
    from waypoint.linkage.outcome import weight_of

    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    mapped = [{role: row.get(role, "") for role in ROLES} for row in rows]
    truth = [row["person_id"] for row in rows]
    features = engine._feature_table(mapped, ())
    with engine._database(len(rows)) as connection:
        model, shift, table = engine._scored(
            connection, features, None, text_count=0, with_levels=True
        )
        gammas = ", ".join(
            f'"gamma_{comparison["output_column_name"]}"' for comparison in model["comparisons"]
        )
        connection.register(
            "waypoint_truth", pa.table({"unique_id": range(len(truth)), "person": truth})
        )
        patterns = connection.execute(
            f"SELECT {gammas}, count(*), count(*) FILTER (WHERE l.person = r.person), "  # noqa: S608
            f"count(*) FILTER (WHERE match_weight + ? >= ?), "
            f"count(*) FILTER (WHERE match_weight + ? >= ? AND l.person = r.person) "
            f"FROM {table} AS p "
            "JOIN waypoint_truth AS l ON p.unique_id_l = l.unique_id "
            "JOIN waypoint_truth AS r ON p.unique_id_r = r.unique_id GROUP BY ALL",
            [shift, weight_of(cut), shift, weight_of(cut)],
        ).fetchall()
    sizes = Counter(truth)
    true_pairs = sum(size * (size - 1) // 2 for size in sizes.values())
    counts = [(int(row[-4]), int(row[-3])) for row in patterns]
    compared_true = sum(true for _, true in counts)
    best = linked = found = 0.0
    for pairs, true in sorted(counts, key=lambda count: -count[1] / count[0]):
        linked += pairs
        found += true
        best = max(best, 2 * found / (linked + true_pairs))
    model_linked = sum(int(row[-2]) for row in patterns)
    model_found = sum(int(row[-1]) for row in patterns)
    precision = model_found / model_linked if model_linked else 1.0
    recall = model_found / true_pairs if true_pairs else 1.0
    return {
        "records": len(rows),
        "true_pairs": true_pairs,
        "pairs_completeness": compared_true / true_pairs if true_pairs else 1.0,
        "patterns": len(counts),
        "ceiling_f1": best,
        "model_precision": precision,
        "model_recall": recall,
        "model_f1": 2 * precision * recall / (precision + recall) if model_found else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--csv", type=Path, help="a registry written by independent_registry.py")
    parser.add_argument("--cut", type=float, default=0.5, help="the model's cut-off")
    arguments = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waypoint.settings")
    django.setup()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="waypoint-ceiling-") as directory:
        path = arguments.csv
        if path is None:
            subprocess.run(
                [
                    sys.executable,
                    str(Path(__file__).resolve().parent / "independent_registry.py"),
                    f"--people={arguments.people}",
                    f"--seed={arguments.seed}",
                    f"--output={directory}",
                ],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            path = Path(directory) / "registry.csv"
        found = ceiling(path, arguments.cut)
    source = arguments.csv or (
        f"independent_registry.py --people {arguments.people} --seed {arguments.seed}"
    )
    print(f"{source}: {found['records']:,} records, {found['true_pairs']:,} true pairs")
    print(
        f"pairs-completeness {found['pairs_completeness']:.4f}; "
        f"{found['patterns']:,} patterns of levels among the compared pairs"
    )
    print(f"ceiling: best pairwise F1 over the patterns {found['ceiling_f1']:.4f}")
    print(
        f"model at cut-off {arguments.cut}: pairwise precision {found['model_precision']:.4f}, "
        f"recall {found['model_recall']:.4f}, F1 {found['model_f1']:.4f}"
    )
    print(f"wall {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
