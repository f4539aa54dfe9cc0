"""An outside list past its limits (bytes, rows, what an XLSX unpacks to) is refused in one
line; and the files Waypoint writes from lists (the matches, ``waypoint link``'s output)
never hold a cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
import time
from dataclasses import replace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from waypoint.core.tests.workbooks import bomb_xlsx, xlsx_bytes
from waypoint.linkage import lists
from waypoint.linkage.tables import LinkageInputError

HEADER = ["Ref", "Ime", "Prezime", "Rodjen"]
FORMULA = '=HYPERLINK("http://x","open")'
MAPPING = "given_name=Ime,family_name=Prezime,birth_date=Rodjen"


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([HEADER, *rows])
    return out.getvalue().encode()


def _post(client, name, data, **extra):  # type: ignore[no-untyped-def]
    fields = {
        "file": SimpleUploadedFile(name, data),
        "id_column": "Ref",
        "mapping": MAPPING,
        "threshold": "0.5",
        **extra,
    }
    return client.post("/linkage/lists/", fields)


@pytest.mark.django_db
def test_the_matches_file_neutralises_a_formula_planted_as_a_list_id(client, personas, twins):
    first, _second, _other = twins
    client.force_login(personas["manager.lipa"])
    data = _csv([[FORMULA, "Muhammad", "Rahimy", "1995"], ["@SUM(1)", "Mohammed", "Rahimi", ""]])
    response = _post(client, "police.csv", data, download="1")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert {row[0] for row in rows[1:]} == {"'" + FORMULA, "'@SUM(1)"}
    assert first.registration_number in {row[1] for row in rows[1:]}


def test_the_link_command_neutralises_formulas_in_ids(tmp_path):
    source = tmp_path / "list.csv"
    source.write_text(
        "id,Name,Born\n"
        f'"{FORMULA.replace(chr(34), chr(34) * 2)}",Mohammed Rahimi,1994\n'
        "@SUM(1),Hassan Qureshi,1979\n"
        "-3,Amina Begum,1999\n",
        encoding="utf-8",
    )
    output = tmp_path / "out.csv"
    call_command(
        "link",
        *("--input", str(source), "--output", str(output), "--id-column", "id"),
        *("--map", "full_name=Name,birth_year=Born"),
        stdout=io.StringIO(),
    )
    with output.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1:] == [
        ["'" + FORMULA, "'" + FORMULA],
        ["'@SUM(1)", "'@SUM(1)"],
        ["-3", "-3"],  # a plain number stays a number
    ]


def test_a_zip_bomb_list_is_refused_at_once():
    started = time.monotonic()
    with pytest.raises(LinkageInputError, match=r"police\.xlsx: the workbook unpacks to 60\.0 MB"):
        lists.list_read("police.xlsx", bomb_xlsx(HEADER), id_column="Ref", mapping=MAPPING)
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("name", ["police.csv", "police.xlsx"])
def test_one_row_past_the_limit_is_refused(monkeypatch, name):
    monkeypatch.setattr(lists, "LIST_LIMITS", replace(lists.LIST_LIMITS, max_rows=2))
    rows = [[f"P-{n}", "Ali", "Hasan", "1990"] for n in range(3)]

    def data(rows: list[list[str]]) -> bytes:
        return xlsx_bytes([HEADER, *rows]) if name.endswith(".xlsx") else _csv(rows)

    assert len(lists.list_read(name, data(rows[:2]), id_column="Ref", mapping=MAPPING).ids) == 2
    with pytest.raises(LinkageInputError, match="more than 2 rows; the limit is 2 rows"):
        lists.list_read(name, data(rows), id_column="Ref", mapping=MAPPING)


@pytest.mark.django_db
def test_a_list_over_twenty_megabytes_is_refused_before_it_is_read(client, personas):
    client.force_login(personas["manager.lipa"])
    data = _csv([["P-1", "Ali", "Hasan", "1990"]]) + b"P-9,Ali,Hasan,1990\n" * 1_100_000
    assert len(data) > lists.LIST_LIMITS.max_bytes
    response = _post(client, "police.csv", data)
    assert f"has {len(data):,} bytes; the limit is 20,000,000 bytes" in response.content.decode()
