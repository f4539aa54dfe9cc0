"""Workbooks for the import-limit tests: an honest one, and ones built to hurt a reader."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"
_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)


def xlsx_bytes(rows: Iterable[Iterable[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _with_sheet(header: list[str], write_sheet: object) -> bytes:
    """A real workbook whose first sheet is replaced by what ``write_sheet`` writes."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes([header])))
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != SHEET:
                target.writestr(item, source.read(item.filename))
        with target.open(SHEET, "w", force_zip64=True) as sheet:
            sheet.write(_HEAD)
            write_sheet(sheet)  # type: ignore[operator]
            sheet.write(b"</worksheet>")
    return out.getvalue()


def bomb_xlsx(header: list[str], *, unpacked_bytes: int = 60_000_000) -> bytes:
    """A workbook of well under a megabyte whose sheet repeats one cell until it unpacks to
    ``unpacked_bytes``: a zip bomb in the shape of a spreadsheet."""
    cells = b"".join(
        b'<c t="inlineStr"><is><t>' + name.encode() + b"</t></is></c>" for name in header
    )
    row = b"<row>" + cells + b"</row>"

    def write(sheet: io.BufferedWriter) -> None:
        sheet.write(b"<sheetData>")
        chunk = row * (1_000_000 // len(row) + 1)
        written = 0
        while written < unpacked_bytes:
            sheet.write(chunk)
            written += len(chunk)
        sheet.write(b"</sheetData>")

    return _with_sheet(header, write)


def whole_grid_xlsx(header: list[str], row: list[str]) -> bytes:
    """A small workbook whose sheet claims the whole grid (A1:XFD1048576) and writes one
    cell in its last row: a reader that pads rows to the claimed size never finishes."""

    def inline(reference: str, text: str) -> bytes:
        return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'.encode()

    def write(sheet: io.BufferedWriter) -> None:
        sheet.write(b'<dimension ref="A1:XFD1048576"/><sheetData>')
        letters = "ABCDEFGHIJ"
        sheet.write(b'<row r="1">')
        for column, name in enumerate(header):
            sheet.write(inline(f"{letters[column]}1", name))
        sheet.write(b'</row><row r="2">')
        for column, value in enumerate(row):
            sheet.write(inline(f"{letters[column]}2", value))
        sheet.write(b'</row><row r="1048576">' + inline("XFD1048576", "x") + b"</row>")
        sheet.write(b"</sheetData>")

    return _with_sheet(header, write)
