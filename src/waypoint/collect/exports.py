"""A form's submissions as spreadsheets: one XLSX, or a zip of CSVs, written in constant memory.

The columns come from the XForm of one form version (``ExportSchema.from_xform``), not from
the submissions, so an export of a million submissions never holds more than one of them:
``export_rows`` reads a submission, yields its rows and forgets it, and the writers put each
row straight into the file (openpyxl's write-only workbook keeps each sheet in a temporary
file; the CSV zip streams its main sheet into the archive and spools the repeat sheets to
temporary files, added at the end, since a zip is written one member at a time).

The shape is the one KoboToolbox and ODK Central users know:
- the main sheet has a column per question outside any repeat, named by its path below the
  instance root (``household/size``), ``meta/instanceID`` first;
- each repeat, nested ones too, has a sheet of its own, columns named by their path below
  the repeat; ``_index`` numbers a sheet's rows, ``_parent_index`` is the ``_index`` of the
  row the repeat sits in (the main sheet's for a repeat at the top), ``_submission`` is the
  instanceID;
- answers are the text as received: a select_multiple is its space-separated choice names,
  a geopoint ``latitude longitude altitude accuracy``, a photo its file name;
- an answer the schema has no column for (a submission of an older version) goes into the
  row's ``_extra`` as ``path=value; ...``; a submission that cannot be read is one main row
  whose ``_error`` says why, and the export goes on;
- an HXL hashtag row sits under the header of a sheet when one of its columns has a tag.

HXL tags reach the XForm only through an XLSForm column ``bind::hxl`` (a bind attribute) or
``instance::hxl`` (an instance attribute): pyxform drops a plain ``hxl`` column, the
KoboToolbox spelling, so ``xlsform_hxl_tags`` reads that one from the XLSForm itself.

The writers pass every cell through ``core.spreadsheets.safe_cell``: text that a spreadsheet
would run as a formula is written with a leading apostrophe.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import IO, Any, BinaryIO
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import fromstring
from django.utils.translation import gettext as _

from waypoint.collect.instances import InstanceError, instance_root
from waypoint.core.spreadsheets import safe_cell

# (meta, instance XML): meta has instance_id, received_at (ISO text), submitted_by and
# form_version.
Submission = tuple[Mapping[str, str], bytes]

XFORMS = "{http://www.w3.org/2002/xforms}"
INSTANCE_ID = "meta/instanceID"
SUBMISSION_COLUMNS = ("_received_at", "_submitted_by", "_form_version")
NUMBER_KINDS = frozenset({"int", "decimal", "_index"})
# Excel's limits: a sheet name, the rows of a sheet, the characters of a cell.
SHEET_NAME_LENGTH = 31
XLSX_MAX_ROWS = 1_048_576
XLSX_MAX_CELL = 32_767
_SHEET_NAME_FORBIDDEN = re.compile(r'[\[\]:*?/\\<>"|\x00-\x1f]')
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_INTEGER = re.compile(r"[+-]?[0-9]{1,15}", re.ASCII)
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,2})?", re.ASCII)


class SheetFullError(ValueError):
    """A sheet would pass Excel's 1,048,576 rows: export as CSV instead."""


@dataclass(frozen=True)
class Column:
    path: str  # below the instance root ("household/members/name"); "" for our own columns
    name: str  # the header: the path below the sheet's repeat, or "_index", "_extra", ...
    kind: str = "string"  # the XForm bind type (int, decimal, geopoint, binary, ...)
    hxl: str = ""  # an HXL hashtag such as "#affected+name", or ""


@dataclass(frozen=True)
class Sheet:
    name: str  # unique, at most 31 characters, none of []:*?/\
    path: str  # the repeat's path below the instance root; "" for the main sheet
    parent: str | None  # the path of the sheet its _parent_index points into
    columns: tuple[Column, ...]

    @property
    def header(self) -> list[str]:
        return [column.name for column in self.columns]

    @property
    def hxl_row(self) -> list[str] | None:
        """The hashtag row, or None when no column of this sheet has a tag."""
        tags = [column.hxl for column in self.columns]
        return tags if any(tags) else None

    def position(self, name: str) -> int:
        return self._positions[name]

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {name: number for number, name in enumerate(self.header)}


