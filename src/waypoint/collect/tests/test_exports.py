"""Exports of submissions: every sheet read back from the XLSX and the CSV zip, the rows
linked by their index columns, answers of an older version kept, a broken submission
marked without stopping the export, formulas made text, and memory that does not grow
with the number of submissions."""

from __future__ import annotations

import csv
import io
import tempfile
import tracemalloc
import zipfile
from collections.abc import Iterator
from functools import cache

import pytest
from openpyxl import load_workbook
from pyxform.xls2json_backends import md_table_to_workbook
from pyxform.xls2xform import convert

from waypoint.collect import exports
from waypoint.collect.exports import (
    ExportSchema,
    SheetFullError,
    export_rows,
    write_csv_zip,
    write_xlsx,
    xlsform_hxl_tags,
)

# A household form: a group holding a repeat of members (with a group of its own) that
# holds a repeat of visits; tags through a plain `hxl` column (the KoboToolbox spelling,
# which pyxform leaves out of the XForm) and through `bind::hxl` (which it keeps).
XLSFORM = """
| survey |
|        | type                  | name       | label          | hxl          | bind::hxl      |
|        | text                  | site       | Site           | #loc+name    |                |
|        | begin group           | household  | Household      |              |                |
|        | integer               | size       | Household size | #affected+hh |                |
|        | begin repeat          | members    | Members        |              |                |
|        | text                  | name       | Name           |              | #affected+name |
|        | select_multiple needs | needs      | Needs          |              |                |
|        | begin group           | contact    | Contact        |              |                |
|        | text                  | phone      | Phone          |              |                |
|        | end group             |            |                |              |                |
|        | begin repeat          | visits     | Visits         |              |                |
|        | date                  | visited_on | Visit date     |              | #date          |
|        | end repeat            |            |                |              |                |
|        | end repeat            |            |                |              |                |
|        | end group             |            |                |              |                |
|        | geopoint              | location   | Location       |              | #geo+coord     |
|        | image                 | photo      | Photo          |              |                |
| choices |
|         | list_name | name    | label   |
|         | needs     | food    | Food    |
|         | needs     | water   | Water   |
|         | needs     | shelter | Shelter |
| settings |
|          | form_id    | version |
|          | households | 2       |
"""

MAIN_HEADER = [
    "meta/instanceID",
    "site",
    "household/size",
    "location",
    "photo",
    "_index",
    "_received_at",
    "_submitted_by",
    "_form_version",
    "_extra",
    "_error",
]
MAIN_TAGS = ["", "#loc+name", "#affected+hh", "#geo+coord", "", "", "", "", "", "", ""]
MEMBERS_HEADER = [
    "name",
    "needs",
    "contact/phone",
    "_index",
    "_parent_index",
    "_submission",
    "_extra",
]
MEMBERS_TAGS = ["#affected+name", "", "", "", "", "", ""]
VISITS_HEADER = ["visited_on", "_index", "_parent_index", "_submission", "_extra"]
VISITS_TAGS = ["#date", "", "", "", ""]

CURRENT = b"""<?xml version="1.0"?>
<data xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms"
      id="households" version="2">
  <site>Lipa</site>
  <household>
    <size>3</size>
    <members>
      <name>Amina</name><needs>food water</needs><contact><phone>061000000</phone></contact>
      <visits><visited_on>2025-01-01</visited_on></visits>
      <visits><visited_on>2025-01-03</visited_on></visits>
    </members>
    <members>
      <name>Omar</name><needs>shelter</needs><contact><phone/></contact>
      <visits><visited_on>2025-01-05</visited_on></visits>
    </members>
  </household>
  <location>43.85 18.41 520 5</location>
  <photo>photo-1.jpg</photo>
  <meta><instanceID>uuid:s1</instanceID></meta>
</data>"""

