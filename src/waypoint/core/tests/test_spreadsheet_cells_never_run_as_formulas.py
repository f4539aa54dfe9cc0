"""Every CSV or XLSX cell Waypoint writes for a user goes through ``safe_cell``: text a
spreadsheet would run as a formula (OWASP, CSV injection) gets a leading apostrophe; plain
numbers and every other text are written as they are."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from waypoint.core.spreadsheets import FORMULA_STARTS, safe_cell, safe_row, safe_writer

PROPERTIES = settings(max_examples=500, deadline=None, derandomize=True)

NUMBERS = st.one_of(
    st.integers().map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr).filter(lambda t: "e" not in t),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
)
DANGEROUS_TEXT = st.builds(
    lambda start, rest: start + rest, st.sampled_from(FORMULA_STARTS), st.text()
)


def _is_plain_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text and text.lower().lstrip("+-") not in {"inf", "infinity", "nan"}


@pytest.mark.parametrize(
    "value",
    ['=HYPERLINK("http://x","click")', "@SUM(1)", "+1+1", "-1+cmd|' /C calc'!A0", "\t=1", "\r=1"],
)
def test_a_formula_becomes_text(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["-3", "-1.5", "+7", "-0.25e3", "-.5", 12, -3, 1.5, None])
def test_a_plain_number_stays_a_number(value):
    assert safe_cell(value) == value


@pytest.mark.parametrize("value", ["Ahmad", "", "'=already text", " =1", "#affected+total", "<5"])
def test_other_text_is_unchanged(value):
    assert safe_cell(value) == value


@PROPERTIES
@given(text=st.one_of(st.text(), DANGEROUS_TEXT, NUMBERS))
def test_no_output_starts_like_a_formula_unless_it_is_a_number(text):
    out = safe_cell(text)
    assert out in (text, "'" + text)
    if out.startswith(FORMULA_STARTS):
        assert _is_plain_number(out), repr(out)


@PROPERTIES
@given(text=st.text())
def test_text_that_is_no_formula_round_trips_unchanged(text):
    if not text.startswith(FORMULA_STARTS):
        assert safe_cell(text) == text


@PROPERTIES
@given(number=NUMBERS)
def test_numbers_written_as_text_stay_numbers(number):
    assert safe_cell(number) == number


@PROPERTIES
@given(rows=st.lists(st.lists(st.text(), min_size=1, max_size=4), min_size=1, max_size=5))
def test_the_csv_writer_reads_back_as_written_but_for_the_apostrophe(rows):
    out = io.StringIO()
    safe_writer(out).writerows(rows)
    back = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert back == [[safe_cell(cell) for cell in row] for row in rows]
    assert not any(
        cell.startswith(FORMULA_STARTS) and not _is_plain_number(cell)
        for row in back
        for cell in row
    )


def test_an_xlsx_row_holds_the_formula_as_text():
    workbook = Workbook()
    workbook.active.append(safe_row(['=HYPERLINK("http://x")', "@SUM(1)", -3, "-1.5"]))
    buffer = io.BytesIO()
    workbook.save(buffer)
    sheet = load_workbook(io.BytesIO(buffer.getvalue())).active
    cells = [cell for cell in next(sheet.iter_rows())]
    assert [cell.data_type for cell in cells] == ["s", "s", "n", "s"]
    assert [cell.value for cell in cells] == ['\'=HYPERLINK("http://x")', "'@SUM(1)", -3, "-1.5"]
