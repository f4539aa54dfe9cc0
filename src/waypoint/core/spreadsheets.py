"""Reading uploaded tables: CSV (UTF-8, comma, semicolon or tab) or the first sheet of an XLSX.

Every import (people, presence) reads its file here, so a file is understood the same way
everywhere; each import checks and cleans the rows with its own rules and reports problems
as ``RowError`` (row as a spreadsheet shows it, the header being row 1).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Any


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
) -> Iterator[dict[str, str]]:
    """The rows of a CSV or XLSX file as column -> text, blank rows skipped.

    ``column_name`` turns a header cell into the key (e.g. lower-cased); ``check_header``
    may refuse the header with ``ImportFileError``.
    """
    suffix = Path(name).suffix.lower()
    if suffix == ".xlsx":
        lines = _xlsx_lines(handle)
    elif suffix in {".csv", ".txt"}:
        lines = _csv_lines(handle)
    else:
        raise ImportFileError(f"{name}: use a .csv or .xlsx file")
    header = [column_name(cell) for cell in next(lines, [])]
    if check_header is not None:
        check_header(header)
    for values in lines:
        if not any(values):
            continue
        yield {column: value for column, value in zip(header, values, strict=False) if column}


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
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise ImportFileError("the file is not a readable XLSX workbook") from None
    for values in workbook.worksheets[0].iter_rows(values_only=True):
        yield [cell_text(value) for value in values or ()]