# Version 1 asked whether the household had moved before and each member's age.
OLDER = b"""<data xmlns:orx="http://openrosa.org/xforms" id="households" version="1">
  <site>Borici</site>
  <household>
    <size>2</size>
    <moved_before>yes</moved_before>
    <members>
      <name>Sara</name><needs>water</needs><age>30</age>
      <visits><visited_on>2024-12-01</visited_on></visits>
    </members>
  </household>
  <location>44.1 15.9 300 8</location>
  <orx:meta><orx:instanceID>uuid:s2</orx:instanceID></orx:meta>
</data>"""

MALFORMED = b"<data id='households'><site>Lipa</site><household><size>3</size></data>"


def meta(number: int, version: str = "2") -> dict[str, str]:
    return {
        "instance_id": f"uuid:s{number}",
        "received_at": f"2025-01-0{number}T10:00:00+00:00",
        "submitted_by": "enumerator",
        "form_version": version,
    }


SUBMISSIONS = [(meta(1), CURRENT), (meta(2, "1"), OLDER), (meta(3), MALFORMED)]

EXPECTED = {
    "submissions": [
        MAIN_HEADER,
        MAIN_TAGS,
        [
            *("uuid:s1", "Lipa", "3", "43.85 18.41 520 5", "photo-1.jpg", "1"),
            *("2025-01-01T10:00:00+00:00", "enumerator", "2", "", ""),
        ],
        [
            *("uuid:s2", "Borici", "2", "44.1 15.9 300 8", "", "2"),
            *("2025-01-02T10:00:00+00:00", "enumerator", "1", "household/moved_before=yes", ""),
        ],
        [
            *("uuid:s3", "", "", "", "", "3", "2025-01-03T10:00:00+00:00", "enumerator", "2"),
            *("", "The instance is not well-formed XML."),
        ],
    ],
    "members": [
        MEMBERS_HEADER,
        MEMBERS_TAGS,
        ["Amina", "food water", "061000000", "1", "1", "uuid:s1", ""],
        ["Omar", "shelter", "", "2", "1", "uuid:s1", ""],
        ["Sara", "water", "", "3", "2", "uuid:s2", "age=30"],
    ],
    "visits": [
        VISITS_HEADER,
        VISITS_TAGS,
        ["2025-01-01", "1", "1", "uuid:s1", ""],
        ["2025-01-03", "2", "1", "uuid:s1", ""],
        ["2025-01-05", "3", "2", "uuid:s1", ""],
        ["2024-12-01", "4", "3", "uuid:s2", ""],
    ],
}


@cache
def xform(source: str = XLSFORM) -> str:
    return convert(xlsform=source, file_type=".md", form_name="data").xform


@cache
def schema() -> ExportSchema:
    return ExportSchema.from_xform(xform(), hxl_tags=xlsform_hxl_tags(XLSFORM, file_type=".md"))


def xlsx_sheets(data: bytes) -> dict[str, list[list[object]]]:
    """Each sheet's rows, as wide as its header (a write-only sheet leaves out the empty
    cells at the end of a row; a spreadsheet shows them empty all the same)."""
    workbook = load_workbook(io.BytesIO(data), read_only=True)
    sheets = {}
    for sheet in workbook.worksheets:
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        width = len(rows[0])
        sheets[sheet.title] = [row + [None] * (width - len(row)) for row in rows]
    return sheets


def as_text(rows: list[list[object]]) -> list[list[str]]:
    return [["" if value is None else str(value) for value in row] for row in rows]


def csv_sheets(data: bytes) -> dict[str, list[list[str]]]:
    sheets = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            raw = archive.read(name)
            assert raw.startswith(b"\xef\xbb\xbf"), f"{name} has no byte order mark"
            text = raw.decode("utf-8-sig")
            sheets[name.removesuffix(".csv")] = list(csv.reader(io.StringIO(text, newline="")))
    return sheets


def test_the_main_sheet_has_the_instance_id_first_then_the_questions_in_form_order():
    main = schema().sheets[0]
    assert main.name == "submissions"
    assert main.header == MAIN_HEADER


