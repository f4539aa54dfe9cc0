"""Reading Kobo and ODK exports (CSV or XLSX) of the presence forms.

Kobo names columns by group path (``nationalities/nationality_AFG``), ODK Central by
dashes (``nationalities-nationality_AFG``): both become the field name, the last part.
Columns the form does not know (``_uuid``, ``KEY``, one-column-per-choice) are ignored.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import IO

from waypoint.core.spreadsheets import ImportFileError, ImportLimits, RowError, spreadsheet_rows

__all__ = [
    "COMMAND_LIMITS",
    "LIMITS",
    "MAX_ROWS",
    "ImportFileError",
    "RowError",
    "field_name",
    "read_rows",
]

MAX_ROWS = 20_000
# docs/security.md, "Import limits". Kobo exports are wide (a column per question); the
# command line holds no request and may take longer to read.
LIMITS = ImportLimits(max_bytes=10_000_000, max_rows=MAX_ROWS, max_seconds=30)
COMMAND_LIMITS = replace(LIMITS, max_seconds=600)


def field_name(header: str) -> str:
    return re.split(r"[/\-:]", header.strip())[-1]


def read_rows(
    name: str, handle: IO[bytes], *, limits: ImportLimits | None = None
) -> list[dict[str, str]]:
    """Rows as field name -> text; ImportFileError when the file cannot be read at all or
    is past ``limits`` (``LIMITS`` unless given)."""
    return list(spreadsheet_rows(name, handle, column_name=field_name, limits=limits or LIMITS))
