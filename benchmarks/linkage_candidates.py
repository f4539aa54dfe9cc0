"""How long ``score_candidates`` takes: one new record against 50 candidates.

    uv run python benchmarks/linkage_candidates.py
    uv run python benchmarks/linkage_candidates.py --people 10000 --calls 500

Trains a model on the synthetic population (the demo generator's people and their planted
second registrations), then scores records against 50 candidates each: the record's own
block (same first given-name skeleton) filled up with other records. Prints the time per
call (mean, median, 95th percentile; the first call, which compiles the model's SQL, on
its own) and checks the probabilities against ``score_pairs`` for the same pairs.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

CANDIDATES = 50


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=5_000)
    parser.add_argument("--calls", type=int, default=300)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waypoint.settings")
    import django

    django.setup()
    import csv

    from waypoint.demo.population import CSV_COLUMNS, population_write_csv
    from waypoint.linkage.engine import score_candidates, score_pairs, train
    from waypoint.linkage.features import ROLES, record_features

    # Every column of the generator's CSV that is a linkage role, as the registry passes.
    roles = [column for column in CSV_COLUMNS if column in ROLES]

    with tempfile.TemporaryDirectory(prefix="waypoint-candidates-") as directory:
        data, truth = Path(directory) / "people.csv", Path(directory) / "truth.csv"
        population_write_csv(people=args.people, seed=1, path=data, ground_truth_path=truth)
        with data.open(encoding="utf-8", newline="") as handle:
            rows = [{role: row[role] for role in roles} for row in csv.DictReader(handle)]

    started = time.perf_counter()
    model = train(rows)
    training = time.perf_counter() - started

    blocks: dict[str | None, list[int]] = {}
    for index, row in enumerate(rows):
        blocks.setdefault(record_features(row)["given_key1"], []).append(index)
    rng = random.Random(1)
    queries = rng.sample(range(len(rows)), min(args.calls, len(rows)))
    timings = []
    first_call = 0.0
    for number, index in enumerate(queries):
        block = [
            other for other in blocks[record_features(rows[index])["given_key1"]] if other != index
        ]
        chosen = rng.sample(block, min(len(block), CANDIDATES))
        while len(chosen) < CANDIDATES:
            chosen.append(rng.randrange(len(rows)))
        candidates = [rows[other] for other in chosen]
        ids = [str(other) for other in chosen]
        started = time.perf_counter()
        score_candidates(rows[index], candidates, candidate_ids=ids, model=model)
        elapsed = time.perf_counter() - started
        if number == 0:
            first_call = elapsed
        else:
            timings.append(elapsed)

    # The same probabilities as score_pairs, on the pairs of the largest block.
    block = max(blocks.values(), key=len)[:CANDIDATES]
    subset = [rows[other] for other in block]
    ids = [str(other) for other in block]
    pairs = {
        (pair.left_id, pair.right_id): pair.probability
        for pair in score_pairs(subset, ids=ids, threshold=0.0001, model=model)
    }
    worst = 0.0
    for position, left in enumerate(ids[:-1]):
        ranked = score_candidates(
            subset[position], subset[position + 1 :], candidate_ids=ids[position + 1 :], model=model
        )
        for pair in ranked:
            if (left, pair.right_id) in pairs:
                worst = max(worst, abs(pairs[(left, pair.right_id)] - pair.probability))

    milliseconds = sorted(t * 1000 for t in timings)
    print(f"\n{args.people:,} people, {len(rows):,} records; model trained in {training:.1f} s")
    print(f"score_candidates, 1 record against {CANDIDATES} candidates, {len(timings)} calls:")
    print(f"  first call (compiles the model): {first_call * 1000:.1f} ms")
    print(
        f"  mean {statistics.fmean(milliseconds):.1f} ms, "
        f"median {statistics.median(milliseconds):.1f} ms, "
        f"95th percentile {milliseconds[int(len(milliseconds) * 0.95) - 1]:.1f} ms"
    )
    print(f"  compared with score_pairs on {len(pairs)} pairs: largest difference {worst:.2e}")


if __name__ == "__main__":
    main()