def test_each_repeat_has_a_sheet_whose_rows_point_to_the_row_they_sit_in():
    sheets = {sheet.name: sheet for sheet in schema().sheets}
    assert list(sheets) == ["submissions", "members", "visits"]
    assert (sheets["members"].path, sheets["members"].parent) == ("household/members", "")
    assert (sheets["visits"].path, sheets["visits"].parent) == (
        "household/members/visits",
        "household/members",
    )
    assert sheets["members"].header == MEMBERS_HEADER
    assert sheets["visits"].header == VISITS_HEADER


def test_the_xlsx_holds_every_sheet_with_its_linked_rows():
    out = io.BytesIO()
    counts = write_xlsx(schema(), SUBMISSIONS, out)
    sheets = xlsx_sheets(out.getvalue())
    assert counts == {"submissions": 3, "members": 3, "visits": 4}
    assert {name: as_text(rows) for name, rows in sheets.items()} == EXPECTED


def test_the_xlsx_writes_numbers_as_numbers_and_other_answers_as_text():
    out = io.BytesIO()
    write_xlsx(schema(), SUBMISSIONS, out)
    sheets = xlsx_sheets(out.getvalue())
    first = sheets["submissions"][2]
    assert first[MAIN_HEADER.index("household/size")] == 3
    assert first[MAIN_HEADER.index("_index")] == 1
    assert first[MAIN_HEADER.index("location")] == "43.85 18.41 520 5"
    # A phone number keeps its leading zero: a text question stays text.
    assert sheets["members"][2][MEMBERS_HEADER.index("contact/phone")] == "061000000"
    assert sheets["visits"][3][VISITS_HEADER.index("_parent_index")] == 1


def test_the_csv_zip_holds_every_sheet_with_its_linked_rows():
    out = io.BytesIO()
    counts = write_csv_zip(schema(), SUBMISSIONS, out)
    assert counts == {"submissions": 3, "members": 3, "visits": 4}
    assert csv_sheets(out.getvalue()) == EXPECTED


def test_a_repeat_row_links_to_its_parent_by_index_and_to_its_submission():
    sheets = csv_sheets(_csv(SUBMISSIONS))
    members = {row[3]: row for row in sheets["members"][2:]}
    for visit in sheets["visits"][2:]:
        member = members[visit[2]]
        assert visit[3] == member[5]
    main_by_index = {row[5]: row[0] for row in sheets["submissions"][2:]}
    assert all(main_by_index[row[4]] == row[5] for row in sheets["members"][2:])


def test_an_answer_the_form_no_longer_asks_is_kept_in_extra():
    rows = list(export_rows(schema(), [(meta(2, "1"), OLDER)]))
    assert rows[0][1][MAIN_HEADER.index("_extra")] == "household/moved_before=yes"
    members = [row for sheet, row in rows if sheet == "members"]
    assert members == [["Sara", "water", "", "1", "1", "uuid:s2", "age=30"]]


def test_an_unreadable_submission_is_marked_and_the_export_goes_on():
    doctype = b'<!DOCTYPE d [<!ENTITY a "aaaa">]><data id="households"><site>&a;</site></data>'
    encrypted = (
        b'<data id="households" encrypted="yes"><base64EncryptedKey>x</base64EncryptedKey></data>'
    )
    other_form = b'<data id="another_form"><site>Lipa</site></data>'
    submissions = [
        (meta(1), doctype),
        (meta(2), encrypted),
        (meta(3), other_form),
        (meta(4), b""),
        (meta(5), CURRENT),
    ]
    rows = [row for sheet, row in export_rows(schema(), submissions) if sheet == "submissions"]
    errors = [row[MAIN_HEADER.index("_error")] for row in rows]
    assert errors[0] == "Document type declarations are not accepted."
    assert "encrypted" in errors[1]
    assert "another_form" in errors[2]
    assert errors[3] == "The instance is not well-formed XML."
    assert errors[4] == ""
    assert [row[0] for row in rows] == ["uuid:s1", "uuid:s2", "uuid:s3", "uuid:s4", "uuid:s1"]
    assert all(row[1] == "" for row in rows[:4]), "nothing of a broken submission is shown"


