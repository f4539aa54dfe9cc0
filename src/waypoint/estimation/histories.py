"""Capture-history tables for multiple systems estimation.

A capture-history table says, for each combination of lists ("history"), how many people were
found on exactly that combination. With k lists a history is a tuple of k zeros and ones; the
all-zero history (on no list) is by definition never observed, and estimating its size is the
whole point of multiple systems estimation.

What callers can rely on:

* ``Histories`` is immutable and always valid once built: at least two lists, every history is a
  k-tuple of 0/1 other than all zeros, every count is a non-negative ``int``. Histories with a
  zero count may be present or absent; both mean the same thing.
* ``read_histories`` turns CSV into a ``Histories`` or raises ``EstimationInputError`` whose
  message is one line that names the row (1 = header) and the column where the problem is.
* Nothing here estimates anything: see ``mse.estimate``.
"""

from __future__ import annotations

import csv
import io
import itertools
import numbers
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from waypoint.core.spreadsheets import ImportLimits
from waypoint.estimation.notes import Note
from waypoint.estimation.notes import gettext as _

History = tuple[int, ...]
# docs/security.md, "Import limits". Rows with the same history are summed, so a row per
# person is allowed; a longer table should be summed first.
HISTORY_LIMITS = ImportLimits(max_bytes=2_000_000, max_rows=100_000, max_seconds=30)

__all__ = [
    "EstimationInputError",
    "Histories",
    "History",
    "check_linkable",
    "read_histories",
]


class EstimationInputError(ValueError):
    """The input cannot be used for estimation.

    ``str(error)`` is a single line meant for the person who supplied the data, in the
    language active when it was raised. ``row`` and ``column`` repeat, when known, where the
    problem is (row 1 is the CSV header). ``note``, for the reasons an estimate may keep (why
    a stratum could not be estimated), is the reason as a ``Note``, to be put into words again
    in the language of whoever reads it; ``message`` may be that note alone.
    """

    def __init__(
        self,
        message: str | Note,
        *,
        row: int | None = None,
        column: str | None = None,
        note: Note | None = None,
    ):
        if isinstance(message, Note):
            note, message = message, message.text()
        super().__init__(message)
        self.row = row
        self.column = column
        self.note = note


@dataclass(frozen=True)
class Histories:
    """Counts of people per observed capture history.

    ``lists`` names the k lists in column order; ``counts`` maps a k-tuple of 0/1 (1 = on that
    list) to the number of people with exactly that history. Construction validates and raises
    ``EstimationInputError``; the stored mapping is read-only.
    """

    lists: tuple[str, ...]
    counts: Mapping[History, int] = field(repr=False)

    def __post_init__(self) -> None:
        lists = tuple(str(name) for name in self.lists)
        if len(lists) < 2:
            raise EstimationInputError(
                _("at least two lists are needed; got %(count)s (%(lists)s)")
                % {"count": len(lists), "lists": ", ".join(lists) or _("none")}
            )
        if len(set(lists)) != len(lists):
            raise EstimationInputError(
                _("list names must be distinct; got %(lists)s") % {"lists": ", ".join(lists)}
            )
        k = len(lists)
        clean: dict[History, int] = {}
        for raw_history, raw_count in self.counts.items():
            history = tuple(raw_history)
            if len(history) != k or any(v not in (0, 1) for v in history):
                raise EstimationInputError(
                    _("history %(history)s must be %(k)s zeros and ones, one per list")
                    % {"history": repr(raw_history), "k": k}
                )
            # bool is an int subclass; accept ints only, and integral floats from careless callers
            if isinstance(raw_count, bool) or not isinstance(raw_count, numbers.Real):
                raise EstimationInputError(
                    _("count for history %(history)s is not a number") % {"history": history}
                )
            if not float(raw_count).is_integer() or raw_count < 0:
                raise EstimationInputError(
                    _(
                        "count for history %(history)s must be a non-negative whole number, "
                        "got %(count)s"
                    )
                    % {"history": history, "count": repr(raw_count)}
                )
            count = int(raw_count)
            history = tuple(int(v) for v in history)
            if not any(history):
                if count > 0:
                    raise EstimationInputError(
                        _(
                            "the all-zero history is never observed: a person on no list "
                            "cannot be counted"
                        )
                    )
                continue
            clean[history] = clean.get(history, 0) + count
        object.__setattr__(self, "lists", lists)
        object.__setattr__(self, "counts", MappingProxyType(clean))

    @property
    def k(self) -> int:
        """Number of lists."""
        return len(self.lists)

    @property
    def observed(self) -> int:
        """Number of distinct people seen on at least one list."""
        return sum(self.counts.values())

    def count(self, history: History) -> int:
        """Count for one history; 0 when absent."""
        return self.counts.get(tuple(history), 0)

    def all_histories(self) -> Iterator[History]:
        """Every observable history (2^k - 1 of them) in a fixed order: binary counting
        with the first list as the most significant digit, all-zero left out."""
        for history in itertools.product((0, 1), repeat=self.k):
            if any(history):
                yield history

    def list_total(self, i: int) -> int:
        """People on list ``i`` (whatever other lists they are on)."""
        return sum(c for h, c in self.counts.items() if h[i])

    def overlap(self, i: int, j: int) -> int:
        """People on both list ``i`` and list ``j`` (whatever other lists they are on)."""
        return sum(c for h, c in self.counts.items() if h[i] and h[j])

    def on_several_lists(self) -> int:
        """People on two or more lists."""
        return sum(c for h, c in self.counts.items() if sum(h) >= 2)

    def collapse(self, keep: tuple[int, ...]) -> Histories:
        """The table for a subset of the lists; people on none of them drop out."""
        merged: dict[History, int] = {}
        for h, c in self.counts.items():
            sub = tuple(h[i] for i in keep)
            if any(sub):
                merged[sub] = merged.get(sub, 0) + c
        return Histories(tuple(self.lists[i] for i in keep), merged)


