"""An uploaded table is refused, in one line naming the limit and what the file has, when it
is too big, unpacks too far (a zip bomb), has too many rows or takes too long to read; and
it is refused before it is read to its end."""

from __future__ import annotations

import io
import time
import types

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from waypoint.core import spreadsheets
from waypoint.core.spreadsheets import ImportFileError, ImportLimits, spreadsheet_rows
from waypoint.core.tests.workbooks import bomb_xlsx, whole_grid_xlsx, xlsx_bytes

LIMITS = ImportLimits(max_bytes=10_000_000, max_rows=50_000)


def read(name: str, data: bytes, limits: ImportLimits = LIMITS) -> list[dict[str, str]]:
    return list(spreadsheet_rows(name, io.BytesIO(data), limits=limits))


def test_a_zip_bomb_is_refused_by_what_it_unpacks_to_before_it_is_read():
    bomb = bomb_xlsx(["given_name"])
    assert len(bomb) < 1_000_000  # under a megabyte, 60 MB unpacked
    started = time.monotonic()
    with pytest.raises(ImportFileError, match=r"unpacks to 60\.0 MB; the limit is 50\.0 MB"):
        read("people.xlsx", bomb)
    assert time.monotonic() - started < 3


def test_a_part_that_unpacks_a_hundredfold_is_refused_below_the_size_limit():
    bomb = bomb_xlsx(["given_name"], unpacked_bytes=20_000_000)
    with pytest.raises(ImportFileError, match=r"sheet1\.xml unpacks to [\d,]+ times its size"):
        read("people.xlsx", bomb)


def test_an_honest_workbook_passes_the_archive_check():
    rows = [["given_name", "family_name"]] + [[f"Ali{n}", "Hasan"] for n in range(2000)]
    assert len(read("people.xlsx", xlsx_bytes(rows))) == 2000


def test_a_sheet_that_claims_the_whole_grid_is_read_as_written():
    data = whole_grid_xlsx(["given_name", "family_name"], ["Ali", "Hasan"])
    started = time.monotonic()
    rows = read("people.xlsx", data)
    assert rows[0] == {"given_name": "Ali", "family_name": "Hasan"}
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("name", ["people.csv", "people.xlsx"])
def test_a_file_over_the_byte_limit_is_refused_before_reading(name):
    data = b"given_name\n" + b"Ali\n" * 3000
    small = ImportLimits(max_bytes=len(data) - 1, max_rows=50_000)
    with pytest.raises(ImportFileError, match=rf"has {len(data):,} bytes; the limit is"):
        read(name, data, small)


@pytest.mark.parametrize("name", ["people.csv", "people.xlsx"])
def test_one_row_too_many_is_refused(name):
    rows = [["given_name"]] + [[f"Ali{n}"] for n in range(11)]
    data = (
        xlsx_bytes(rows) if name.endswith(".xlsx") else "\n".join(row[0] for row in rows).encode()
    )
    ten = ImportLimits(max_bytes=10_000_000, max_rows=10)
    with pytest.raises(ImportFileError, match="more than 10 rows; the limit is 10 rows"):
        read(name, data, ten)


def test_reading_stops_when_the_time_is_up(monkeypatch):
    ticks = iter(range(0, 10_000, 10))  # every look at the clock, ten seconds later
    monkeypatch.setattr(spreadsheets, "clock", types.SimpleNamespace(monotonic=lambda: next(ticks)))
    data = ("given_name\n" + "Ali\n" * 100).encode()
    limits = ImportLimits(max_bytes=10_000_000, max_rows=50_000, max_seconds=30)
    with pytest.raises(ImportFileError, match="after 30 seconds; the limit is 30 seconds"):
        read("people.csv", data, limits)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(rows=st.integers(0, 30), limit=st.integers(1, 30), xlsx=st.booleans())
def test_a_file_is_read_whole_exactly_when_its_rows_are_within_the_limit(rows, limit, xlsx):
    table = [["given_name"]] + [[f"Ali{n}"] for n in range(rows)]
    name = "people.xlsx" if xlsx else "people.csv"
    data = xlsx_bytes(table) if xlsx else "\n".join(row[0] for row in table).encode()
    limits = ImportLimits(max_bytes=10_000_000, max_rows=limit)
    if rows <= limit:
        assert len(read(name, data, limits)) == rows
    else:
        with pytest.raises(ImportFileError, match=f"more than {limit} rows"):
            read(name, data, limits)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(data=st.binary(max_size=2000))
def test_any_bytes_named_xlsx_are_read_or_refused_in_one_line(data):
    try:
        read("people.xlsx", data)
    except ImportFileError as error:
        assert "\n" not in str(error)
