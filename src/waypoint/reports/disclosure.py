"""Statistical disclosure control for published count tables, as plain functions.

A published figure about migrants must never expose a small group. ``protect`` takes an exact
count table and decides what a release shows: small cells and small aggregates are hidden
("<5"), more cells are hidden ("x") until linear programming confirms that no hidden figure can
be narrowed below ``Rules.min_interval`` from what is shown, and shown values are optionally
rounded. ``intervals`` is the independent check: what a reader can work out from a release.
``collapse_categories`` coarsens columns so that being in a row does not reveal an attribute.

Every published figure is an *item*: an interior cell, or an aggregate (a row, column, group or
grand total) that is the sum of a set of interior cells. A reader who sees a release knows that
the interior cells are non-negative, that shown cells have their shown values and that shown
aggregates equal the sums of their cells; the interval of a hidden item is its minimum and
maximum over all tables consistent with that (a linear programme).

No Django and no database: services build ``Table``s from queries and render ``Protected``.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse
from scipy.optimize import linprog
from scipy.sparse.csgraph import connected_components

Floats = npt.NDArray[np.float64]
Flags = npt.NDArray[np.bool_]
Indexes = npt.NDArray[np.intp]

SHOWN, SMALL, COMPLEMENTARY = "shown", "small", "complementary"
RULE_KEYS = ("primary", "complementary", "rounding", "collapsed", "differencing")
# LP optima are floats; counts are integers, so anything closer than this is equal.
_TOLERANCE = 1e-6
# Below this many unsettled items, each gets its own min and max LP rather than more rounds
# of random objectives.
_DEDICATED = 4


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
        return sum(item.value is None for item in _flatten(self))


# --- The table as items and identities ---------------------------------------------------


@dataclass(frozen=True)
class _Layout:
    """Every figure of a table as an item: interior cells first (row-major), then row totals,
    column totals, the grand total, then per row group its cells and its total.

    ``relations`` are the published identities, each ``[whole, *parts]`` with
    whole = sum(parts): a row total and its cells, the grand total and the row totals, a
    group's column subtotal and its cells, a column total and the group subtotals plus the
    ungrouped cells, and so on. They guide which figure to hide; the LP uses ``items``.
    """

    cell_count: int
    items: sparse.csr_matrix  # item x interior cell: 1 where the cell counts in the item
    keys: tuple[tuple[str, ...], ...]
    relations: tuple[Indexes, ...]
    relations_of: tuple[tuple[int, ...], ...]

    @property
    def empty(self) -> Flags:
        """Aggregates of no cells (an empty group): 0 to anyone, so hiding them is no use."""
        return np.diff(self.items.indptr) == 0


def _keys(table: Table) -> list[tuple[str, ...]]:
    """The ``intervals`` key of every item, in item order."""
    keys: list[tuple[str, ...]] = [
        ("cell", r, c) for r in table.row_labels for c in table.column_labels
    ]
    keys += [("row_total", r) for r in table.row_labels]
    keys += [("column_total", c) for c in table.column_labels]
    keys.append(("total",))
    for group, _rows in table.row_groups:
        keys += [("group", group, c) for c in table.column_labels]
        keys.append(("group_total", group))
    return keys


def _layout(table: Table) -> _Layout:
    rows, columns = len(table.row_labels), len(table.column_labels)
    cells = rows * columns
    total = cells + rows + columns
    row_sets = [frozenset(group_rows) for _label, group_rows in table.row_groups]

    def cell(r: int, c: int) -> int:
        return r * columns + c

    def group_cell(g: int, c: int) -> int:  # c == columns: the group's total
        return total + 1 + g * (columns + 1) + c

    members = [[k] for k in range(cells)]
    members += [[cell(r, c) for c in range(columns)] for r in range(rows)]
    members += [[cell(r, c) for r in range(rows)] for c in range(columns)]
    members.append(list(range(cells)))
    for group_rows in row_sets:
        members += [[cell(r, c) for r in sorted(group_rows)] for c in range(columns)]
        members.append([cell(r, c) for r in sorted(group_rows) for c in range(columns)])

    relations = [[cells + r] + [cell(r, c) for c in range(columns)] for r in range(rows)]
    relations += [[cells + rows + c] + [cell(r, c) for r in range(rows)] for c in range(columns)]
    relations.append([total, *range(cells, cells + rows)])
    relations.append([total, *range(cells + rows, total)])
    for g, group_rows in enumerate(row_sets):
        ordered = sorted(group_rows)
        relations += [[group_cell(g, c)] + [cell(r, c) for r in ordered] for c in range(columns)]
        relations.append([group_cell(g, columns)] + [group_cell(g, c) for c in range(columns)])
        relations.append([group_cell(g, columns)] + [cells + r for r in ordered])

    # The whole table and each group as a group inside it plus the rows left over (an entity
    # and its cantons), and as its largest groups plus the rest when those do not overlap
    # (the country and its cantons). Equal row sets count the later group as inside the
    # earlier one, so no identity is its own justification.
    def inside(g: int, h: int | None) -> bool:
        return h is None or row_sets[g] < row_sets[h] or (row_sets[g] == row_sets[h] and g > h)

    for h in [None, *range(len(row_sets))]:
        children = [g for g in range(len(row_sets)) if g != h and inside(g, h)]
        largest = [g for g in children if not any(inside(g, o) for o in children if o != g)]
        families = [[g] for g in children]
        if len(largest) > 1 and sum(map(len, (row_sets[g] for g in largest))) == len(
            frozenset().union(*(row_sets[g] for g in largest))
        ):
            families.append(largest)
        container = frozenset(range(rows)) if h is None else row_sets[h]
        for family in families:
            rest = sorted(container.difference(*(row_sets[g] for g in family)))
            for c in range(columns):
                whole = cells + rows + c if h is None else group_cell(h, c)
                parts = [group_cell(g, c) for g in family] + [cell(r, c) for r in rest]
                relations.append([whole, *parts])
            whole = total if h is None else group_cell(h, columns)
            parts = [group_cell(g, columns) for g in family] + [cells + r for r in rest]
            relations.append([whole, *parts])

    relations = [relation for relation in relations if len(relation) > 1]
    relations_of: list[list[int]] = [[] for _ in members]
    for index, relation in enumerate(relations):
        for item in relation:
            relations_of[item].append(index)
    matrix = sparse.csr_matrix(
        (
            np.ones(sum(map(len, members))),
            (
                np.repeat(np.arange(len(members)), [len(m) for m in members]),
                np.concatenate([np.asarray(m, dtype=np.intp) for m in members]),
            ),
        ),
        shape=(len(members), cells),
    )
    return _Layout(
        cell_count=cells,
        items=matrix,
        keys=tuple(_keys(table)),
        relations=tuple(np.asarray(relation, dtype=np.intp) for relation in relations),
        relations_of=tuple(tuple(r) for r in relations_of),
    )


def _flatten(protected: Protected) -> list[Shown]:
    """The released figures in item order."""
    items = [item for row in protected.cells for item in row]
    items += [*protected.row_totals, *protected.column_totals, protected.total]
    for cells, group_total in zip(protected.group_cells, protected.group_totals, strict=True):
        items += [*cells, group_total]
    return items


# --- What a reader can deduce -----------------------------------------------------------


class _Reader:
    """The interior tables consistent with a release: free cells within their bounds, every
    published aggregate within its bounds, every other cell fixed. Split into independent
    components (hidden cells linked by published aggregates) so each LP stays small."""

    def __init__(
        self,
        layout: _Layout,
        base: Floats,
        lower: Floats,
        upper: Floats,
        published: Flags,
    ) -> None:
        """``lower``/``upper`` bound every item (cells and aggregates); ``published`` marks the
        aggregates a reader sees; ``base`` is one full table inside the set (the exact one)."""
        n = layout.cell_count
        self.layout, self.base = layout, base
        fixed = lower[:n] == upper[:n]
        self.free = np.flatnonzero(~fixed)
        exact = np.concatenate([fixed, published[n:] & (lower[n:] == upper[n:])])
        # A whole whose parts are all known exactly adds nothing to its parts' equations (the
        # grand total when every row total is shown); dropping it splits the components.
        used = published.copy()
        used[:n] = False
        for relation in layout.relations:
            if exact[relation].all():
                used[relation[0]] = False
        aggregates = np.flatnonzero(used)
        members = layout.items[aggregates]
        constant = members[:, np.flatnonzero(fixed)] @ lower[:n][fixed]
        matrix = members[:, self.free].tocsr()
        keep = np.diff(matrix.indptr) > 0
        self.matrix = matrix[keep]
        self.row_lower = (lower[aggregates] - constant)[keep]
        self.row_upper = (upper[aggregates] - constant)[keep]
        self.lower, self.upper = lower[:n][~fixed], upper[:n][~fixed]
        self.weights = layout.items[:, self.free].tocsr()
        self.constant = layout.items[:, np.flatnonzero(fixed)] @ lower[:n][fixed]
        free_count, row_count = len(self.free), self.matrix.shape[0]
        if row_count:
            graph = sparse.bmat([[None, self.matrix.T], [self.matrix, None]])
            _count, labels = connected_components(graph, directed=False)
        else:
            labels = np.arange(free_count)
        self.component, self.row_component = labels[:free_count], labels[free_count:]
        self._parts: dict[int, tuple[Indexes, dict[str, object]]] = {}

    def _part(self, component: int) -> tuple[Indexes, dict[str, object]]:
        if component not in self._parts:
            variables = np.flatnonzero(self.component == component)
            rows = np.flatnonzero(self.row_component == component)
            sub = self.matrix[rows][:, variables]
            low, high = self.row_lower[rows], self.row_upper[rows]
            equal = low == high
            ranged = ~equal
            arguments: dict[str, object] = {
                "bounds": np.column_stack([self.lower[variables], self.upper[variables]])
            }
            if equal.any():
                arguments |= {"A_eq": sub[equal], "b_eq": low[equal]}
            if ranged.any():
                arguments |= {
                    "A_ub": sparse.vstack([sub[ranged], -sub[ranged]]),
                    "b_ub": np.concatenate([high[ranged], -low[ranged]]),
                }
            self._parts[component] = (variables, arguments)
        return self._parts[component]

    def optimise(self, weights: Floats, *, maximise: bool) -> tuple[float, Floats]:
        """The optimum of weights . x over the free cells (inf when unbounded), and a full
        table inside the set that attains it (unbounded components stay at ``base``)."""
        point = self.base.copy()
        best = 0.0
        for component in np.unique(self.component[weights != 0]):
            variables, arguments = self._part(int(component))
            objective = weights[variables]
            result = linprog(-objective if maximise else objective, method="highs", **arguments)
            if result.status == 3:
                best += np.inf if maximise else -np.inf
                continue
            if result.status != 0:
                raise RuntimeError(f"disclosure LP failed: {result.message}")
            point[self.free[variables]] = result.x
            best += float(objective @ result.x)
        return best, point

    def interval(self, item: int) -> tuple[float, float]:
        """The least and greatest value ``item`` can take."""
        weights = self.weights[item].toarray().ravel()
        low, _point = self.optimise(weights, maximise=False)
        high, _point = self.optimise(weights, maximise=True)
        return low + self.constant[item], high + self.constant[item]


def _exact_reader(layout: _Layout, values: npt.NDArray[np.int64], hidden: Flags) -> _Reader:
    """What a reader deduces when every shown figure is exact."""
    exact = values.astype(np.float64)
    lower, upper = exact.copy(), exact.copy()
    lower[hidden], upper[hidden] = 0.0, np.inf
    return _Reader(layout, exact[: layout.cell_count], lower, upper, ~hidden)


def _rounded(value: int, base: int) -> int:
    """Nearest multiple of base, halves up: 12 -> 10, 13 -> 15 (base 5), 15 -> 20 (base 10)."""
    return (2 * value + base) // (2 * base) * base


def intervals(protected: Protected) -> dict[tuple[str, ...], tuple[float, float]]:
    """For every hidden figure, the least and greatest value a reader can work out from the
    release by linear programming, keyed ("cell", row, column), ("row_total", row),
    ("column_total", column), ("total",), ("group", group, column), ("group_total", group).

    The reader knows interior cells are non-negative and every shown figure. A rounded figure
    r stands for the integers that round to r; since small figures are never shown, it is 0
    or at least the threshold. What a mark says ("<5" means 1 to 4) is not used: the interval
    is what the numbers give away. An unbounded maximum is ``inf``.
    """
    table, rules = protected.table, protected.rules
    layout = _layout(table)
    released = _flatten(protected)
    hidden = np.array([item.value is None for item in released], dtype=bool)
    shown = np.array([item.value or 0 for item in released], dtype=np.float64)
    lower, upper = shown.copy(), shown.copy()
    base = rules.round_base or 1
    if base > 1:
        lower = np.maximum(shown - base // 2, 0.0)
        upper = shown + (base + 1) // 2 - 1
        lower[shown > 0] = np.maximum(lower[shown > 0], rules.threshold)
        if (base + 1) // 2 - 1 < rules.threshold:
            upper[shown == 0] = 0.0
    lower[hidden], upper[hidden] = 0.0, np.inf
    exact = np.array([value for row in table.cells for value in row], dtype=np.float64)
    reader = _Reader(layout, exact, lower, upper, ~hidden)
    found = {}
    for item in np.flatnonzero(hidden):
        low, high = reader.interval(int(item))
        found[layout.keys[item]] = (_snap(low), _snap(high))
    return found


def _snap(value: float) -> float:
    if not np.isfinite(value) or abs(value - round(value)) >= _TOLERANCE:
        return value
    return float(round(value))


# --- Choosing what to hide ----------------------------------------------------------------


class _Suppression:
    """The hidden items while ``protect`` works, and how many are hidden in each identity."""

    def __init__(self, layout: _Layout, values: npt.NDArray[np.int64], hidden: Flags) -> None:
        self.layout, self.values = layout, values
        self.hidden = hidden.copy()
        self.hideable = ~layout.empty
        self.count = np.array([int(hidden[r].sum()) for r in layout.relations], dtype=np.intp)

    def hide(self, item: int) -> None:
        self.hidden[item] = True
        for relation in self.layout.relations_of[item]:
            self.count[relation] += 1

    def _preference(self, item: int) -> tuple[bool, int, int, int]:
        exposed = sum(1 for r in self.layout.relations_of[item] if self.count[r] == 0)
        return (item >= self.layout.cell_count, exposed, int(self.values[item]), item)

    def candidate_in(self, relation: int) -> int | None:
        """The figure of an identity to hide next: positive before zero (a hidden 0 protects
        little), cells before aggregates (totals matter most to readers), then the one that
        leaves fewest identities with a lone hidden figure (each would need a partner of its
        own: this is what makes rectangles), then the smallest, then the first."""
        members = self.layout.relations[relation]
        unhidden = members[~self.hidden[members] & self.hideable[members]]
        positive = unhidden[self.values[unhidden] > 0]
        pool = (positive if positive.size else unhidden).tolist()
        return min(pool, key=self._preference) if pool else None

    def pair_lines(self) -> None:
        """Give every identity with exactly one hidden figure a second one: a lone hidden
        figure is the whole minus the shown parts, exactly."""
        queue = deque(np.flatnonzero(self.count == 1).tolist())
        while queue:
            relation = queue.popleft()
            candidate = self.candidate_in(relation) if self.count[relation] == 1 else None
            if candidate is not None:
                self.hide(candidate)
                queue.extend(r for r in self.layout.relations_of[candidate] if self.count[r] == 1)

    def widening(self, item: int) -> int | None:
        """The figure to hide so that ``item``'s interval widens, None if there is none.

        A part of a shown whole is at most the identity's hidden mass (the exact sum of its
        hidden parts), so the identity with the least hidden mass is the bottleneck: hide a
        positive candidate there. If no identity of ``item`` has a candidate, look further
        through the identities of the hidden figures met so far."""
        relations = self.layout.relations
        frontier, met_items, met_relations = [item], {item}, set()
        while frontier:
            options = []
            reached = []
            for source in frontier:
                for relation in self.layout.relations_of[source]:
                    if relation in met_relations:
                        continue
                    met_relations.add(relation)
                    reached.append(relation)
                    candidate = self.candidate_in(relation)
                    if candidate is None:
                        continue
                    whole, parts = relations[relation][0], relations[relation][1:]
                    mass = int(self.values[parts][self.hidden[parts]].sum())
                    if self.hidden[whole] and whole != source:
                        mass += int(self.values[whole])
                    zero = bool(self.values[candidate] == 0)
                    options.append((zero, mass, self._preference(candidate), candidate))
            if options:
                return min(options)[-1]
            frontier = [
                j
                for r in reached
                for j in relations[r].tolist()
                if self.hidden[j] and j not in met_items
            ]
            met_items.update(frontier)
        return None


def _narrow(
    reader: _Reader,
    items: list[int],
    minimum: int,
    seen_low: Floats,
    seen_high: Floats,
    rng: np.random.Generator,
) -> dict[int, float]:
    """The items whose interval is narrower than ``minimum``, with its width.

    ``seen_low``/``seen_high`` hold the range each item takes over feasible tables found so
    far, and are updated. Hiding more only widens intervals, so a range once wide stays wide:
    most items are settled by a few LPs with random objectives over the unsettled ones, and
    only the rest get their own minimum and maximum.
    """

    def record(point: Floats) -> None:
        values = reader.layout.items @ point
        np.minimum(seen_low, values, out=seen_low)
        np.maximum(seen_high, values, out=seen_high)

    def unsettled(candidates: list[int]) -> list[int]:
        return [i for i in candidates if seen_high[i] - seen_low[i] < minimum - _TOLERANCE]

    pending, stalls = unsettled(items), 0
    while len(pending) > _DEDICATED and stalls < 2:
        signs = rng.choice([-1.0, 1.0], size=len(pending)) * rng.uniform(0.5, 1.5, len(pending))
        weights = np.asarray(reader.weights[pending].T @ signs).ravel()
        record(reader.optimise(weights, maximise=False)[1])
        still = unsettled(pending)
        stalls = stalls + 1 if len(still) > 0.9 * len(pending) else 0
        pending = still
    narrow = {}
    for item in pending:
        weights = reader.weights[item].toarray().ravel()
        bounds = []
        for maximise in (True, False):
            if seen_high[item] - seen_low[item] >= minimum - _TOLERANCE:
                break
            optimum, point = reader.optimise(weights, maximise=maximise)
            bounds.append(optimum)
            record(point)
        if len(bounds) == 2 and bounds[0] - bounds[1] < minimum - _TOLERANCE:
            narrow[item] = bounds[0] - bounds[1]
    return narrow


def _complementary(
    layout: _Layout, values: npt.NDArray[np.int64], primary: Flags, minimum: int
) -> Flags:
    """The hidden items once every hidden item's interval is at least ``minimum`` wide, or
    nothing more can be hidden around it."""
    state = _Suppression(layout, values, primary)
    if minimum <= 0 or not primary.any():
        return state.hidden
    state.pair_lines()
    seen_low = values.astype(np.float64)
    seen_high = seen_low.copy()
    rng = np.random.default_rng(0)  # only speeds the search; the result does not depend on it
    to_check = np.flatnonzero(state.hidden).tolist()
    while to_check:
        narrow = _narrow(
            _exact_reader(layout, values, state.hidden), to_check, minimum, seen_low, seen_high, rng
        )
        before = state.hidden.copy()
        touched: set[int] = set()
        for item in sorted(narrow, key=lambda i: (narrow[i], i)):
            # One widening per identity per round: it may be enough for the others there too.
            if touched.intersection(layout.relations_of[item]):
                continue
            candidate = state.widening(item)
            if candidate is not None:
                state.hide(candidate)
                touched.update(layout.relations_of[candidate])
        state.pair_lines()
        added = np.flatnonzero(state.hidden & ~before).tolist()
        if not added:
            break
        to_check = sorted(set(narrow) | set(added))
    return state.hidden


def protect(
    table: Table, rules: Rules = STANDARD, *, previous: Protected | None = None
) -> Protected:
    """What may be released of ``table``.

    Callers can rely on: no shown figure (cell, total, subtotal) is between 1 and
    threshold - 1; every hidden figure's interval from ``intervals`` is at least
    ``min_interval`` wide unless everything it could hide behind is hidden too; zeros are
    shown; without rounding every shown value is exact, with it every shown value is a
    multiple of ``round_base``. Small figures read "<threshold" (status "small"); a figure
    that differs by 1 to threshold - 1 from what ``previous`` showed (matched by labels) is
    hidden as primary too, marked "x" since it is not itself small (status "small"); figures
    hidden to protect others read "x" (status "complementary").
    """
    layout = _layout(table)
    cells = np.array([value for row in table.cells for value in row], dtype=np.float64)
    values = np.rint(layout.items @ cells).astype(np.int64)
    small = (values >= 1) & (values < rules.threshold)
    changed = np.zeros_like(small)
    if previous is not None:
        earlier = {
            key: item.value
            for key, item in zip(_keys(previous.table), _flatten(previous), strict=True)
            if item.value is not None
        }
        for index, key in enumerate(layout.keys):
            if key in earlier and 1 <= abs(int(values[index]) - earlier[key]) < rules.threshold:
                changed[index] = True
        changed &= ~small & ~layout.empty
    hidden = _complementary(layout, values, small | changed, rules.min_interval)
    base = rules.round_base if rules.round_base and rules.round_base > 1 else None
    released = []
    for index, value in enumerate(values.tolist()):
        if small[index]:
            released.append(Shown(None, f"<{rules.threshold}", SMALL))
        elif changed[index]:
            released.append(Shown(None, "x", SMALL))
        elif hidden[index]:
            released.append(Shown(None, "x", COMPLEMENTARY))
        else:
            shown = _rounded(value, base) if base else value
            released.append(Shown(shown, str(shown), SHOWN))
    applied = {
        "primary": bool(small.any()),
        "complementary": bool((hidden & ~small & ~changed).any()),
        "rounding": base is not None,
        "collapsed": bool(table.merged_columns),
        "differencing": bool(changed.any()),
    }
    return _assemble(table, released, rules, tuple(key for key in RULE_KEYS if applied[key]))


def _assemble(
    table: Table, released: list[Shown], rules: Rules, applied: tuple[str, ...]
) -> Protected:
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


# --- Attribute disclosure -----------------------------------------------------------------


def collapse_categories(table: Table, *, sensitive_columns: bool = True) -> Table:
    """``table`` with columns merged so that no row reveals its people's category.

    When everyone counted in a row falls in one column (every resident of a centre has the
    same vulnerability), knowing that someone is in the row tells their category, however
    large the count. While some row with a positive total has all of it in one column that
    is a single original category, that column (the smallest column total among such, the
    first on ties) is merged with the neighbour beside it with the smaller total (the left
    one on ties) into "A / B", in column order. A row all in a merged column tells only
    that its people are in one of those categories, which is accepted. It stops there or at
    one column. Rows and row groups are unchanged; ``merged_columns`` records each merged
    label's original labels, and ``protect`` then records "collapsed".

    ``sensitive_columns=False`` says the columns are no sensitive attribute (nothing is
    disclosed by them): the table comes back unchanged, as it does when nothing is revealed.
    """
    if not sensitive_columns:
        return table
    earlier = dict(table.merged_columns)
    labels = list(table.column_labels)
    origins = [earlier.get(label, (label,)) for label in labels]
    columns = [[row[c] for row in table.cells] for c in range(len(labels))]
    row_totals = [sum(row) for row in table.cells]
    merged = False
    while len(columns) > 1:
        revealing = [
            c
            for c, column in enumerate(columns)
            if len(origins[c]) == 1
            and any(
                total > 0 and value == total
                for value, total in zip(column, row_totals, strict=True)
            )
        ]
        if not revealing:
            break
        column = min(revealing, key=lambda c: (sum(columns[c]), c))
        beside = [c for c in (column - 1, column + 1) if 0 <= c < len(columns)]
        other = min(beside, key=lambda c: (sum(columns[c]), c))
        left, right = sorted((column, other))
        labels[left] = f"{labels[left]} / {labels[right]}"
        origins[left] += origins[right]
        columns[left] = [a + b for a, b in zip(columns[left], columns[right], strict=True)]
        del labels[right], origins[right], columns[right]
        merged = True
    if not merged:
        return table
    return Table(
        name=table.name,
        row_labels=table.row_labels,
        column_labels=tuple(labels),
        cells=tuple(zip(*columns, strict=True)) if table.row_labels else (),
        row_groups=table.row_groups,
        merged_columns=tuple(
            (label, origin)
            for label, origin in zip(labels, origins, strict=True)
            if len(origin) > 1
        ),
    )
