"""Reading Kobo and ODK exports (CSV or XLSX) of the presence forms.

Kobo names columns by group path (``nationalities/nationality_AFG``), ODK Central by
dashes (``nationalities-nationality_AFG``): both become the field name, the last part.
Columns the form does not know (``_uuid``, ``KEY``, one-column-per-choice) are ignored.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Any

MAX_ROWS = 20_000


class ImportFileError(ValueError):
    """The file as a whole cannot be read (format, encoding, header)."""


@dataclass(frozen=True)
class RowError:
    row: int  # as a spreadsheet shows it: the header is row 1
    field: str
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}, field {self.field}: {self.reason}"


def field_name(header: str) -> str:
    return re.split(r"[/\-:]", header.strip())[-1]


def _text(value: Any) -> str:
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


def read_rows(name: str, handle: IO[bytes]) -> list[dict[str, str]]:
    """Rows as field name -> text; ImportFileError when the file cannot be read at all."""
    suffix = Path(name).suffix.lower()
    if suffix == ".xlsx":
        rows = list(_xlsx_rows(handle))
    elif suffix in {".csv", ".txt"}:
        rows = list(_csv_rows(handle))
    else:
        raise ImportFileError("use a .csv or .xlsx file")
    if len(rows) > MAX_ROWS:
        raise ImportFileError(f"more than {MAX_ROWS} rows; split the file")
    return rows


def _csv_rows(handle: IO[bytes]) -> Iterator[dict[str, str]]:
    try:
        text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="").read()
    except UnicodeDecodeError:
        raise ImportFileError("the file is not UTF-8 text; export it as CSV UTF-8") from None
    if not text.strip():
        raise ImportFileError("the file is empty")
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect=dialect)
    try:
        header = [field_name(column) for column in next(reader, [])]
        for values in reader:
            if not any(value.strip() for value in values):
                continue
            yield {
                column: value.strip()
                for column, value in zip(header, values, strict=False)
                if column
            }
    except csv.Error as error:
        raise ImportFileError(f"line {reader.line_num}: not valid CSV ({error})") from None


def _xlsx_rows(handle: IO[bytes]) -> Iterator[dict[str, str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise ImportFileError("the file is not a readable XLSX workbook") from None
    rows = workbook.worksheets[0].iter_rows(values_only=True)
    header = [field_name(_text(cell)) for cell in next(rows, ())]
    for values in rows:
        if values is None or all(value in (None, "") for value in values):
            continue
        yield {
            column: _text(value) for column, value in zip(header, values, strict=False) if column
        }
