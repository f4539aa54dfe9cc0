"""Reading uploaded tables: CSV (UTF-8, comma, semicolon or tab) or the first sheet of an XLSX;
and writing cells a spreadsheet will not run as formulas.

Every import (people, presence, outside lists) reads its file here, so a file is understood
the same way everywhere; each import checks and cleans the rows with its own rules and
reports problems as ``RowError`` (row as a spreadsheet shows it, the header being row 1).
Each states its ``ImportLimits`` (bytes, rows, time, what an XLSX unpacks to), listed in
docs/security.md, "Import limits".

Every CSV or XLSX Waypoint writes for a user passes its cells through ``safe_cell`` (or
writes with ``safe_writer``): a name such as ``=HYPERLINK(...)`` must stay text.
"""

from __future__ import annotations

import csv
import io
import re
import time as clock
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Any, TypeVar


class ImportFileError(ValueError):
    """The file as a whole cannot be read (format, encoding, header)."""


@dataclass(frozen=True)
class RowError:
    row: int  # as a spreadsheet shows it: the header is row 1
    column: str
    reason: str

    @property
    def field(self) -> str:
        return self.column

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column}: {self.reason}"


# A member this small is never a bomb, however well it compresses (a sheet of one repeated
# value compresses a hundredfold and more).
RATIO_FLOOR = 1_000_000


@dataclass(frozen=True)
class ImportLimits:
    """What one uploaded file may hold; each kind of import states its own.

    A file over any limit is refused whole (nothing is saved) with one line naming the
    limit and what the file has. An XLSX is a zip archive: what its members unpack to is
    read from the archive's directory before openpyxl opens it (Python's zipfile never
    unpacks a member past its declared size, so the sum is a bound).
    """

    max_bytes: int
    max_rows: int
    max_seconds: float = 30.0
    max_unpacked_bytes: int = 50_000_000
    max_ratio: int = 100


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB"


def check_size(size: int, limits: ImportLimits) -> None:
    """Refuse a file larger than ``limits.max_bytes``."""
    if size > limits.max_bytes:
        raise ImportFileError(
            f"the file has {size:,} bytes; the limit is {limits.max_bytes:,} bytes "
            f"({_megabytes(limits.max_bytes)})"
        )