def test_a_cell_that_looks_like_a_formula_is_written_as_text_in_both_formats():
    document = (
        CURRENT.replace(b"<site>Lipa</site>", b'<site>=HYPERLINK("http://x","click")</site>')
        .replace(b"<name>Amina</name>", b"<name>@SUM(1)</name>")
        .replace(b"43.85 18.41", b"-43.85 18.41")
    )
    submissions = [(meta(1), document)]
    xlsx = io.BytesIO()
    write_xlsx(schema(), submissions, xlsx)
    for sheets in (as_text_sheets(xlsx_sheets(xlsx.getvalue())), csv_sheets(_csv(submissions))):
        main = sheets["submissions"][2]
        assert main[1] == '\'=HYPERLINK("http://x","click")'
        assert main[3] == "'-43.85 18.41 520 5"
        assert sheets["members"][2][0] == "'@SUM(1)"
    workbook = load_workbook(io.BytesIO(xlsx.getvalue()))
    assert workbook["submissions"]["B3"].data_type == "s"


def test_the_hashtag_row_comes_only_when_a_column_has_a_tag():
    untagged = XLSFORM.replace("#affected+name", "").replace("#date", "")
    untagged = untagged.replace("#geo+coord", "").replace("#loc+name", "")
    untagged = untagged.replace("#affected+hh", "")
    plain = ExportSchema.from_xform(xform(untagged))
    assert [sheet.hxl_row for sheet in plain.sheets] == [None, None, None]
    sheets = csv_sheets(_csv(SUBMISSIONS, plain))
    assert sheets["visits"][:2] == [VISITS_HEADER, ["2025-01-01", "1", "1", "uuid:s1", ""]]


def test_bind_and_instance_hxl_columns_reach_the_xform_but_a_plain_hxl_column_does_not():
    from_xform = ExportSchema.from_xform(xform())
    main = from_xform.sheets[0]
    assert main.hxl_row == ["", "", "", "#geo+coord", "", "", "", "", "", "", ""]
    instance_form = XLSFORM.replace("bind::hxl", "instance::hxl")
    from_instance = ExportSchema.from_xform(xform(instance_form))
    assert from_instance.sheets[1].hxl_row == MEMBERS_TAGS
    assert xlsform_hxl_tags(XLSFORM, file_type=".md") == {
        "site": "#loc+name",
        "household/size": "#affected+hh",
    }


def test_a_plain_hxl_column_is_read_from_an_xlsx_xlsform_too():
    workbook = md_table_to_workbook(XLSFORM)
    xlsx = io.BytesIO()
    workbook.save(xlsx)
    assert xlsform_hxl_tags(xlsx.getvalue(), file_type=".xlsx") == {
        "site": "#loc+name",
        "household/size": "#affected+hh",
    }


class Unseekable(io.RawIOBase):
    """An output that only goes forward, as an HTTP response or a pipe."""

    def __init__(self) -> None:
        self.received = io.BytesIO()

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        return self.received.write(data)


def test_the_csv_zip_can_be_written_to_an_output_that_cannot_seek():
    out = Unseekable()
    write_csv_zip(schema(), SUBMISSIONS, out)
    assert csv_sheets(out.received.getvalue()) == EXPECTED


def test_sheet_names_are_short_unique_and_free_of_characters_excel_refuses():
    long_name = "members_of_the_household_who_travel_together"
    source = XLSFORM.replace("| members ", f"| {long_name} ").replace("| visits ", "| history ")
    named = ExportSchema.from_xform(xform(source), main_sheet=long_name + "/[draft]")
    names = [sheet.name for sheet in named.sheets]
    assert names == [long_name[:31], long_name[:27] + " (2)", "history (2)"]
    bad = ExportSchema.from_xform(xform(), main_sheet="2025/01: [draft]?*\\")
    assert bad.sheets[0].name == "2025_01_ _draft____"
    out = io.BytesIO()
    write_xlsx(named, SUBMISSIONS, out)
    assert load_workbook(io.BytesIO(out.getvalue())).sheetnames == names


