"""How fast ``disclosure.protect`` protects the largest published table, and what the
complementary step buys; then the same for a round's linked tables and ``protect_linked``.

    uv run python benchmarks/disclosure.py [--rows 40] [--columns 30] [--groups 4] [--seed 1]

Builds a seeded table of counts (negative binomial: many zeros and small cells, a few large
ones) with row groups (cantons of municipality rows), times ``protect`` (median of 5 runs),
and checks with ``intervals`` that every hidden figure is at least 5 wide. Then protects the
same table with primary suppression only (``min_interval=0``: small figures hidden, nothing
else) and counts the hidden figures a reader recovers exactly from the totals.

Then builds a seeded presence round of four tables that share figures (places, centres by
sex and age, sex and age inside and outside, age bands) with the links between them, times
``protect_linked`` (median of 5) and checks with ``intervals_linked`` that every hidden figure
is at least 5 wide given all four tables. Then protects the same tables one by one with
``protect`` and counts the hidden figures the four tables read together give away.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from waypoint.reports.disclosure import (
    STANDARD,
    Link,
    Protected,
    Rules,
    Table,
    intervals,
    intervals_linked,
    protect,
    protect_linked,
)

SEX_AGE = ("men", "women", "boys", "girls", "unknown")
BANDS = ("0–4", "5–11", "12–17", "18–24", "25–34", "35–44", "45–59", "60+")
CHILD_BANDS = 3


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


def linked_round(seed: int) -> tuple[dict[str, Table], list[Link]]:
    """A presence round as published: 10 centres in 6 municipalities and people outside
    centres in 30 municipalities (40 place rows, with municipality, canton and entity
    groups), the centres by sex and age, sex and age inside and outside centres, and the age
    bands of people in centres by sex; linked as the round's tables are."""
    rng = np.random.default_rng(seed)
    municipalities = [f"M{m:02d}" for m in range(30)]
    # Entity 1 has 10 cantons; entity 2 none; the last municipality is a district of its own.
    canton = {m: f"C{i % 10}" for i, m in enumerate(municipalities[:20])}
    entity = {m: "E1" if i < 20 else "E2" if i < 29 else "E3" for i, m in enumerate(municipalities)}
    centres = [f"TRC-{c}" for c in range(10)]
    centre_place = {
        c: municipalities[[0, 0, 3, 5, 5, 8, 12, 21, 21, 24][i]] for i, c in enumerate(centres)
    }

    # People in each centre by sex and age: a few large centres, a few nearly empty.
    people = rng.negative_binomial(1, 1 / (1 + rng.gamma(1.0, 120.0, len(centres))))
    shares = [0.62, 0.1, 0.15, 0.08, 0.05]
    by_centre = np.array([rng.multinomial(int(n), shares) for n in people])
    outside_people = 1 + rng.negative_binomial(1, 1 / (1 + rng.gamma(1.0, 30.0, 30)))
    outside_sex_age = rng.multinomial(int(outside_people.sum()), [0.8, 0.05, 0.1, 0.03, 0.02])

    rows = sorted(
        [(centre_place[c], 0, c) for c in centres]
        + [(m, 1, f"outside:{m}") for m in municipalities]
    )
    inside = dict(zip(centres, by_centre.sum(axis=1).tolist(), strict=True))
    outside = dict(zip(municipalities, outside_people.tolist(), strict=True))
    groups: dict[str, list[int]] = {}
    for index, (place, _outside, _label) in enumerate(rows):
        for key in (place, canton.get(place), entity[place]):
            if key:
                groups.setdefault(key, []).append(index)
    places = Table(
        name="presence_places",
        row_labels=tuple(label for _place, _outside, label in rows),
        column_labels=("inside", "outside"),
        cells=tuple(
            (0, outside[place]) if is_outside else (inside[label], 0)
            for place, is_outside, label in rows
        ),
        row_groups=tuple((key, tuple(indexes)) for key, indexes in sorted(groups.items())),
    )
    centre_sex_age = Table(
        name="centre_sex_age",
        row_labels=tuple(centres),
        column_labels=SEX_AGE,
        cells=tuple(tuple(int(v) for v in row) for row in by_centre),
    )
    inside_sex_age = by_centre.sum(axis=0).tolist()
    sex_age = Table(
        name="presence_sex_age",
        row_labels=SEX_AGE,
        column_labels=("inside", "outside"),
        cells=tuple(zip(inside_sex_age, outside_sex_age.tolist(), strict=True)),
    )
    men, women, boys, girls, _unknown = inside_sex_age
    male = [
        *rng.multinomial(boys, [0.3, 0.3, 0.4]),
        *rng.multinomial(men, [0.3, 0.35, 0.2, 0.12, 0.03]),
    ]
    female = [
        *rng.multinomial(girls, [0.4, 0.35, 0.25]),
        *rng.multinomial(women, [0.25, 0.35, 0.2, 0.15, 0.05]),
    ]
    age_bands = Table(
        name="age_bands",
        row_labels=BANDS,
        column_labels=("M", "F"),
        cells=tuple((int(m), int(f)) for m, f in zip(male, female, strict=True)),
        row_groups=(
            ("children", tuple(range(CHILD_BANDS))),
            ("adults", tuple(range(CHILD_BANDS, len(BANDS)))),
        ),
    )
    tables = {table.name: table for table in (places, centre_sex_age, sex_age, age_bands)}

    links = [
        Link("presence_places", ("cell", c, "inside"), "centre_sex_age", ("row_total", c))
        for c in centres
    ]
    links += [
        Link("centre_sex_age", ("column_total", g), "presence_sex_age", ("cell", g, "inside"))
        for g in SEX_AGE
    ]
    links += [
        Link("centre_sex_age", ("column_total", g), "age_bands", ("group", group, sex))
        for g, group, sex in (
            ("men", "adults", "M"),
            ("women", "adults", "F"),
            ("boys", "children", "M"),
            ("girls", "children", "F"),
        )
    ]
    links += [
        Link(
            "presence_places",
            ("column_total", "inside"),
            "presence_sex_age",
            ("column_total", "inside"),
        ),
        Link("presence_places", ("column_total", "inside"), "centre_sex_age", ("total",)),
        Link(
            "presence_places",
            ("column_total", "outside"),
            "presence_sex_age",
            ("column_total", "outside"),
        ),
        Link("presence_places", ("total",), "presence_sex_age", ("total",)),
    ]
    return tables, links