def check_linkable(
    histories: Histories, *, rows: str | None = None, count_column: str = "count"
) -> None:
    """Raise ``EstimationInputError`` unless someone is on at least two lists.

    Without any overlap the lists carry no information about each other and every capture-
    recapture estimate is infinite or undefined. ``rows`` (e.g. "rows 2-9") is put in front of
    the message when the table came from a file.
    """
    if histories.observed == 0:
        note = Note("error.nobody_listed")
        message = note.text()
        if rows:
            message = _("%(rows)s, column %(column)s: %(reason)s") % {
                "rows": rows,
                "column": repr(count_column),
                "reason": message,
            }
        raise EstimationInputError(message, note=note)
    if histories.on_several_lists() == 0:
        note = Note("error.no_links")
        message = note.text()
        if rows:
            message = _("%(rows)s, columns %(columns)s: %(reason)s") % {
                "rows": rows,
                "columns": ", ".join(histories.lists),
                "reason": message,
            }
        raise EstimationInputError(message, note=note)


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # Report the line of the first bad byte so the person can find it in an editor.
        line = data[: exc.start].count(b"\n") + 1
        raise EstimationInputError(
            _(
                "row %(row)s: the file is not UTF-8 text (bad byte at offset %(offset)s); "
                "save it as UTF-8 CSV"
            )
            % {"row": line, "offset": exc.start},
            row=line,
        ) from None


def _delimiter(header_line: str) -> str:
    # Spreadsheets in many European locales write ';' because ',' is the decimal mark.
    return ";" if header_line.count(";") > header_line.count(",") else ","


def _parse_count(text: str, *, row: int, column: str) -> int:
    value = text.strip()
    try:
        number = int(value)
    except ValueError:
        try:
            as_float = float(value)
        except ValueError:
            raise EstimationInputError(
                _("row %(row)s, column %(column)s: count %(count)s is not a number")
                % {"row": row, "column": repr(column), "count": repr(text)},
                row=row,
                column=column,
            ) from None
        # Spreadsheets export whole numbers as "12.0"; anything else is not a head count.
        if not as_float.is_integer():
            raise EstimationInputError(
                _("row %(row)s, column %(column)s: count %(count)s is not a whole number")
                % {"row": row, "column": repr(column), "count": repr(text)},
                row=row,
                column=column,
            ) from None
        number = int(as_float)
    if number < 0:
        raise EstimationInputError(
            _("row %(row)s, column %(column)s: count %(count)s is negative")
            % {"row": row, "column": repr(column), "count": number},
            row=row,
            column=column,
        )
    return number


def _check_limits(row: int, rows: int, seconds: float) -> None:
    limits = HISTORY_LIMITS
    if rows > limits.max_rows:
        raise EstimationInputError(
            _(
                "row %(row)s: more than %(limit)s rows; the limit is %(limit)s rows (sum the "
                "rows with the same history)"
            )
            % {"row": row, "limit": f"{limits.max_rows:,}"},
            row=row,
        )
    if seconds > limits.max_seconds:
        raise EstimationInputError(
            _(
                "row %(row)s: reading stopped after %(limit)s seconds; the limit is %(limit)s "
                "seconds"
            )
            % {"row": row, "limit": f"{limits.max_seconds:g}"},
            row=row,
        )