def test_a_sheet_never_passes_the_rows_excel_holds_and_leaves_no_temporary_file(
    monkeypatch, tmp_path
):
    monkeypatch.setattr(exports, "XLSX_MAX_ROWS", 5)  # header + tags + three rows
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises(SheetFullError, match="visits"):
        write_xlsx(schema(), SUBMISSIONS, io.BytesIO())
    assert list(tmp_path.iterdir()) == []


def test_rows_are_read_one_submission_at_a_time():
    taken = []

    def submissions() -> Iterator[tuple[dict[str, str], bytes]]:
        for number in range(1, 1000):
            taken.append(number)
            yield meta(1), CURRENT

    rows = export_rows(schema(), submissions())
    first = [next(rows) for _ in range(6)]  # the first submission: 1 + 2 members + 3 visits
    assert [sheet for sheet, _ in first] == ["submissions"] + ["visits"] * 2 + ["members"] + [
        "visits",
        "members",
    ]
    assert taken == [1]


# --- Memory ---------------------------------------------------------------------------------

SYNTHETIC = 20_000
# A small form with a repeat: tracemalloc slows openpyxl tenfold, and the cells per
# submission, not the form's shape, set the time a run takes.
SMALL_FORM = """
| survey |
|        | type         | name    | label   |
|        | text         | site    | Site    |
|        | begin repeat | members | Members |
|        | text         | name    | Name    |
|        | end repeat   |         |         |
| settings |
|          | form_id | version |
|          | small   | 1       |
"""


def synthetic(count: int) -> Iterator[tuple[dict[str, str], bytes]]:
    """``count`` submissions of the small form made on the fly, each with one member."""
    for number in range(count):
        yield (
            {
                "instance_id": f"uuid:{number:08d}",
                "received_at": "2025-01-01T10:00:00+00:00",
                "submitted_by": "enumerator",
                "form_version": "1",
            },
            b'<data id="small" version="1"><site>Lipa %d</site><members><name>Amina %d</name>'
            b"</members><meta><instanceID>uuid:%08d</instanceID></meta></data>"
            % (number, number, number),
        )


def peak_bytes(run) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_however_many_submissions_are_exported(tmp_path):
    # Any export that gathers the rows first holds at least the rows themselves: 40,000
    # here, about 14 MB measured. A streaming export holds one submission and the writers'
    # buffers: about 0.5 MB (XLSX) and 0.7 MB (CSV zip) measured, the same at 2,000
    # submissions as at 20,000. A fifth of the list leaves room for other Python and
    # library releases and still fails as soon as rows pile up.
    small = ExportSchema.from_xform(xform(SMALL_FORM))
    held = peak_bytes(lambda: list(export_rows(small, synthetic(SYNTHETIC))))

    def xlsx() -> None:
        with open(tmp_path / "export.xlsx", "wb") as out:
            write_xlsx(small, synthetic(SYNTHETIC), out)

    def csv_zip() -> None:
        with open(tmp_path / "export.zip", "wb") as out:
            write_csv_zip(small, synthetic(SYNTHETIC), out)

    xlsx_peak, csv_peak = peak_bytes(xlsx), peak_bytes(csv_zip)
    print(f"\nrows in a list {held:,} B; write_xlsx {xlsx_peak:,} B; write_csv_zip {csv_peak:,} B")
    assert xlsx_peak < held / 5
    assert csv_peak < held / 5
    with (
        zipfile.ZipFile(tmp_path / "export.zip") as archive,
        archive.open("members.csv") as members,
    ):
        assert sum(1 for _ in members) == 1 + SYNTHETIC
    workbook = load_workbook(tmp_path / "export.xlsx", read_only=True)
    assert sum(1 for _ in workbook["members"].iter_rows(values_only=True)) == 1 + SYNTHETIC


def _csv(submissions, export_schema: ExportSchema | None = None) -> bytes:
    out = io.BytesIO()
    write_csv_zip(export_schema or schema(), submissions, out)
    return out.getvalue()


def as_text_sheets(sheets: dict[str, list[list[object]]]) -> dict[str, list[list[str]]]:
    return {name: as_text(rows) for name, rows in sheets.items()}
