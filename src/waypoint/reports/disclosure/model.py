"""What goes in and comes out: rules, exact tables, released figures, links between tables."""

from __future__ import annotations

from dataclasses import dataclass

SHOWN, SMALL, COMPLEMENTARY = "shown", "small", "complementary"
RULE_KEYS = ("primary", "complementary", "rounding", "collapsed", "differencing")

# A figure of a table, as ``intervals`` keys it: ("cell", row, column), ("row_total", row),
# ("column_total", column), ("total",), ("group", group, column), ("group_total", group).
Key = tuple[str, ...]


@dataclass(frozen=True)
class Rules:
    """How a table is protected. Sensitive tables (unaccompanied children, trafficking,
    gender-based violence, medical, AVRR by nationality) use ``SENSITIVE``."""

    threshold: int = 5  # a figure with 1 <= value < threshold is small ("primary")
    min_interval: int = 5  # every hidden figure's feasible interval is at least this wide
    round_base: int | None = None  # e.g. 5 (Eurostat asylum rule); None: no rounding

    def __post_init__(self) -> None:
        if self.threshold < 1 or self.min_interval < 0:
            raise ValueError("threshold must be at least 1 and min_interval at least 0")
        if self.round_base is not None and self.round_base < 1:
            raise ValueError("round_base must be at least 1")


STANDARD = Rules()
SENSITIVE = Rules(threshold=10)


@dataclass(frozen=True)
class Table:
    """A count table: interior cells plus published aggregates (sums of interior cells).

    The aggregates are each row total, each column total, the grand total, and for every row
    group its subtotal per column and overall. ``merged_columns`` lists, for columns made by
    ``collapse_categories``, the merged label and the original labels.
    """

    name: str
    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    cells: tuple[tuple[int, ...], ...]
    row_groups: tuple[tuple[str, tuple[int, ...]], ...] = ()
    merged_columns: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def __post_init__(self) -> None:
        # Labels are how releases are matched and intervals are keyed, so they must be unique.
        for labels in (self.row_labels, self.column_labels, [g for g, _ in self.row_groups]):
            if len(set(labels)) != len(labels):
                raise ValueError(f"{self.name}: duplicate labels {labels}")
        if len(self.cells) != len(self.row_labels) or any(
            len(row) != len(self.column_labels) for row in self.cells
        ):
            raise ValueError(f"{self.name}: cells are not rows x columns")
        if any(value < 0 for row in self.cells for value in row):
            raise ValueError(f"{self.name}: negative count")
        for label, rows in self.row_groups:
            if len(set(rows)) != len(rows) or any(not 0 <= r < len(self.row_labels) for r in rows):
                raise ValueError(f"{self.name}: row group {label} has bad row indexes")


@dataclass(frozen=True)
class Shown:
    """One published figure as a reader sees it."""

    value: int | None  # the published number (rounded if rounding applies); None when hidden
    text: str  # "12", "<5" (small), "x" (hidden to protect another figure), "0"
    status: str  # "shown", "small", "complementary"


@dataclass(frozen=True)
class Protected:
    """A table as it may be released. ``table`` is the exact table and is never published."""

    table: Table
    cells: tuple[tuple[Shown, ...], ...]
    row_totals: tuple[Shown, ...]
    column_totals: tuple[Shown, ...]
    total: Shown
    group_cells: tuple[tuple[Shown, ...], ...]  # per row group, per column
    group_totals: tuple[Shown, ...]
    rules: Rules
    rules_applied: tuple[str, ...]  # keys from RULE_KEYS, in that order

    def hidden_count(self) -> int:
        """How many figures (cells and aggregates) are hidden."""
        return sum(item.value is None for item in flatten(self))


@dataclass(frozen=True)
class Link:
    """Two figures of two tables (or of one) that are the same number: a centre's "inside"
    cell in the places table and the centre's row total in the sex and age table. Tables are
    named by their keys in the mappings given to ``protect_linked`` and ``intervals_linked``;
    figures by their ``Key``."""

    left_table: str
    left: Key
    right_table: str
    right: Key


# --- Figures in item order ----------------------------------------------------------------
# Every figure of a table is an *item*: interior cells first (row-major), then row totals,
# column totals, the grand total, then per row group its cells and its total.


def item_keys(table: Table) -> list[Key]:
    """The key of every item of ``table``, in item order."""
    keys: list[Key] = [("cell", r, c) for r in table.row_labels for c in table.column_labels]
    keys += [("row_total", r) for r in table.row_labels]
    keys += [("column_total", c) for c in table.column_labels]
    keys.append(("total",))
    for group, _rows in table.row_groups:
        keys += [("group", group, c) for c in table.column_labels]
        keys.append(("group_total", group))
    return keys


def flatten(protected: Protected) -> list[Shown]:
    """The released figures in item order."""
    items = [item for row in protected.cells for item in row]
    items += [*protected.row_totals, *protected.column_totals, protected.total]
    for cells, group_total in zip(protected.group_cells, protected.group_totals, strict=True):
        items += [*cells, group_total]
    return items


def assemble(
    table: Table, released: list[Shown], rules: Rules, applied: tuple[str, ...]
) -> Protected:
    """A ``Protected`` from the released figures in item order."""
    rows, columns = len(table.row_labels), len(table.column_labels)
    cells = rows * columns
    groups = cells + rows + columns + 1
    group_items = [
        released[groups + g * (columns + 1) : groups + (g + 1) * (columns + 1)]
        for g in range(len(table.row_groups))
    ]
    return Protected(
        table=table,
        cells=tuple(tuple(released[r * columns : (r + 1) * columns]) for r in range(rows)),
        row_totals=tuple(released[cells : cells + rows]),
        column_totals=tuple(released[cells + rows : cells + rows + columns]),
        total=released[cells + rows + columns],
        group_cells=tuple(tuple(items[:columns]) for items in group_items),
        group_totals=tuple(items[columns] for items in group_items),
        rules=rules,
        rules_applied=applied,
    )