@dataclass(frozen=True)
class ExportSchema:
    form_id: str
    sheets: tuple[Sheet, ...]  # the main sheet first, then the repeats in form order
    # path -> (sheet number, column number) for each question; repeat path -> sheet number.
    leaves: Mapping[str, tuple[int, int]] = field(repr=False)
    repeats: Mapping[str, int] = field(repr=False)

    @classmethod
    def from_xform(
        cls,
        xform: str | bytes,
        *,
        main_sheet: str = "submissions",
        hxl_tags: Mapping[str, str] | None = None,
    ) -> ExportSchema:
        """The sheets and columns of the XForm of one form version.

        ``hxl_tags`` (question path: hashtag, e.g. from ``xlsform_hxl_tags``) add to and
        override the tags the XForm carries. Raises ``ValueError`` for an XForm without a
        primary instance.
        """
        document = xform.encode() if isinstance(xform, str) else xform
        root = fromstring(document, forbid_dtd=True)
        instance = root.find(f".//{XFORMS}model/{XFORMS}instance")
        data = next(iter(instance), None) if instance is not None else None
        if data is None:
            raise ValueError("The XForm has no primary instance.")
        prefix = f"/{_local(data.tag)}/"
        binds = {
            bind.get("nodeset", "").removeprefix(prefix): bind
            for bind in root.iter(f"{XFORMS}bind")
        }
        repeat_paths = {
            repeat.get("nodeset", "").removeprefix(prefix)
            for repeat in root.iter(f"{XFORMS}repeat")
        }
        tags = dict(hxl_tags or {})
        order: list[str] = [""]  # sheets by path, in form order
        fields: dict[str, list[Column]] = {"": []}
        for path, element in _instance_nodes(data):
            sheet_path = _sheet_of(path, repeat_paths)
            if path in repeat_paths:
                order.append(path)
                fields[path] = []
            elif not len(element):
                bind = binds.get(path)
                fields[sheet_path].append(
                    Column(
                        path=path,
                        name=path.removeprefix(f"{sheet_path}/") if sheet_path else path,
                        kind=bind.get("type", "string") if bind is not None else "string",
                        hxl=tags.get(path) or _hxl_attribute(bind) or _hxl_attribute(element),
                    )
                )
        names = _sheet_names([main_sheet] + [path.rsplit("/", 1)[-1] for path in order[1:]])
        sheets = []
        for number, path in enumerate(order):
            columns = fields[path]
            if path:
                columns = [
                    *columns,
                    Column("", "_index", "_index"),
                    Column("", "_parent_index", "_index"),
                    Column("", "_submission"),
                    Column("", "_extra"),
                ]
            else:
                first = [c for c in columns if c.path == INSTANCE_ID] or [
                    Column(INSTANCE_ID, INSTANCE_ID)
                ]
                columns = [
                    *first,
                    *(c for c in columns if c.path != INSTANCE_ID),
                    Column("", "_index", "_index"),
                    *(Column("", name) for name in SUBMISSION_COLUMNS),
                    Column("", "_extra"),
                    Column("", "_error"),
                ]
            parent = _sheet_of(path, repeat_paths - {path}) if path else None
            sheets.append(Sheet(names[number], path, parent, tuple(columns)))
        return cls(
            form_id=data.get("id", ""),
            sheets=tuple(sheets),
            leaves={
                column.path: (number, position)
                for number, sheet in enumerate(sheets)
                for position, column in enumerate(sheet.columns)
                if column.path
            },
            repeats={path: number for number, path in enumerate(order) if path},
        )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _hxl_attribute(element: Element | None) -> str:
    if element is None:
        return ""
    return next((value.strip() for key, value in element.items() if _local(key) == "hxl"), "")


def _instance_nodes(data: Element) -> Iterator[tuple[str, Element]]:
    """Each element below the instance root with its path, in form order, once: pyxform
    writes a repeat twice (its jr:template and a first instance)."""
    seen: set[str] = set()
    stack = [(iter(data), "")]
    while stack:
        children, path = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        child_path = f"{path}/{_local(child.tag)}" if path else _local(child.tag)
        if child_path in seen:
            continue
        seen.add(child_path)
        yield child_path, child
        stack.append((iter(child), child_path))


def _sheet_of(path: str, repeat_paths: set[str]) -> str:
    """The path of the innermost repeat holding ``path`` (itself included), "" for none."""
    while path and path not in repeat_paths:
        path = path.rpartition("/")[0]
    return path


def _sheet_names(wanted: list[str]) -> list[str]:
    """Names Excel accepts: at most 31 characters, none of []:*?/\\ (nor what a file name
    may not hold, the CSV members being named after them), unique regardless of case."""
    taken = {"history"}  # Excel keeps that name for itself
    names = []
    for name in wanted:
        base = _SHEET_NAME_FORBIDDEN.sub("_", name).strip().strip("'") or "sheet"
        candidate, number = base[:SHEET_NAME_LENGTH].rstrip("'"), 1  # no ' at either end
        while candidate.casefold() in taken:
            number += 1
            suffix = f" ({number})"
            candidate = base[: SHEET_NAME_LENGTH - len(suffix)] + suffix
        taken.add(candidate.casefold())
        names.append(candidate)
    return names


