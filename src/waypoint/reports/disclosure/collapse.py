"""Attribute disclosure: coarsening columns so that being in a row reveals no category."""

from __future__ import annotations

from waypoint.reports.disclosure.model import Table


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
