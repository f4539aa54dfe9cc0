"""Linking an outside list (a police list, AVRR applications) to the registry.

The list is a CSV or XLSX file whose columns are mapped to linkage roles as on the command
line (``given_name=First,birth_date=DOB``). It is compared with the registrations the
acting user may see, never more; the search is audited, and so is a download of the
matches, which is an export of personal data.
"""

from __future__ import annotations

import csv
import io
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.core.spreadsheets import (
    ImportFileError,
    ImportLimits,
    check_size,
    safe_writer,
    table_lines,
)
from waypoint.linkage import access, engine
from waypoint.linkage.access import Work
from waypoint.linkage.features import ROLES
from waypoint.linkage.services import registry_rows
from waypoint.linkage.tables import (
    LinkageInputError,
    Table,
    parse_columns,
    parse_mapping,
    read_table,
)
from waypoint.people.models import Person
from waypoint.people.queries import persons_visible_to

MAX_LIST_ROWS = 50_000
# docs/security.md, "Import limits"; longer lists are linked with `waypoint link`.
LIST_LIMITS = ImportLimits(max_bytes=20_000_000, max_rows=MAX_LIST_ROWS, max_seconds=30)


@dataclass(frozen=True)
class ListMatch:
    list_id: str
    person: Person
    probability: float


def _xlsx_as_csv(name: str, data: bytes) -> bytes:
    # Read back by ``read_table`` only, never opened in a spreadsheet: cells stay as they are.
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows(table_lines(name, io.BytesIO(data), limits=LIST_LIMITS))
    return out.getvalue().encode("utf-8")


def list_read(
    name: str, data: bytes, *, id_column: str, mapping: str, text_columns: str = ""
) -> Table:
    """The list's ids and mapped values; ``LinkageInputError`` says in one line what is wrong,
    including a list past ``LIST_LIMITS``."""
    suffix = Path(name).suffix.lower()
    if suffix not in {".xlsx", ".csv", ".txt"}:
        raise LinkageInputError(f"{name}: use a .csv or .xlsx file")
    try:
        check_size(len(data), LIST_LIMITS)
        if suffix == ".xlsx":
            data = _xlsx_as_csv(name, data)
    except ImportFileError as error:
        raise LinkageInputError(f"{name}: {error}") from None
    roles = parse_mapping(mapping)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.csv"
        path.write_bytes(data)
        try:
            table = read_table(
                path,
                id_column=id_column,
                mapping=roles,
                text_columns=parse_columns(text_columns),
                limits=LIST_LIMITS,
            )
        except LinkageInputError as error:
            # The message names the temporary copy; the user knows the file by its name.
            raise LinkageInputError(str(error).replace(str(path), name)) from None
    return table


def list_link(
    *, actor: Any, table: Table, threshold: float = engine.DEFAULT_THRESHOLD
) -> list[ListMatch]:
    """Registrations within ``actor``'s scope that match rows of the list, best first per row.

    Only the mapped roles are compared (free-text columns have nothing to match in the
    registry). Audited as a search, with the list's size, the number of matches and the ids
    of the registrations matched.
    """
    visible = persons_visible_to(actor, roles=access.ROLES[Work.REVIEW])
    person_ids, rows = registry_rows(visible.values_list("pk", flat=True))
    list_rows = [{key: value for key, value in row.items() if key in ROLES} for row in table.rows]
    pairs = (
        engine.link(list_rows, rows, left_ids=table.ids, right_ids=person_ids, threshold=threshold)
        if rows
        else []
    )
    people = Person.objects.select_related("registered_at", "last_seen_at").in_bulk(
        [int(person_id) for _list_id, person_id, _probability in pairs]
    )
    audit_record(
        actor=actor,
        action=Action.SEARCH,
        object_type="people.person",
        purpose="outside list linkage",
        changed_fields=[f"rows:{len(table.ids)}", f"matches:{len(pairs)}"],
        object_ids=[person_id for _list_id, person_id, _probability in pairs],
    )
    return [
        ListMatch(list_id, people[int(person_id)], probability)
        for list_id, person_id, probability in pairs
    ]


def matches_csv(*, actor: Any, matches: list[ListMatch]) -> str:
    """The matches as CSV (list id, registration number, probability); audited as an export."""
    out = io.StringIO()
    writer = safe_writer(out)  # the list's ids come from outside: never a formula
    writer.writerow(["list_id", "registration_number", "match_probability"])
    for match in matches:
        writer.writerow(
            [match.list_id, match.person.registration_number, f"{match.probability:.4f}"]
        )
    audit_record(
        actor=actor,
        action=Action.EXPORT,
        object_type="people.person",
        purpose="outside list linkage",
        changed_fields=["registration_number", f"rows:{len(matches)}"],
    )
    return out.getvalue()
