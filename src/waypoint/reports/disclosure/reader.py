"""What a reader can deduce from releases: the intervals of hidden figures, by LP."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt
from scipy import sparse
from scipy.optimize import linprog
from scipy.sparse.csgraph import connected_components

from waypoint.reports.disclosure.layout import Flags, Floats, Indexes, Layout, joint
from waypoint.reports.disclosure.model import Key, Link, Protected, flatten

# LP optima are floats; counts are integers, so anything closer than this is equal.
TOLERANCE = 1e-6


class Reader:
    """The interior tables consistent with a release: free cells within their bounds, every
    published aggregate within its bounds, linked figures equal, every other cell fixed.
    Split into independent components (hidden cells linked by published aggregates and
    links) so each LP stays small."""

    def __init__(
        self,
        layout: Layout,
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
        # grand total when every row total is shown); dropping it splits the components. Only
        # a table's own identities count here: each goes from a whole to smaller parts, so
        # what is dropped always rests on something kept.
        used = published.copy()
        used[:n] = False
        for relation in layout.relations[: len(layout.relations) - len(layout.links)]:
            if exact[relation].all():
                used[relation[0]] = False
        aggregates = np.flatnonzero(used)
        members = layout.items[aggregates]
        row_lower, row_upper = lower[aggregates], upper[aggregates]
        # A link between two exactly known figures says nothing more; any other is a row
        # left - right = 0.
        pairs = np.array(
            [pair for pair in layout.links if not exact[list(pair)].all()], dtype=np.intp
        ).reshape(-1, 2)
        if len(pairs):
            difference = (layout.items[pairs[:, 0]] - layout.items[pairs[:, 1]]).tocsr()
            difference.eliminate_zeros()
            members = sparse.vstack([members, difference]).tocsr()
            row_lower = np.concatenate([row_lower, np.zeros(len(pairs))])
            row_upper = np.concatenate([row_upper, np.zeros(len(pairs))])
        constant = members[:, np.flatnonzero(fixed)] @ lower[:n][fixed]
        matrix = members[:, self.free].tocsr()
        keep = np.diff(matrix.indptr) > 0
        self.matrix = matrix[keep]
        self.row_lower = (row_lower - constant)[keep]
        self.row_upper = (row_upper - constant)[keep]
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


def exact_reader(layout: Layout, values: npt.NDArray[np.int64], hidden: Flags) -> Reader:
    """What a reader deduces when every shown figure is exact."""
    exact = values.astype(np.float64)
    lower, upper = exact.copy(), exact.copy()
    lower[hidden], upper[hidden] = 0.0, np.inf
    return Reader(layout, exact[: layout.cell_count], lower, upper, ~hidden)


def _bounds(protected: Protected) -> tuple[Flags, Floats, Floats]:
    """Which figures are hidden and the least and greatest value each figure can have, in
    item order."""
    rules = protected.rules
    released = flatten(protected)
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
    return hidden, lower, upper


def intervals(protected: Protected) -> dict[Key, tuple[float, float]]:
    """For every hidden figure, the least and greatest value a reader can work out from the
    release by linear programming, keyed ("cell", row, column), ("row_total", row),
    ("column_total", column), ("total",), ("group", group, column), ("group_total", group).

    The reader knows interior cells are non-negative and every shown figure. A rounded figure
    r stands for the integers that round to r; since small figures are never shown, it is 0
    or at least the threshold. What a mark says ("<5" means 1 to 4) is not used: the interval
    is what the numbers give away. An unbounded maximum is ``inf``.
    """
    name = protected.table.name
    found = intervals_linked({name: protected}, ())
    return {key: bounds for (_name, key), bounds in found.items()}


def intervals_linked(
    protected: Mapping[str, Protected], links: Sequence[Link]
) -> dict[tuple[str, Key], tuple[float, float]]:
    """For every hidden figure of every table, the (min, max) an attacker can derive from
    everything published in ALL the tables together, with the links as equalities; keyed
    (table, key) with the tables' keys in ``protected``. As ``intervals`` otherwise: each
    table's rounding is read with its own rules. A table linked to nothing gets what
    ``intervals`` gives it."""
    system = joint({name: release.table for name, release in protected.items()}, links)
    layout = system.layout
    count = len(system.values)
    hidden = np.zeros(count, dtype=bool)
    lower, upper = np.zeros(count), np.zeros(count)
    for name, release in protected.items():
        where = system.positions[name]
        hidden[where], lower[where], upper[where] = _bounds(release)
    reader = Reader(layout, system.cells, lower, upper, ~hidden)
    found = {}
    for item in np.flatnonzero(hidden):
        low, high = reader.interval(int(item))
        table, *key = layout.keys[item]
        found[(table, tuple(key))] = (snap(low), snap(high))
    return found


def snap(value: float) -> float:
    if not np.isfinite(value) or abs(value - round(value)) >= TOLERANCE:
        return value
    return float(round(value))
