"""Published presence figures in the shape of IOM's DTM API, and their HXL-tagged exports.

Plain computation over plain rows. In BiH, admin 1 is the entity and admin 2 the
municipality (the level DTM BiH counts at); cantons are inside the Federation only.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

from waypoint.presence.figures import AreaInfo, CentreCount, LocationCount

COLUMNS = (
    ("admin0Pcode", "#country+code"),
    ("admin1Name", "#adm1+name"),
    ("admin1Pcode", "#adm1+code"),
    ("admin2Name", "#adm2+name"),
    ("admin2Pcode", "#adm2+code"),
    ("reportingDate", "#date+reported"),
    ("roundNumber", "#meta+round"),
    ("numPresentMigrantsInd", "#affected+migrants+total"),
    ("numInTrcInd", "#affected+migrants+in_trc"),
    ("numOutsideTrcInd", "#affected+migrants+outside_trc"),
    ("numberMales", "#affected+migrants+m"),
    ("numberFemales", "#affected+migrants+f"),
)
FIELDS = tuple(name for name, _tag in COLUMNS)
LEVELS = ("admin0", "admin1", "admin2")
COUNTRY = "BA"


def dtm_rows(
    *,
    level: str,
    round_number: int,
    reporting_date: date,
    centre_counts: Iterable[CentreCount],
    location_counts: Iterable[LocationCount],
    areas: Mapping[str, AreaInfo],
) -> list[dict[str, object]]:
    """One row per area of ``level`` with people present, inside and outside centres."""
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # in, out, m, f

    def key(municipality_code: str) -> str:
        if level == "admin0":
            return COUNTRY
        if level == "admin1":
            info = areas.get(municipality_code)
            return info.entity_code if info else ""
        return municipality_code

    for row in centre_counts:
        entry = sums[key(row.municipality_code)]
        entry[0] += row.count
        entry[2] += row.count if row.group in {"men", "boys"} else 0
        entry[3] += row.count if row.group in {"women", "girls"} else 0
    for loc in location_counts:
        entry = sums[key(loc.municipality_code)]
        entry[1] += loc.total
        entry[2] += loc.men + loc.boys
        entry[3] += loc.women + loc.girls
    rows = []
    for code, (inside, outside, males, females) in sorted(sums.items()):
        info = areas.get(code)
        entity = areas.get(info.entity_code) if info and level == "admin2" else info
        rows.append(
            {
                "admin0Pcode": COUNTRY,
                "admin1Name": entity.name if entity and level != "admin0" else "",
                "admin1Pcode": entity.code if entity and level != "admin0" else "",
                "admin2Name": info.name if info and level == "admin2" else "",
                "admin2Pcode": code if level == "admin2" else "",
                "reportingDate": reporting_date.isoformat(),
                "roundNumber": round_number,
                "numPresentMigrantsInd": inside + outside,
                "numInTrcInd": inside,
                "numOutsideTrcInd": outside,
                "numberMales": males,
                "numberFemales": females,
            }
        )
    return rows


def csv_bytes(rows: Iterable[Mapping[str, object]]) -> bytes:
    """CSV with the column names, then the HXL hashtag row, then the data."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(FIELDS)
    writer.writerow([tag for _name, tag in COLUMNS])
    for row in rows:
        writer.writerow([_safe(row.get(name, "")) for name in FIELDS])
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(rows: Iterable[Mapping[str, object]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("presence")
    sheet.append(list(FIELDS))
    sheet.append([tag for _name, tag in COLUMNS])
    for row in rows:
        sheet.append([_safe(row.get(name, "")) for name in FIELDS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _safe(value: object) -> object:
    # A spreadsheet must not run an area name as a formula.
    if isinstance(value, str) and value[:1] in {"=", "+", "-", "@"}:
        return "'" + value
    return value
