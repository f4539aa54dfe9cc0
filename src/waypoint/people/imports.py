"""Reading person lists from CSV or XLSX: every row checked before anything is saved.

Pure functions over files and plain data; ``services.persons_import`` does the saving.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import IO, Any

from waypoint.core.spreadsheets import ImportFileError, ImportLimits, RowError, spreadsheet_rows
from waypoint.people.forms import PersonForm

__all__ = ["COMMAND_LIMITS", "LIMITS", "ImportFileError", "RowError", "read_rows", "validate_rows"]

MAX_ROWS = 50_000
# docs/security.md, "Import limits". The time includes checking every row, and stays below
# the web server's 60-second timeout; the command line holds no request and may take longer.
LIMITS = ImportLimits(max_bytes=10_000_000, max_rows=MAX_ROWS, max_seconds=45)
COMMAND_LIMITS = replace(LIMITS, max_seconds=600)
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


def _normalise_date(value: str) -> str:
    """ISO 8601, DD.MM.YYYY and YYYYMMDD all become ISO; anything else is left for the form."""
    if len(value) == 8 and value.isdigit():
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return value


def read_rows(
    name: str, handle: IO[bytes], *, limits: ImportLimits | None = None
) -> Iterator[dict[str, str]]:
    """Rows of a CSV (UTF-8, comma or semicolon) or XLSX file as column -> text; a file past
    ``limits`` (``LIMITS`` unless given) is refused with ``ImportFileError``."""
    return spreadsheet_rows(
        name,
        handle,
        column_name=lambda cell: cell.strip().lower(),
        check_header=_check_header,
        limits=limits or LIMITS,
    )


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
