"""Reading Kobo and ODK exports (CSV or XLSX) of the presence forms.

Kobo names columns by group path (``nationalities/nationality_AFG``), ODK Central by
dashes (``nationalities-nationality_AFG``): both become the field name, the last part.
Columns the form does not know (``_uuid``, ``KEY``, one-column-per-choice) are ignored.
"""

from __future__ import annotations

import re
from typing import IO

from waypoint.core.spreadsheets import ImportFileError, RowError, spreadsheet_rows

__all__ = ["MAX_ROWS", "ImportFileError", "RowError", "field_name", "read_rows"]

MAX_ROWS = 20_000


def field_name(header: str) -> str:
    return re.split(r"[/\-:]", header.strip())[-1]


def read_rows(name: str, handle: IO[bytes]) -> list[dict[str, str]]:
    """Rows as field name -> text; ImportFileError when the file cannot be read at all."""
    rows = list(spreadsheet_rows(name, handle, column_name=field_name))
    if len(rows) > MAX_ROWS:
        raise ImportFileError(f"more than {MAX_ROWS} rows; split the file")
    return rows
