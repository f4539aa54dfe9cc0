"""Choosing what to hide: complementary suppression until LP shows every hidden figure is
wide enough."""

from __future__ import annotations

from collections import deque

import numpy as np
import numpy.typing as npt

from waypoint.reports.disclosure.layout import Flags, Floats, Layout
from waypoint.reports.disclosure.reader import TOLERANCE, Reader, exact_reader

# Below this many unsettled items, each gets its own min and max LP rather than more rounds
# of random objectives.
_DEDICATED = 4


class Suppression:
    """The hidden items while ``protect`` works, and how many are hidden in each identity."""

    def __init__(
        self, layout: Layout, values: npt.NDArray[np.int64], hidden: Flags, minimum: Floats
    ) -> None:
        self.layout, self.values = layout, values
        self.hidden = hidden.copy()
        self.hideable = ~layout.empty
        self.count = np.array([int(hidden[r].sum()) for r in layout.relations], dtype=np.intp)
        # Identities among figures that need no interval (min_interval 0) need no pairs.
        self.guarded = np.array([bool((minimum[r] > 0).any()) for r in layout.relations])

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
        figure is the whole minus the shown parts, exactly (and a hidden figure whose twin
        is shown is the twin)."""
        queue = deque(np.flatnonzero((self.count == 1) & self.guarded).tolist())
        while queue:
            relation = queue.popleft()
            candidate = self.candidate_in(relation) if self.count[relation] == 1 else None
            if candidate is not None:
                self.hide(candidate)
                queue.extend(
                    r
                    for r in self.layout.relations_of[candidate]
                    if self.count[r] == 1 and self.guarded[r]
                )

    def widening(self, item: int) -> int | None:
        """The figure to hide so that ``item``'s interval widens, None if there is none.

        A part of a shown whole is at most the identity's hidden mass (the exact sum of its
        hidden parts), so the identity with the least hidden mass is the bottleneck: hide a
        positive candidate there. If no identity of ``item`` has a positive candidate, look
        further through the identities of the hidden figures met so far (across links too);
        hide a zero, which protects little, only when nothing positive is reachable."""
        relations = self.layout.relations
        frontier, met_items, met_relations = [item], {item}, set()
        fallback = None
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
            if any(not zero for zero, *_rest in options):
                return min(options)[-1]
            if options and fallback is None:
                fallback = min(options)[-1]
            frontier = [
                j
                for r in reached
                for j in relations[r].tolist()
                if self.hidden[j] and j not in met_items
            ]
            met_items.update(frontier)
        return fallback


def _narrow(
    reader: Reader,
    items: list[int],
    minimum: Floats,
    seen_low: Floats,
    seen_high: Floats,
    rng: np.random.Generator,
) -> dict[int, float]:
    """The items whose interval is narrower than their ``minimum``, with its width.

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
        return [i for i in candidates if seen_high[i] - seen_low[i] < minimum[i] - TOLERANCE]

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
            if seen_high[item] - seen_low[item] >= minimum[item] - TOLERANCE:
                break
            optimum, point = reader.optimise(weights, maximise=maximise)
            bounds.append(optimum)
            record(point)
        if len(bounds) == 2 and bounds[0] - bounds[1] < minimum[item] - TOLERANCE:
            narrow[item] = bounds[0] - bounds[1]
    return narrow


def complementary(
    layout: Layout, values: npt.NDArray[np.int64], primary: Flags, minimum: Floats
) -> Flags:
    """The hidden items once every hidden item's interval is at least its ``minimum`` wide
    (per item: its table's min_interval), or nothing more can be hidden around it."""
    state = Suppression(layout, values, primary, minimum)
    if not primary.any() or not (minimum > 0).any():
        return state.hidden
    state.pair_lines()
    seen_low = values.astype(np.float64)
    seen_high = seen_low.copy()
    rng = np.random.default_rng(0)  # only speeds the search; the result does not depend on it
    to_check = np.flatnonzero(state.hidden).tolist()
    while to_check:
        narrow = _narrow(
            exact_reader(layout, values, state.hidden), to_check, minimum, seen_low, seen_high, rng
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
