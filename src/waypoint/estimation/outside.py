"""Outside lists for estimates: read the file, and link each row to a registration or to a
row of an earlier outside list.

A list kept outside Waypoint (the Service for Foreigners' Affairs' asylum-intention
certificates, a police apprehension list) meets people some of whom Waypoint registered and
some of whom it never met. For an estimate each row must become a person: the registration
it matches (then identity groups join it to that person's other registrations), else the
earlier outside row it matches (people on two outside lists and on no Waypoint list are the
ones an estimate learns most from), else a person of its own. Rows within one list are
taken to be different people, as the list's keeper counts them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from waypoint.estimation.histories import EstimationInputError
from waypoint.linkage import engine
from waypoint.linkage.features import ROLES
from waypoint.linkage.lists import list_read
from waypoint.linkage.services import registry_rows
from waypoint.linkage.tables import LinkageInputError, Table

# What a later list is linked on: the row's linkage roles, kept for rows no registration
# matched. Free text, phone and documents are left out (they are not needed to count).
KEPT_ROLES: tuple[str, ...] = ("given_name", "family_name", "full_name", "father_name")
KEPT_ROLES += ("birth_date", "birth_year", "sex", "nationality")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


@dataclass(frozen=True)
class LinkedRow:
    """One row of an outside list and what it was linked to (``person_id`` or
    ``earlier_id``, an ``OutsideRecord`` pk; at most one of them)."""

    row_id: str
    person_id: int | None
    earlier_id: int | None
    sex: str
    birth_year: int | None
    nationality: str
    linkage: dict[str, str]


def outside_table(filename: str, data: bytes, *, id_column: str, mapping: str) -> Table:
    """The rows of an outside list (CSV or XLSX) with its columns mapped to linkage roles
    (``given_name=Ime,family_name=Prezime,birth_date=Datum``). ``EstimationInputError``
    says in one line what is wrong, naming the row and column where it can."""
    try:
        table = list_read(filename, data, id_column=id_column, mapping=mapping)
    except LinkageInputError as error:
        raise EstimationInputError(str(error)) from None
    roles = set(table.rows[0]) if len(table.rows) else set()
    if not roles & {"given_name", "family_name", "full_name"}:
        raise EstimationInputError(
            _("Map at least one name column (given_name, family_name or full_name).")
        )
    if len(table.rows) and not roles & {"birth_date", "birth_year"}:
        raise EstimationInputError(_("Map the date or year of birth (birth_date or birth_year)."))
    return table


def birth_year(row: dict[str, str], *, today: date | None = None) -> int | None:
    """The year of birth a row gives, if it gives a plausible one."""
    today = today or date.today()
    for role in ("birth_year", "birth_date"):
        found = _YEAR.search(row.get(role) or "")
        if found and 1900 <= int(found.group(1)) <= today.year:
            return int(found.group(1))
    return None


def _sex(text: str) -> str:
    value = (text or "").strip().upper()[:1]
    return {"M": "M", "F": "F", "Ž": "F", "Z": "F", "W": "F"}.get(value, "")


def _nationality(text: str) -> str:
    value = (text or "").strip().upper()
    return value if re.fullmatch(r"[A-Z]{3}", value) else ""


def _best(pairs: list[tuple[str, str, float]]) -> dict[str, str]:
    """Each left id's best match (pairs come best first per left id)."""
    best: dict[str, str] = {}
    for left, right, _probability in pairs:
        best.setdefault(left, right)
    return best


def link_rows(
    table: Table,
    earlier: dict[int, dict[str, str]],
    *,
    threshold: float = engine.DEFAULT_THRESHOLD,
) -> list[LinkedRow]:
    """Link every row of ``table`` to the whole registry (an estimate counts everyone,
    whoever imports the list), and rows no registration matches to ``earlier`` (outside
    record pk -> kept linkage fields of rows of earlier lists that matched no registration).
    """
    rows = [{key: value for key, value in row.items() if key in ROLES} for row in table.rows]
    person_ids, registry = registry_rows()
    to_person = (
        _best(
            engine.link(
                rows, registry, left_ids=table.ids, right_ids=person_ids, threshold=threshold
            )
        )
        if registry
        else {}
    )
    unmatched = [index for index, row_id in enumerate(table.ids) if row_id not in to_person]
    to_earlier: dict[str, str] = {}
    if unmatched and earlier:
        earlier_ids = [str(pk) for pk in earlier]
        to_earlier = _best(
            engine.link(
                [rows[index] for index in unmatched],
                list(earlier.values()),
                left_ids=[table.ids[index] for index in unmatched],
                right_ids=earlier_ids,
                threshold=threshold,
            )
        )
    linked = []
    for row_id, row in zip(table.ids, rows, strict=True):
        person = to_person.get(row_id)
        match = to_earlier.get(row_id)
        linked.append(
            LinkedRow(
                row_id=row_id,
                person_id=int(person) if person is not None else None,
                earlier_id=int(match) if match is not None else None,
                sex=_sex(row.get("sex", "")),
                birth_year=birth_year(row),
                nationality=_nationality(row.get("nationality", "")),
                linkage={}
                if person is not None
                else {role: row[role] for role in KEPT_ROLES if row.get(role)},
            )
        )
    return linked