def xlsform_hxl_tags(xlsform: str | bytes, *, file_type: str) -> dict[str, str]:
    """Question path: hashtag, from a plain ``hxl`` column of an XLSForm (.xlsx, .xls, .md),
    which pyxform leaves out of the XForm. Pass it to ``ExportSchema.from_xform``."""
    from pyxform.xls2json_backends import get_xlsform

    book = get_xlsform(xlsform=xlsform, file_type=file_type)
    tags: dict[str, str] = {}
    groups: list[str] = []
    for row in book.survey or ():
        kind = " ".join(str(row.get("type", "")).replace("_", " ").split()).lower()
        name = str(row.get("name", "")).strip()
        if kind in {"begin group", "begin repeat"}:
            groups.append(name)
        elif kind in {"end group", "end repeat"}:
            if groups:
                groups.pop()
        elif name and (tag := str(row.get("hxl", "")).strip()):
            tags["/".join([*groups, name])] = tag
    return tags


# --- Rows -----------------------------------------------------------------------------------


@dataclass
class _Row:
    sheet: Sheet
    cells: list[str]
    extra: list[str] = field(default_factory=list)

    def done(self) -> tuple[str, list[str]]:
        if self.extra:
            self.cells[self.sheet.position("_extra")] = "; ".join(self.extra)
        return self.sheet.name, self.cells


def export_rows(
    schema: ExportSchema, submissions: Iterable[Submission]
) -> Iterator[tuple[str, list[str]]]:
    """(sheet name, row) for each submission in turn: its main row, then its repeat rows.

    Rows are in the order of the sheet's columns, every cell text as received (not yet made
    formula-safe: the writers do that). Reads one submission at a time.
    """
    counters = [0] * len(schema.sheets)
    main = schema.sheets[0]
    for meta, document in submissions:
        counters[0] += 1
        row = _Row(main, [""] * len(main.columns))
        row.cells[main.position("_index")] = str(counters[0])
        for name in SUBMISSION_COLUMNS:
            row.cells[main.position(name)] = str(meta.get(name.removeprefix("_"), ""))
        try:
            repeat_rows = _read_instance(schema, meta, document, row, counters)
        except InstanceError as error:  # raised before any answer is read
            row.cells[main.position("_error")] = str(error) or _("The instance cannot be read.")
            repeat_rows = []
        if not row.cells[0]:
            row.cells[0] = str(meta.get("instance_id", ""))
        yield row.done()
        for repeat_row in repeat_rows:
            yield repeat_row.done()


def _read_instance(
    schema: ExportSchema,
    meta: Mapping[str, str],
    document: bytes,
    main_row: _Row,
    counters: list[int],
) -> list[_Row]:
    """Fill ``main_row`` from the instance; its repeat rows, each once complete, in order."""
    root = instance_root(document)
    if root.get("encrypted", "").lower() == "yes":
        raise InstanceError(_("The submission is encrypted: decrypt it before exporting."))
    form_id = root.get("id", "")
    if schema.form_id and form_id and form_id != schema.form_id:
        raise InstanceError(
            _("The submission belongs to the form %(form_id)s.") % {"form_id": form_id}
        )
    instance_id = str(meta.get("instance_id", ""))
    rows: list[_Row] = []
    # Depth first without recursion: a hostile instance may nest thousands of levels deep.
    stack: list[tuple[Iterator[Element], str, _Row, bool]] = [(iter(root), "", main_row, False)]
    while stack:
        children, path, row, owns_row = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if owns_row:
                rows.append(row)
            continue
        child_path = f"{path}/{_local(child.tag)}" if path else _local(child.tag)
        if child_path in schema.repeats:
            sheet_number = schema.repeats[child_path]
            sheet = schema.sheets[sheet_number]
            counters[sheet_number] += 1
            inner = _Row(sheet, [""] * len(sheet.columns))
            inner.cells[sheet.position("_index")] = str(counters[sheet_number])
            inner.cells[sheet.position("_parent_index")] = row.cells[row.sheet.position("_index")]
            inner.cells[sheet.position("_submission")] = instance_id
            stack.append((iter(child), child_path, inner, True))
        elif len(child):
            stack.append((iter(child), child_path, row, False))
        else:
            _put(schema, row, child_path, (child.text or "").strip())
    return rows


def _put(schema: ExportSchema, row: _Row, path: str, text: str) -> None:
    place = schema.leaves.get(path)
    if place is not None and schema.sheets[place[0]] is row.sheet and not row.cells[place[1]]:
        row.cells[place[1]] = text
    elif text:
        # Not in this version's form (or twice in one row): kept, not lost.
        name = path.removeprefix(f"{row.sheet.path}/") if row.sheet.path else path
        row.extra.append(f"{name}={text}")


