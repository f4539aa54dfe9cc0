"""Reading the lists that ``waypoint link`` compares: CSV files mapped to roles.

Every problem is a ``LinkageInputError`` whose message is one line naming the file and
what is wrong, so the command can print it as it is.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

import pyarrow as pa

from waypoint.core.spreadsheets import ImportLimits
from waypoint.linkage.features import ROLES

_DELIMITERS = (",", ";", "\t", "|")


class LinkageInputError(Exception):
    """The input cannot be linked; the message says why in one line."""


# Rows are kept as Arrow columns, this many at a time converted: a million rows as
# Python dictionaries would take gigabytes.
ROW_BATCH = 100_000


class Rows(Sequence[dict[str, str]]):
    """The rows of a table, stored as Arrow columns and handed out as dictionaries
    (a slice is converted at once, which is how the engine reads them)."""

    def __init__(self, table: pa.Table) -> None:
        self._table = table

    def __len__(self) -> int:
        return int(self._table.num_rows)

    @overload
    def __getitem__(self, index: int) -> dict[str, str]: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict[str, str]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, str] | list[dict[str, str]]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return [self[position] for position in range(start, stop, step)]
            return list(self._table.slice(start, max(stop - start, 0)).to_pylist())
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return dict(self._table.slice(index, 1).to_pylist()[0])

    def __iter__(self) -> Iterator[dict[str, str]]:
        for batch in self._table.to_batches(ROW_BATCH):
            yield from batch.to_pylist()


@dataclass(frozen=True)
class Table:
    ids: list[str]
    rows: Sequence[dict[str, str]]  # role or text column -> value
    truth: list[str] | None = None  # each row's true person, when a column gives it


def parse_mapping(text: str) -> dict[str, str]:
    """``given_name=First,birth_date=DOB`` -> ``{"given_name": "First", ...}``."""
    mapping: dict[str, str] = {}
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        role, equals, column = (piece.strip() for piece in item.partition("="))
        if not equals or not role or not column:
            raise LinkageInputError(f"--map entry {item!r} is not ROLE=COLUMN")
        if role not in ROLES:
            raise LinkageInputError(
                f"--map names an unknown role {role!r}; roles are {', '.join(ROLES)}"
            )
        if role in mapping:
            raise LinkageInputError(f"--map gives the role {role!r} twice")
        mapping[role] = column
    if not mapping:
        raise LinkageInputError("--map names no columns")
    return mapping


def parse_columns(text: str) -> tuple[str, ...]:
    return tuple(column.strip() for column in text.split(",") if column.strip())


def read_table(
    path: Path,
    *,
    id_column: str,
    mapping: dict[str, str],
    text_columns: tuple[str, ...],
    truth_column: str | None = None,
    limits: ImportLimits | None = None,
) -> Table:
    """The ids and the mapped values of every row of a CSV file with a header line (and
    the ``truth_column`` of every row, read but never compared).

    The delimiter (comma, semicolon, tab or bar) is the one the header uses most. With
    ``limits`` (an uploaded list), reading stops past their rows or time.
    """
    started = time.monotonic()
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            header_line = handle.readline()
            if not header_line.strip():
                raise LinkageInputError(f"{path}: the file is empty")
            delimiter = max(_DELIMITERS, key=header_line.count)
            handle.seek(0)
            reader = csv.reader(handle, delimiter=delimiter, strict=True)
            header = [column.strip() for column in next(reader)]
            positions = _positions(path, header, id_column, mapping, text_columns)
            truth_at = _positions(path, header, truth_column, {}, ())[""] if truth_column else None
            ids: list[str] = []
            columns = [key for key in positions if key]
            pending: dict[str, list[str]] = {key: [] for key in columns}
            batches: list[pa.RecordBatch] = []
            truth: list[str] = []
            for values in reader:
                if not any(value.strip() for value in values):
                    continue
                if len(values) < len(header):
                    values = values + [""] * (len(header) - len(values))
                ids.append(values[positions[""]].strip())
                if limits is not None:
                    _check_limits(path, len(ids), time.monotonic() - started, limits)
                if truth_at is not None:
                    truth.append(values[truth_at].strip())
                for key in columns:
                    pending[key].append(values[positions[key]])
                if len(ids) % ROW_BATCH == 0:
                    batches.append(_batch(pending))
                    pending = {key: [] for key in columns}
    except OSError as error:
        raise LinkageInputError(f"cannot read {path}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise LinkageInputError(f"{path}: not a UTF-8 text file") from None
    except csv.Error as error:
        raise LinkageInputError(f"{path}: not a readable CSV file ({error})") from None
    if not ids:
        raise LinkageInputError(f"{path}: the file has a header but no rows")
    _check_ids(path, id_column, ids)
    if columns and pending[columns[0]]:
        batches.append(_batch(pending))
    rows = Rows(pa.Table.from_batches(batches, schema=_schema(columns)))
    return Table(ids=ids, rows=rows, truth=truth if truth_column else None)


def _check_limits(path: Path, rows: int, seconds: float, limits: ImportLimits) -> None:
    if rows > limits.max_rows:
        raise LinkageInputError(
            f"{path}: more than {limits.max_rows:,} rows; the limit is {limits.max_rows:,} rows"
        )
    if seconds > limits.max_seconds:
        raise LinkageInputError(
            f"{path}: reading stopped at row {rows:,} after {limits.max_seconds:g} seconds; "
            f"the limit is {limits.max_seconds:g} seconds"
        )


def _schema(columns: list[str]) -> pa.Schema:
    return pa.schema([pa.field(column, pa.string()) for column in columns])


def _batch(pending: dict[str, list[str]]) -> pa.RecordBatch:
    return pa.RecordBatch.from_pydict(pending, schema=_schema(list(pending)))


def _positions(
    path: Path,
    header: list[str],
    id_column: str,
    mapping: dict[str, str],
    text_columns: tuple[str, ...],
) -> dict[str, int]:
    wanted = {"": id_column, **mapping, **{column: column for column in text_columns}}
    missing = [column for column in wanted.values() if column not in header]
    if missing:
        raise LinkageInputError(
            f"{path}: no column {', '.join(repr(column) for column in dict.fromkeys(missing))}"
            f" (the header has {', '.join(header)})"
        )
    return {key: header.index(column) for key, column in wanted.items()}


def _check_ids(path: Path, id_column: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for line, record_id in enumerate(ids, start=2):
        if not record_id:
            raise LinkageInputError(f"{path}: a row has no {id_column} (data row {line - 1})")
        if record_id in seen:
            raise LinkageInputError(f"{path}: the {id_column} {record_id!r} is used twice")
        seen.add(record_id)
