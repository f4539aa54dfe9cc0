"""Open data: every published table as CSV and XLSX with an HXL hashtag row and a data
dictionary, and presence figures in the field names of IOM DTM's public API.

Plain computation over a ``Publication``: only protected cells are written. A hidden cell
is written as its mark ("<5", "x"), never as a number.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from django.utils.translation import gettext as _

from waypoint.core.spreadsheets import safe_row, safe_writer
from waypoint.reports.disclosure import Shown
from waypoint.reports.publication import Publication, PublishedTable

COUNTRY = "BA"  # the P-code prefix of BiH's areas
COUNTRY_ISO3 = "BIH"  # DTM's admin0Pcode is ISO 3166-1 alpha-3
OPERATION = "Bosnia and Herzegovina - Migrant Presence Monitoring"


def rules_text(applied: Iterable[str], *, threshold: int = 5, sensitive: bool = False) -> str:
    """The disclosure rules applied, in words, for footnotes and files."""
    applied = set(applied)
    small = 10 if sensitive else threshold
    parts = [
        _(
            "Counts of 1 to %(small)s are shown as <%(limit)s; a cell marked x is hidden so "
            "that no small count can be worked out from the totals."
        )
        % {"small": small - 1, "limit": small}
    ]
    if "differencing" in applied:
        parts.append(_("Cells that changed by a small number since an earlier release are hidden."))
    if "rounding" in applied:
        parts.append(_("Published counts are rounded to the nearest multiple of 5."))
    if "collapsed" in applied:
        parts.append(_("Categories were merged where a group fell in one category only."))
    return " ".join(str(part) for part in parts)


def _text(item: Shown) -> str | int:
    return item.value if item.value is not None else item.text


def table_matrix(published: PublishedTable) -> tuple[list[str], list[str], list[list[object]]]:
    """Column names, HXL tags and rows (interior rows, then subtotals, then the total)."""
    spec = published.spec
    header = [
        str(_("level")),
        str(_("code")),
        str(_("name")),
        *[str(column.title) for column in spec.columns],
        str(_("total")),
    ]
    tags = [
        "#meta+level",
        spec.row_hxl,
        spec.row_hxl.replace("+code", "") + "+name",
        *[c.hxl for c in spec.columns],
        "#affected+total",
    ]
    rows: list[list[object]] = []
    for line in published.lines():
        rows.append(["row", line.label, line.name, *map(_text, line.cells), _text(line.total)])
    for line in published.group_lines():
        rows.append(["subtotal", line.label, line.name, *map(_text, line.cells), _text(line.total)])
    protected = published.protected
    rows.append(
        [
            "total",
            COUNTRY,
            str(_("Bosnia and Herzegovina")),
            *map(_text, protected.column_totals),
            _text(protected.total),
        ]
    )
    if not spec.additive:  # columns of different things: no row total
        header, tags = header[:-1], tags[:-1]
        rows = [row[:-1] for row in rows]
    return header, tags, rows


def csv_bytes(published: PublishedTable) -> bytes:
    """CSV: the column names, the HXL row, the data, then one line with the rules applied."""
    header, tags, rows = table_matrix(published)
    buffer = io.StringIO()
    writer = safe_writer(buffer)  # a spreadsheet must not run a name as a formula
    writer.writerow(header)
    writer.writerow(tags)
    writer.writerows(rows)
    writer.writerow(
        [
            "note",
            "",
            rules_text(published.protected.rules_applied, sensitive=published.spec.sensitive),
        ]
        + [""] * (len(header) - 3)
    )
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(publication: Publication, keys: Sequence[str] | None = None) -> bytes:
    """One sheet per table with its HXL row, a data dictionary sheet and a notes sheet."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    chosen = list(keys or publication.tables)
    dictionary = []
    for key in chosen:
        published = publication.tables[key]
        header, tags, rows = table_matrix(published)
        sheet = workbook.create_sheet(key[:31])
        sheet.append(safe_row(header))
        sheet.append(tags)
        for row in rows:
            sheet.append(safe_row(row))
        for name, tag in zip(header, tags, strict=True):
            dictionary.append([key, str(published.spec.title), name, tag])
    sheet = workbook.create_sheet("dictionary")
    sheet.append([str(_("table")), str(_("title")), str(_("column")), str(_("HXL tag"))])
    sheet.append(["#meta+table", "#meta+title", "#meta+column", "#meta+hxl"])
    for entry in dictionary:
        sheet.append(safe_row(entry))
    notes = workbook.create_sheet("notes")
    notes.append([str(_("table")), str(_("description")), str(_("disclosure control"))])
    for key in chosen:
        published = publication.tables[key]
        notes.append(
            safe_row(
                [
                    key,
                    str(published.spec.description),
                    rules_text(
                        published.protected.rules_applied, sensitive=published.spec.sensitive
                    ),
                ]
            )
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- DTM API shape -------------------------------------------------------------------------

DTM_FIELDS = (
    "id",
    "operation",
    "admin0Name",
    "admin0Pcode",
    "admin1Name",
    "admin1Pcode",
    "admin2Name",
    "admin2Pcode",
    "numPresentMigrantsInd",
    "numInTrcInd",
    "numOutsideTrcInd",
    "numberMales",
    "numberFemales",
    "reportingDate",
    "yearReportingDate",
    "monthReportingDate",
    "roundNumber",
    "assessmentType",
)
LEVELS = ("admin0", "admin1", "admin2")


def dtm_operations() -> list[dict[str, object]]:
    """DTM's list of operations, as its API lists them: this one."""
    return [
        {
            "operation": OPERATION,
            "operationStatus": "Active",
            "admin0Name": str(_("Bosnia and Herzegovina")),
            "admin0Pcode": COUNTRY_ISO3,
        }
    ]


def dtm_countries() -> list[dict[str, object]]:
    return [{"admin0Name": str(_("Bosnia and Herzegovina")), "admin0Pcode": COUNTRY_ISO3}]


def dtm_matches(row: Mapping[str, object], filters: Mapping[str, object]) -> bool:
    """Whether a row passes DTM's filters (names compared without regard to case)."""
    wanted = {
        "operation": filters.get("Operation"),
        "admin0Name": filters.get("CountryName"),
        "admin1Name": filters.get("Admin1Name"),
        "admin2Name": filters.get("Admin2Name"),
        "admin1Pcode": filters.get("Admin1Pcode"),
        "admin2Pcode": filters.get("Admin2Pcode"),
    }
    for field, value in wanted.items():
        if value and str(row.get(field) or "").casefold() != str(value).casefold():
            return False
    country = filters.get("Admin0Pcode")
    return not country or str(country).upper() in {COUNTRY, COUNTRY_ISO3}


def _sum(items: Iterable[Shown]) -> int | None:
    """A sum of published cells, or None when any of them is hidden."""
    total = 0
    for item in items:
        if item.value is None:
            return None
        total += item.value
    return total


def area_level(code: str) -> str:
    """The level of a BiH P-code by its length: BA01 entity, BA0101 canton, BA0101001 or
    BA02001 municipality (the P-code scheme of places/data/areas.csv)."""
    return {4: "admin1", 6: "canton"}.get(len(code), "admin2")


def dtm_rows(
    publication: Publication,
    *,
    level: str,
    round_number: int,
    reporting_date: date,
    area_names: Mapping[str, str],
) -> list[dict[str, object]]:
    """Rows in DTM API field names; ``area_names`` maps P-codes to names. Hidden counts
    are null; sex is published for the whole country only (admin0)."""
    places = publication.tables["presence_places"]
    base: dict[str, object] = {
        "operation": OPERATION,
        "admin0Name": str(_("Bosnia and Herzegovina")),
        "admin0Pcode": COUNTRY_ISO3,
        "admin1Name": None,
        "admin1Pcode": None,
        "admin2Name": None,
        "admin2Pcode": None,
        "numberMales": None,
        "numberFemales": None,
        "reportingDate": reporting_date.isoformat(),
        "yearReportingDate": reporting_date.year,
        "monthReportingDate": reporting_date.month,
        "roundNumber": round_number,
        "assessmentType": "BA",  # baseline assessment: DTM's name for a presence round
    }
    rows: list[dict[str, object]] = []
    if level == "admin0":
        sex = {line.label: line for line in publication.tables["presence_sex_age"].lines()}
        protected = places.protected
        rows.append(
            {
                **base,
                "numPresentMigrantsInd": protected.total.value,
                "numInTrcInd": protected.column_totals[0].value,
                "numOutsideTrcInd": protected.column_totals[1].value,
                "numberMales": _sum(sex[key].total for key in ("men", "boys") if key in sex),
                "numberFemales": _sum(sex[key].total for key in ("women", "girls") if key in sex),
            }
        )
    else:
        for line in places.group_lines():
            if area_level(line.label) != level:
                continue
            entity = line.label[:4]
            rows.append(
                {
                    **base,
                    "admin1Name": area_names.get(entity, entity),
                    "admin1Pcode": entity,
                    "admin2Name": line.name if level == "admin2" else None,
                    "admin2Pcode": line.label if level == "admin2" else None,
                    "numPresentMigrantsInd": line.total.value,
                    "numInTrcInd": line.cells[0].value,
                    "numOutsideTrcInd": line.cells[1].value,
                }
            )
    for index, row in enumerate(rows, start=1):
        row["id"] = f"{round_number}-{level}-{index}"
    return [{name: row.get(name) for name in DTM_FIELDS} for row in rows]