# --- Writers --------------------------------------------------------------------------------


def _xlsx_cell(kind: str) -> Callable[[str], object]:
    def number(text: str) -> object:
        if _INTEGER.fullmatch(text):
            return int(text)
        if kind == "decimal" and _DECIMAL.fullmatch(text):
            return float(text)
        return text_cell(text)

    def text_cell(text: str) -> object:
        text = _ILLEGAL_XLSX.sub("", text)[:XLSX_MAX_CELL]
        return safe_cell(text) if text else None

    return number if kind in NUMBER_KINDS else text_cell


def write_xlsx(
    schema: ExportSchema, submissions: Iterable[Submission], out: BinaryIO
) -> dict[str, int]:
    """Write the export as one workbook to ``out``; the number of rows written per sheet.

    Numbers (integer and decimal questions, ``_index``) are written as numbers, the rest as
    text; a cell longer than Excel's 32,767 characters is cut there (the CSV keeps it whole).
    Raises ``SheetFullError`` before a sheet passes Excel's row limit.
    """
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    worksheets = {}
    cells: dict[str, list[Callable[[str], object]]] = {}
    limits: dict[str, int] = {}
    for sheet in schema.sheets:
        worksheet = workbook.create_sheet(title=sheet.name)
        heading = [sheet.header] + ([sheet.hxl_row] if sheet.hxl_row else [])
        worksheet.freeze_panes = f"A{len(heading) + 1}"
        for line in heading:
            worksheet.append([safe_cell(text) for text in line])
        worksheets[sheet.name] = worksheet
        cells[sheet.name] = [_xlsx_cell(column.kind) for column in sheet.columns]
        limits[sheet.name] = XLSX_MAX_ROWS - len(heading)
    counts = dict.fromkeys(worksheets, 0)
    try:
        for name, row in export_rows(schema, submissions):
            if counts[name] == limits[name]:
                raise SheetFullError(
                    _("The sheet %(sheet)s has more rows than Excel holds: export as CSV.")
                    % {"sheet": name}
                )
            worksheets[name].append(
                [cell(text) for cell, text in zip(cells[name], row, strict=True)]
            )
            counts[name] += 1
    except BaseException:
        # openpyxl removes a sheet's temporary file only when the workbook is saved; an
        # export that fails half way must not leave hundreds of megabytes in /tmp.
        with contextlib.suppress(Exception):
            workbook.save(_Nowhere())
        raise
    workbook.save(out)
    return counts


class _Nowhere(io.RawIOBase):
    """A stream that forgets what it is given."""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        return len(data)


def write_csv_zip(
    schema: ExportSchema, submissions: Iterable[Submission], out: BinaryIO
) -> dict[str, int]:
    """Write the export as a zip of one CSV per sheet (``<sheet name>.csv``, UTF-8 with a
    byte order mark so that Excel reads the letters right); the rows written per sheet."""
    counts = {sheet.name: 0 for sheet in schema.sheets}
    main, repeats = schema.sheets[0], schema.sheets[1:]
    with (
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        contextlib.ExitStack() as spooled,
    ):
        spools = {sheet.name: spooled.enter_context(tempfile.TemporaryFile()) for sheet in repeats}
        handles = {name: _csv_text(spool) for name, spool in spools.items()}
        # The main sheet goes straight into the archive; its size is unknown until the end.
        with _csv_text(archive.open(f"{main.name}.csv", "w", force_zip64=True)) as main_file:
            handles[main.name] = main_file
            writers = {name: csv.writer(handle) for name, handle in handles.items()}
            for sheet in schema.sheets:
                for line in [sheet.header] + ([sheet.hxl_row] if sheet.hxl_row else []):
                    writers[sheet.name].writerow([safe_cell(text) for text in line])
            for name, row in export_rows(schema, submissions):
                writers[name].writerow([safe_cell(text) for text in row])
                counts[name] += 1
        for name, spool in spools.items():
            handles[name].flush()
            _add_spooled(archive, f"{name}.csv", spool)
    return counts


def _csv_text(handle: IO[bytes]) -> io.TextIOWrapper:
    return io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")


def _add_spooled(archive: zipfile.ZipFile, name: str, raw: IO[bytes]) -> None:
    member = zipfile.ZipInfo(name, date_time=datetime.now().timetuple()[:6])
    member.compress_type = zipfile.ZIP_DEFLATED
    member.file_size = raw.seek(0, io.SEEK_END)  # so that zipfile picks ZIP64 only if needed
    raw.seek(0)
    with archive.open(member, "w") as target:
        shutil.copyfileobj(raw, target)
