"""``protect`` and ``protect_linked``: what may be released of one table or of linked ones."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from waypoint.reports.disclosure.layout import Flags, joint
from waypoint.reports.disclosure.model import (
    COMPLEMENTARY,
    RULE_KEYS,
    SHOWN,
    SMALL,
    STANDARD,
    Key,
    Link,
    Protected,
    Rules,
    Shown,
    Table,
    assemble,
    flatten,
    item_keys,
)
from waypoint.reports.disclosure.suppression import complementary


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
    name = table.name
    earlier = None if previous is None else {name: previous}
    return protect_linked({name: table}, (), {name: rules}, previous=earlier)[name]


def protect_linked(
    tables: Mapping[str, Table],
    links: Sequence[Link],
    rules: Mapping[str, Rules],
    *,
    previous: Mapping[str, Protected] | None = None,
) -> dict[str, Protected]:
    """What may be released of tables published together, whose ``links`` name figures
    that are the same number in two tables (or twice in one).

    As ``protect`` for each table (its own ``rules`` and ``previous`` release, by key), and
    across the tables: linked figures are hidden or shown together, and every hidden
    figure's interval from ``intervals_linked`` (everything shown in all the tables, links
    as equalities) is at least its own table's ``min_interval`` wide unless everything it
    could hide behind is hidden too. A figure hidden because its twin is small or changed
    reads "<threshold" if it is small in its own table and "x" otherwise (status "small"
    either way, with "primary" or "differencing" in its table's ``rules_applied``).
    Refuses links to figures that do not exist or whose exact values differ.
    """
    missing = set(tables) - set(rules)
    if missing:
        raise ValueError(f"no rules for {sorted(missing)}")
    system = joint(tables, links)
    layout, values = system.layout, system.values
    threshold = np.zeros(len(values), dtype=np.int64)
    minimum = np.zeros(len(values))
    changed = np.zeros(len(values), dtype=bool)
    for name, table in tables.items():
        where, own = system.positions[name], rules[name]
        threshold[where], minimum[where] = own.threshold, own.min_interval
        if previous is not None and name in previous:
            changed[where] = _changed(table, values[where], previous[name], own.threshold)
    small = (values >= 1) & (values < threshold)
    changed &= ~small & ~layout.empty
    # Twins are one number: a figure small in one table is hidden wherever it appears.
    for_small = layout.linked(small)
    for_change = layout.linked(changed) & ~for_small
    hidden = complementary(layout, values, for_small | for_change, minimum)

    protected = {}
    for name, table in tables.items():
        where, own = system.positions[name], rules[name]
        base = own.round_base if own.round_base and own.round_base > 1 else None
        released = []
        for item in where.tolist():
            value = int(values[item])
            if small[item]:
                released.append(Shown(None, f"<{own.threshold}", SMALL))
            elif for_small[item] or for_change[item]:
                released.append(Shown(None, "x", SMALL))
            elif hidden[item]:
                released.append(Shown(None, "x", COMPLEMENTARY))
            else:
                shown = _rounded(value, base) if base else value
                released.append(Shown(shown, str(shown), SHOWN))
        applied = {
            "primary": bool(for_small[where].any()),
            "complementary": bool((hidden & ~for_small & ~for_change)[where].any()),
            "rounding": base is not None,
            "collapsed": bool(table.merged_columns),
            "differencing": bool(for_change[where].any()),
        }
        protected[name] = assemble(
            table, released, own, tuple(key for key in RULE_KEYS if applied[key])
        )
    return protected


def _changed(
    table: Table, values: npt.NDArray[np.int64], previous: Protected, threshold: int
) -> Flags:
    """The figures that differ by 1 to threshold - 1 from what ``previous`` showed under the
    same key."""
    earlier: dict[Key, int] = {
        key: item.value
        for key, item in zip(item_keys(previous.table), flatten(previous), strict=True)
        if item.value is not None
    }
    return np.array(
        [
            key in earlier and 1 <= abs(value - earlier[key]) < threshold
            for key, value in zip(item_keys(table), values.tolist(), strict=True)
        ],
        dtype=bool,
    )


def _rounded(value: int, base: int) -> int:
    """Nearest multiple of base, halves up: 12 -> 10, 13 -> 15 (base 5), 15 -> 20 (base 10)."""
    return (2 * value + base) // (2 * base) * base