def linked_benchmark(seed: int) -> None:
    tables, links = linked_round(seed)
    rules = dict.fromkeys(tables, STANDARD)
    places = tables["presence_places"]
    cells = sum(len(t.row_labels) * len(t.column_labels) for t in tables.values())
    print()
    print(
        f"linked round: {len(tables)} tables, {cells} interior cells, {len(links)} links "
        f"(places {len(places.row_labels)} rows, {len(places.row_groups)} row groups)"
    )
    seconds = []
    for _run in range(5):
        started = time.perf_counter()
        protected = protect_linked(tables, links, rules)
        seconds.append(time.perf_counter() - started)
    small = sum(statuses(p)["small"] for p in protected.values())
    extra = sum(statuses(p)["complementary"] for p in protected.values())
    print(f"hidden small: {small}, hidden complementary: {extra}")
    print(f"protect_linked: {statistics.median(seconds):.3f} s (median of 5)")
    widths = [high - low for low, high in intervals_linked(protected, links).values()]
    print(
        f"every joint interval >= 5 wide: {all(w >= 5 for w in widths)} "
        f"(narrowest {min(widths, default=float('inf')):g})"
    )
    alone = {name: protect(table, rules[name]) for name, table in tables.items()}
    own_widths = [
        high - low for release in alone.values() for low, high in intervals(release).values()
    ]
    joint_widths = list(intervals_linked(alone, links).values())
    narrowed = [high - low for low, high in joint_widths if high - low < 5]
    print(
        f"protected table by table: {sum(p.hidden_count() for p in alone.values())} hidden, "
        f"each table alone safe: {all(w >= 5 for w in own_widths)}; read together, "
        f"{len(narrowed)} narrower than 5, {sum(w == 0 for w in narrowed)} of them exactly known"
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
    linked_benchmark(arguments.seed)


if __name__ == "__main__":
    main()