def read_histories(data: bytes | str, *, count_column: str) -> Histories:
    """Parse a capture-history CSV.

    One column (``count_column``) holds how many people have the row's history; every other
    column is a list, with 1 = on that list and 0 = not. Rows with the same history are summed;
    blank lines are skipped; an all-zero row is allowed only with count 0. The delimiter is
    ``,`` or ``;`` (whichever the header uses more); UTF-8 with or without a byte-order mark.

    Raises ``EstimationInputError`` naming the row (1 = header) and column for: undecodable
    bytes, an empty file, a missing count column, fewer than two lists, a cell that is not 0 or
    1, a negative or non-whole count, a positive all-zero row, and a table in which no person
    is on two lists.
    """
    size = len(data.encode() if isinstance(data, str) else data)
    if size > HISTORY_LIMITS.max_bytes:
        raise EstimationInputError(
            _("the file has %(size)s bytes; the limit is %(limit)s bytes")
            % {"size": f"{size:,}", "limit": f"{HISTORY_LIMITS.max_bytes:,}"}
        )
    started = time.monotonic()
    text = _decode(data)
    lines = text.splitlines()
    first = next((n for n, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise EstimationInputError(_("row %(row)s: the file is empty") % {"row": 1}, row=1)
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(lines[first]))
    header: list[str] | None = None
    header_row = 0
    rows: list[tuple[int, list[str]]] = []
    for record in reader:
        row = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if header is None:
            header, header_row = [cell.strip() for cell in record], row
        else:
            rows.append((row, record))
            _check_limits(row, len(rows), time.monotonic() - started)
    assert header is not None  # a non-blank line exists, so the reader produced a record

    for position, name in enumerate(header, start=1):
        if not name:
            raise EstimationInputError(
                _(
                    "row %(row)s, column %(column)s: the header cell is empty; every column "
                    "needs a name"
                )
                % {"row": header_row, "column": position},
                row=header_row,
                column=str(position),
            )
    duplicates = sorted({name for name in header if header.count(name) > 1})
    if duplicates:
        raise EstimationInputError(
            _("row %(row)s, column %(column)s: the column name appears twice")
            % {"row": header_row, "column": repr(duplicates[0])},
            row=header_row,
            column=duplicates[0],
        )
    if count_column not in header:
        raise EstimationInputError(
            _("row %(row)s, column %(column)s: there is no such column (the header has %(header)s)")
            % {
                "row": header_row,
                "column": repr(count_column),
                "header": ", ".join(repr(h) for h in header),
            },
            row=header_row,
            column=count_column,
        )
    count_at = header.index(count_column)
    list_names = [name for i, name in enumerate(header) if i != count_at]
    if len(list_names) < 2:
        raise EstimationInputError(
            _("row %(row)s, column %(column)s: at least two lists are needed")
            % {"row": header_row, "column": repr(list_names[0] if list_names else count_column)},
            row=header_row,
            column=list_names[0] if list_names else count_column,
        )
    if not rows:
        raise EstimationInputError(
            _("row %(row)s: the file has a header but no data rows") % {"row": header_row + 1},
            row=header_row + 1,
        )

    counts: dict[History, int] = {}
    for row, record in rows:
        if len(record) != len(header):
            column = header[len(record)] if len(record) < len(header) else "(extra)"
            raise EstimationInputError(
                _(
                    "row %(row)s, column %(column)s: the row has %(cells)s cells but the header "
                    "has %(columns)s"
                )
                % {
                    "row": row,
                    "column": repr(column),
                    "cells": len(record),
                    "columns": len(header),
                },
                row=row,
                column=column,
            )
        history: list[int] = []
        for i, name in enumerate(header):
            if i == count_at:
                continue
            cell = record[i].strip()
            if cell not in ("0", "1"):
                raise EstimationInputError(
                    _("row %(row)s, column %(column)s: %(value)s must be 0 or 1")
                    % {"row": row, "column": repr(name), "value": repr(record[i])},
                    row=row,
                    column=name,
                )
            history.append(int(cell))
        count = _parse_count(record[count_at], row=row, column=count_column)
        key = tuple(history)
        if not any(key):
            if count > 0:
                raise EstimationInputError(
                    _(
                        "row %(row)s, column %(column)s: the all-zero history is never observed, "
                        "yet its count is %(count)s"
                    )
                    % {"row": row, "column": repr(count_column), "count": count},
                    row=row,
                    column=count_column,
                )
            continue
        counts[key] = counts.get(key, 0) + count

    histories = Histories(tuple(list_names), counts)
    last = rows[-1][0]
    where = _("rows %(first)s-%(last)s") % {"first": rows[0][0], "last": last}
    check_linkable(histories, rows=where, count_column=count_column)
    return histories
