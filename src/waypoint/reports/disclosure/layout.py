"""Tables as items and identities: one table, or several linked tables as one system."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from waypoint.reports.disclosure.model import Key, Link, Table, item_keys

Floats = npt.NDArray[np.float64]
Flags = npt.NDArray[np.bool_]
Indexes = npt.NDArray[np.intp]


@dataclass(frozen=True)
class Layout:
    """Every figure as an item: interior cells first, then aggregates (in ``item_keys``
    order for one table; table by table for several).

    ``relations`` are the published identities, each ``[whole, *parts]`` with
    whole = sum(parts): a row total and its cells, the grand total and the row totals, a
    group's column subtotal and its cells, a column total and the group subtotals plus the
    ungrouped cells, and so on; then one ``[left, right]`` per link (``links``, the pairs of
    items that are the same number). They guide which figure to hide; the LP uses ``items``
    and ``links``.
    """

    cell_count: int
    items: sparse.csr_matrix  # item x interior cell: 1 where the cell counts in the item
    keys: tuple[Key, ...]
    relations: tuple[Indexes, ...]
    relations_of: tuple[tuple[int, ...], ...]
    links: tuple[tuple[int, int], ...] = ()

    @cached_property
    def twins(self) -> Indexes:
        """Per item, a label it shares with the items linked to it, directly or not."""
        count = self.items.shape[0]
        if not self.links:
            return np.arange(count)
        left, right = np.array(self.links, dtype=np.intp).T
        graph = sparse.coo_matrix((np.ones(len(left)), (left, right)), shape=(count, count))
        return np.asarray(connected_components(graph, directed=False)[1], dtype=np.intp)

    def linked(self, flags: Flags) -> Flags:
        """``flags`` spread to the twins of every flagged item."""
        if not self.links:
            return flags.copy()
        return np.isin(self.twins, self.twins[flags])

    @cached_property
    def empty(self) -> Flags:
        """Aggregates of no cells (an empty group), and their twins: 0 to anyone, so hiding
        them is no use."""
        return self.linked(np.diff(self.items.indptr) == 0)


def _relations_of(relations: Sequence[Indexes], count: int) -> tuple[tuple[int, ...], ...]:
    found: list[list[int]] = [[] for _ in range(count)]
    for index, relation in enumerate(relations):
        for item in relation.tolist():
            found[item].append(index)
    return tuple(map(tuple, found))


def layout_of(table: Table) -> Layout:
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

    identities = [np.asarray(r, dtype=np.intp) for r in relations if len(r) > 1]
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
    return Layout(
        cell_count=cells,
        items=matrix,
        keys=tuple(item_keys(table)),
        relations=tuple(identities),
        relations_of=_relations_of(identities, len(members)),
    )


@dataclass(frozen=True)
class Joint:
    """Several tables as one layout. Its items are every table's cells (table by table), then
    every table's aggregates; its keys are (table, *key); its relations are every table's
    identities and then the links."""

    layout: Layout
    positions: dict[str, Indexes]  # per table, the joint item of each of its own items
    cells: Floats  # the exact interior cells, in joint order
    values: npt.NDArray[np.int64]  # the exact value of every item


def joint(tables: Mapping[str, Table], links: Sequence[Link]) -> Joint:
    """``tables`` (keyed as the links name them) and ``links`` as one layout. Refuses a link
    to a figure no table has, and a link between figures that are not the same number."""
    layouts = {name: layout_of(table) for name, table in tables.items()}
    cell_count = sum(own.cell_count for own in layouts.values())
    positions: dict[str, Indexes] = {}
    next_cell, next_aggregate = 0, cell_count
    for name, own in layouts.items():
        cells, aggregates = own.cell_count, own.items.shape[0] - own.cell_count
        positions[name] = np.concatenate(
            [
                np.arange(next_cell, next_cell + cells, dtype=np.intp),
                np.arange(next_aggregate, next_aggregate + aggregates, dtype=np.intp),
            ]
        )
        next_cell, next_aggregate = next_cell + cells, next_aggregate + aggregates
    count = next_aggregate

    rows, columns = [], []
    keys: list[Key] = [()] * count
    relations: list[Indexes] = []
    for name, own in layouts.items():
        where, members = positions[name], own.items.tocoo()
        rows.append(where[members.row])
        columns.append(where[members.col])  # a table's cell k is its item k
        for local, key in enumerate(own.keys):
            keys[where[local]] = (name, *key)
        relations += [where[relation] for relation in own.relations]
    row_index = np.concatenate(rows) if rows else np.zeros(0, dtype=np.intp)
    items = sparse.csr_matrix(
        (np.ones(len(row_index)), (row_index, np.concatenate(columns) if columns else row_index)),
        shape=(count, cell_count),
    )
    cells_of = [np.asarray(table.cells, dtype=np.float64).reshape(-1) for table in tables.values()]
    exact = np.concatenate(cells_of) if cells_of else np.zeros(0)
    values = np.rint(items @ exact).astype(np.int64)

    where_key = {key: item for item, key in enumerate(keys)}
    pairs: dict[tuple[int, int], None] = {}
    for link in links:
        ends = []
        for table, key in ((link.left_table, link.left), (link.right_table, link.right)):
            item = where_key.get((table, *key))
            if item is None:
                raise ValueError(f"link to a figure no table has: {table} {key}")
            ends.append(item)
        left, right = ends
        if values[left] != values[right]:
            raise ValueError(
                f"linked figures differ: {link.left_table} {link.left} is {values[left]}, "
                f"{link.right_table} {link.right} is {values[right]}"
            )
        if left != right:
            pairs[(min(left, right), max(left, right))] = None
    relations += [np.asarray(pair, dtype=np.intp) for pair in pairs]
    layout = Layout(
        cell_count=cell_count,
        items=items,
        keys=tuple(keys),
        relations=tuple(relations),
        relations_of=_relations_of(relations, count),
        links=tuple(pairs),
    )
    return Joint(layout=layout, positions=positions, cells=exact, values=values)