def check_archive(handle: IO[bytes], limits: ImportLimits) -> None:
    """Refuse an XLSX that would unpack past the limits (a zip bomb), reading only the
    archive's directory; the handle is left at its start."""
    try:
        with zipfile.ZipFile(handle) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise ImportFileError("the file is not a readable XLSX workbook") from None
    finally:
        handle.seek(0)
    unpacked = sum(member.file_size for member in members)
    if unpacked > limits.max_unpacked_bytes:
        raise ImportFileError(
            f"the workbook unpacks to {_megabytes(unpacked)}; "
            f"the limit is {_megabytes(limits.max_unpacked_bytes)}"
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FLOOR and ratio > limits.max_ratio:
            raise ImportFileError(
                f"the workbook part {member.filename} unpacks to {ratio:,.0f} times its size; "
                f"the limit is {limits.max_ratio} times"
            )


def _handle_size(handle: IO[bytes]) -> int:
    size = getattr(handle, "size", None)  # an upload knows its size
    if isinstance(size, int):
        return size
    handle.seek(0, io.SEEK_END)
    size = handle.tell()
    handle.seek(0)
    return size


def cell_text(value: Any) -> str:
    """A cell as text: dates in ISO 8601, whole numbers without ".0", the rest stripped."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        # A spreadsheet holds a date column as midnight: a date field must get a date.
        return value.date().isoformat() if value.time() == time.min else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def spreadsheet_rows(
    name: str,
    handle: IO[bytes],
    *,
    column_name: Callable[[str], str] = str.strip,
    check_header: Callable[[Sequence[str]], None] | None = None,
    limits: ImportLimits,
) -> Iterator[dict[str, str]]:
    """The rows of a CSV or XLSX file as column -> text, blank rows skipped.

    ``column_name`` turns a header cell into the key (e.g. lower-cased); ``check_header``
    may refuse the header with ``ImportFileError``; so may ``limits`` refuse the file.
    """
    lines = table_lines(name, handle, limits=limits)
    header = [column_name(cell) for cell in next(lines, [])]
    if check_header is not None:
        check_header(header)
    for values in lines:
        if not any(values):
            continue
        yield {column: value for column, value in zip(header, values, strict=False) if column}


def table_lines(name: str, handle: IO[bytes], *, limits: ImportLimits) -> Iterator[list[str]]:
    """The lines of a CSV or XLSX file as lists of text, the header line first.

    Refused with ``ImportFileError`` past any of ``limits``: the size and what an XLSX
    unpacks to before reading, the rows and the time as the lines are read (the time
    includes what the caller does between lines), so a refused file is never read to its end.
    """
    suffix = Path(name).suffix.lower()
    if suffix not in {".xlsx", ".csv", ".txt"}:
        raise ImportFileError(f"{name}: use a .csv or .xlsx file")
    check_size(_handle_size(handle), limits)
    if suffix == ".xlsx":
        check_archive(handle, limits)
        lines = _xlsx_lines(handle)
    else:
        lines = _csv_lines(handle)
    started = clock.monotonic()
    rows = 0
    for number, values in enumerate(lines, start=1):
        if clock.monotonic() - started > limits.max_seconds:
            raise ImportFileError(
                f"reading stopped at line {number:,} after {limits.max_seconds:g} seconds; "
                f"the limit is {limits.max_seconds:g} seconds: split the file"
            )
        if number > 1 and any(values):
            rows += 1
            if rows > limits.max_rows:
                raise ImportFileError(
                    f"more than {limits.max_rows:,} rows; the limit is {limits.max_rows:,} "
                    "rows: split the file"
                )
        yield values


def _csv_lines(handle: IO[bytes]) -> Iterator[list[str]]:
    try:
        text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="").read()
    except UnicodeDecodeError:
        raise ImportFileError("the file is not UTF-8 text; save it as CSV UTF-8") from None
    if not text.strip():
        raise ImportFileError("the file is empty")
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect=dialect)
    try:
        for values in reader:
            yield [value.strip() for value in values]
    except csv.Error as error:
        raise ImportFileError(f"line {reader.line_num}: not valid CSV ({error})") from None


def _xlsx_lines(handle: IO[bytes]) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise ImportFileError("the file is not a readable XLSX workbook") from None
    # A sheet may declare itself as big as the grid (A1:XFD1048576): read the rows as
    # written instead of padding every one to the declared width.
    sheet.reset_dimensions()
    try:
        for values in sheet.iter_rows(values_only=True):
            yield [cell_text(value) for value in values or ()]
    except Exception:  # a damaged sheet fails only when its rows are read
        raise ImportFileError("the first sheet of the workbook is damaged") from None
    finally:
        workbook.close()


# --- Writing: cells a spreadsheet will not run ----------------------------------------------

# What makes Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP, "CSV
# injection"); a leading apostrophe makes it text, shown without the apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")

Cell = TypeVar("Cell")


def safe_cell(value: Cell) -> Cell | str:
    """``value`` as a spreadsheet may take it: text starting with ``= + - @``, a tab or a
    carriage return gets a leading apostrophe, unless it is a plain number (``-3``,
    ``-1.5``); anything else is returned as it is."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not _PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def safe_row(values: Iterable[object]) -> list[object]:
    """Every cell of a row through ``safe_cell`` (for ``openpyxl``'s ``sheet.append``)."""
    return [safe_cell(value) for value in values]


class SafeWriter:
    """A ``csv.writer`` whose every cell goes through ``safe_cell``."""

    def __init__(self, handle: Any, **options: Any) -> None:
        self._writer = csv.writer(handle, **options)

    def writerow(self, values: Iterable[object]) -> None:
        self._writer.writerow(safe_row(values))

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for values in rows:
            self.writerow(values)


def safe_writer(handle: Any, **options: Any) -> SafeWriter:
    """``csv.writer(handle, **options)`` that writes no cell a spreadsheet would run."""
    return SafeWriter(handle, **options)
