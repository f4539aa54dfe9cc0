"""A centre or municipality named like a formula is written to the open-data CSV and XLSX
as text: no cell starts with ``= + - @``, a tab or a carriage return unless it is a plain
number."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from waypoint.core.spreadsheets import FORMULA_STARTS
from waypoint.places.models import Area, Site
from waypoint.reports.tests.conftest import build_round

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://x","open")'


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@pytest.fixture
def planted_round(personas):  # type: ignore[no-untyped-def]
    Site.objects.filter(code="TRC-LIP").update(name=FORMULA)
    Site.objects.filter(code="TRC-BOR").update(name="\t=1+2")  # a tab hides the formula
    round_ = build_round(personas["admin"])
    Area.objects.filter(code="BA0101001").update(name="@SUM(1)")  # Bihać
    return round_


def test_the_csv_files_write_a_planted_name_as_text(client, personas, planted_round):
    client.force_login(personas["partner"])
    cells: list[str] = []
    for key in ("presence_places", "centre_sex_age"):
        response = client.get(f"/reports/rounds/{planted_round.number}/{key}.csv")
        assert response.status_code == 200
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        cells += [cell for row in rows for cell in row]
    assert "'" + FORMULA in cells
    assert "'@SUM(1), outside centres" in cells
    assert "'\t=1+2" in cells
    assert not [c for c in cells if c.startswith(FORMULA_STARTS) and not _number(c)]


def test_the_workbook_writes_a_planted_name_as_text(client, personas, planted_round):
    client.force_login(personas["partner"])
    response = client.get(f"/reports/rounds/{planted_round.number}/tables.xlsx")
    book = load_workbook(io.BytesIO(response.content))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    texts = [cell.value for cell in cells if isinstance(cell.value, str)]
    assert "'" + FORMULA in texts and "'@SUM(1), outside centres" in texts
    assert "'\t=1+2" in texts
    assert not [cell for cell in cells if cell.data_type == "f"]  # no formula at all
    assert not [t for t in texts if t.startswith(FORMULA_STARTS) and not _number(t)]
