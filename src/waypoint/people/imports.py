"""Reading person lists from CSV or XLSX: every row checked before anything is saved.

Pure functions over files and plain data; ``services.persons_import`` does the saving.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from waypoint.people.forms import PersonForm

MAX_ROWS = 50_000
COLUMNS = (
    "given_name",
    "family_name",
    "father_name",
    "mother_name",
    "given_name_original",
    "family_name_original",
    "father_name_original",
    "sex",
    "birth_date",
    "birth_date_precision",
    "nationality",
    "country_of_birth",
    "place_of_birth",
    "languages",
    "phone",
    "arrived_on",
    "entry_point",
)
DATE_COLUMNS = {"birth_date", "arrived_on"}


class ImportFileError(ValueError):
    """The file as a whole cannot be read (format, encoding, header)."""


@dataclass(frozen=True)
class RowError:
    row: int  # as a spreadsheet shows it: the header is row 1
    column: str
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column}: {self.reason}"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _normalise_date(value: str) -> str:
    """ISO 8601, DD.MM.YYYY and YYYYMMDD all become ISO; anything else is left for the form."""
    if len(value) == 8 and value.isdigit():
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return value


def read_rows(name: str, handle: IO[bytes]) -> Iterator[dict[str, str]]:
    """Rows of a CSV (UTF-8, comma or semicolon) or XLSX file as column -> text."""
    suffix = Path(name).suffix.lower()
    if suffix == ".xlsx":
        yield from _xlsx_rows(handle)
    elif suffix in {".csv", ".txt"}:
        yield from _csv_rows(handle)
    else:
        raise ImportFileError(f"{name}: use a .csv or .xlsx file")


def _csv_rows(handle: IO[bytes]) -> Iterator[dict[str, str]]:
    try:
        text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="").read()
    except UnicodeDecodeError:
        raise ImportFileError("the file is not UTF-8 text; save it as CSV UTF-8") from None
    if not text.strip():
        raise ImportFileError("the file is empty")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    try:
        _check_header(reader.fieldnames or [])
        for row in reader:
            yield {
                (key or "").strip().lower(): _text(value)
                for key, value in row.items()
                if isinstance(value, str | type(None))
            }
    except csv.Error as error:
        raise ImportFileError(f"line {reader.line_num}: not valid CSV ({error})") from None


def _xlsx_rows(handle: IO[bytes]) -> Iterator[dict[str, str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise ImportFileError("the file is not a readable XLSX workbook") from None
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [_text(cell).lower() for cell in next(rows, ())]
    _check_header(header)
    for values in rows:
        if values is None or all(value in (None, "") for value in values):
            continue
        yield {
            column: _text(value) for column, value in zip(header, values, strict=False) if column
        }


def _check_header(header: Sequence[str]) -> None:
    columns = {column.strip().lower() for column in header if column}
    if not columns:
        raise ImportFileError("the first row must name the columns")
    if not columns & {"given_name", "given_name_original"}:
        raise ImportFileError("a given_name or given_name_original column is required")
    unknown = sorted(columns - set(COLUMNS) - {"site"})
    if unknown:
        raise ImportFileError(
            f"unknown columns: {', '.join(unknown)}; known: {', '.join(COLUMNS)}, site"
        )


def validate_rows(rows: Iterator[dict[str, str]]) -> tuple[list[dict[str, Any]], list[RowError]]:
    """Clean every row with the registration form's rules; collect every error."""
    cleaned: list[dict[str, Any]] = []
    errors: list[RowError] = []
    for index, row in enumerate(rows, start=2):
        if index - 1 > MAX_ROWS:
            errors.append(RowError(index, "-", f"more than {MAX_ROWS} rows; split the file"))
            break
        data = {column: row.get(column, "") for column in COLUMNS}
        for column in DATE_COLUMNS:
            data[column] = _normalise_date(data[column])
        data["sex"] = (data["sex"] or "U").upper()[:1]
        data["birth_date_precision"] = data["birth_date_precision"] or "exact"
        form = PersonForm(data)
        if form.is_valid():
            cleaned.append({**form.cleaned_data, "site": row.get("site", "")})
        else:
            for column, messages in form.errors.items():
                for message in messages:
                    errors.append(
                        RowError(index, column if column != "__all__" else "-", str(message))
                    )
    if not cleaned and not errors:
        raise ImportFileError("the file has a header but no rows")
    return cleaned, errors
