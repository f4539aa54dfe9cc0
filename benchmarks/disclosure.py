"""How fast ``disclosure.protect`` protects the largest published table, and what the
complementary step buys.

    uv run python benchmarks/disclosure.py [--rows 40] [--columns 30] [--groups 4] [--seed 1]

Builds a seeded table of counts (negative binomial: many zeros and small cells, a few large
ones) with row groups (cantons of municipality rows), times ``protect`` (median of 5 runs),
and checks with ``intervals`` that every hidden figure is at least 5 wide. Then protects the
same table with primary suppression only (``min_interval=0``: small figures hidden, nothing
else) and counts the hidden figures a reader recovers exactly from the totals.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from waypoint.reports.disclosure import Protected, Rules, Table, intervals, protect


def realistic_table(rows: int, columns: int, groups: int, seed: int) -> Table:
    """Municipalities x nationality-like columns; rows dealt into ``groups`` cantons."""
    rng = np.random.default_rng(seed)
    # Column and row sizes vary (a few large nationalities and municipalities, a long tail).
    scale = np.outer(rng.gamma(1.0, 1.0, rows), rng.gamma(0.8, 1.0, columns)) * 12
    counts = rng.negative_binomial(1, 1 / (1 + scale))
    bounds = np.linspace(0, rows, groups + 1).astype(int)
    return Table(
        name="benchmark",
        row_labels=tuple(f"municipality {r}" for r in range(rows)),
        column_labels=tuple(f"nationality {c}" for c in range(columns)),
        cells=tuple(tuple(int(v) for v in row) for row in counts),
        row_groups=tuple(
            (f"canton {g}", tuple(range(bounds[g], bounds[g + 1]))) for g in range(groups)
        ),
    )


def statuses(protected: Protected) -> dict[str, int]:
    items = [item for row in protected.cells for item in row]
    items += [*protected.row_totals, *protected.column_totals, protected.total]
    items += [item for row in protected.group_cells for item in row]
    items += list(protected.group_totals)
    return {s: sum(i.status == s for i in items) for s in ("small", "complementary")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=40)
    parser.add_argument("--columns", type=int, default=30)
    parser.add_argument("--groups", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    table = realistic_table(arguments.rows, arguments.columns, arguments.groups, arguments.seed)
    cells = np.array(table.cells)
    seconds = []
    for _run in range(5):
        started = time.perf_counter()
        protected = protect(table)
        seconds.append(time.perf_counter() - started)
    found = statuses(protected)
    started = time.perf_counter()
    widths = [high - low for low, high in intervals(protected).values()]
    checking = time.perf_counter() - started
    small, zero = int(((cells > 0) & (cells < 5)).sum()), int((cells == 0).sum())
    print(f"table: {cells.shape[0]} x {cells.shape[1]}, {len(table.row_groups)} row groups")
    print(f"cells: {cells.size} ({small} small, {zero} zero)")
    print(f"hidden small: {found['small']}, hidden complementary: {found['complementary']}")
    print(f"protect: {statistics.median(seconds):.3f} s (median of 5)")
    print(
        f"every interval >= 5 wide: {all(w >= 5 for w in widths)} "
        f"(narrowest {min(widths):g}; intervals took {checking:.1f} s)"
    )
    primary_only = protect(table, Rules(min_interval=0))
    exact = [w for w in (high - low for low, high in intervals(primary_only).values()) if w == 0]
    print(
        f"primary suppression only: {primary_only.hidden_count()} hidden, "
        f"{len(exact)} of them recovered exactly (interval width 0)"
    )


if __name__ == "__main__":
    main()
