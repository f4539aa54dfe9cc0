"""Turning an uploaded XLSForm into an XForm, with its problems said by sheet, row and column.

pyxform converts (the XLSForm rules KoboToolbox and ODK Central apply) and ODK Validate
(JavaRosa, the engine inside ODK Collect, shipped with pyxform; needs Java) checks the
result, as ODK Central does on upload. Their messages are read back into ``Problem`` rows:
pyxform names the row in most messages ("[row : 3]"); where it does not (an unknown
question type), or where ODK Validate names a field (``${name}``), the row is found in the
sheet itself. Without Java the form is converted and a warning says it was not validated.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils.translation import gettext as _
from pyxform.errors import PyXFormError
from pyxform.validators.odk_validate import ODKValidateError
from pyxform.xls2json_backends import get_xlsform
from pyxform.xls2xform import convert

# An XLSForm of a few hundred questions is well under a megabyte.
MAX_XLSFORM_BYTES = 5 * 1024 * 1024
FILE_TYPES = {".xlsx": ".xlsx", ".xls": ".xls", ".md": ".md"}
XFORMS = "{http://www.w3.org/2002/xforms}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a look) in an XLSForm, where a person would fix it."""

    message: str
    sheet: str = ""
    row: int | None = None  # the spreadsheet row, the header being row 1
    column: str = ""


class XLSFormError(ValueError):
    """The XLSForm cannot become a form; ``problems`` says what to fix and where."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(problem.message for problem in problems))
        self.problems = problems


@dataclass(frozen=True)
class Converted:
    form_id: str
    version: str
    title: str
    xml: str
    encrypted: bool
    warnings: list[Problem] = field(default_factory=list)
    itemsets: str | None = None  # itemsets.csv, for choices from the external_choices sheet
    media: tuple[str, ...] = ()  # files the form refers to (jr://images/..., jr://file-csv/...)


def java_available() -> bool:
    return shutil.which("java") is not None


def _sheet_rows(content: bytes, file_type: str) -> dict[str, list[dict[str, Any]]]:
    try:
        book = get_xlsform(xlsform=content, file_type=file_type)
    except Exception:  # pyxform raises many kinds for a broken file; the conversion says why
        return {}
    return {name: list(getattr(book, name, None) or []) for name in ("survey", "choices")}


def _row_where(rows: list[dict[str, Any]], column: str, value: str) -> int | None:
    for index, row in enumerate(rows):
        if str(row.get(column, "")).strip() == value:
            return index + 2
    return None


SHEET = re.compile(r"(?:On|on) the '([^']+)' sheet|the '([^']+)' sheet")
ROW = re.compile(r"\[row : (\d+)\]")
COLUMN = re.compile(r"the '([a-z_:]+(?:::[^']+)?)' (?:value|column)")
FIELD = re.compile(r"\$\{([A-Za-z_][\w.-]*)\}")
QUESTION_TYPE = re.compile(r"Unknown question type '([^']*)'")


def _problem(message: str, sheets: dict[str, list[dict[str, Any]]]) -> Problem:
    """Read sheet, row and column out of a pyxform or ODK Validate message."""
    message = " ".join(message.split())
    sheet_match = SHEET.search(message)
    sheet = (sheet_match.group(1) or sheet_match.group(2)) if sheet_match else ""
    row_match = ROW.search(message)
    row = int(row_match.group(1)) if row_match else None
    column_match = COLUMN.search(message)
    column = column_match.group(1) if column_match else ""
    survey = sheets.get("survey", [])
    if row is None and (unknown := QUESTION_TYPE.search(message)):
        sheet, column = "survey", "type"
        row = _row_where(survey, "type", unknown.group(1))
    if row is None and (named := FIELD.search(message)):
        found = _row_where(survey, "name", named.group(1).rsplit("/", 1)[-1])
        if found is not None:
            sheet, row = "survey", found
            if not column and (kind := re.search(r"invalid (\w+) expression", message)):
                column = kind.group(1)
    if row is not None and not sheet:
        sheet = "survey"
    return Problem(message=message, sheet=sheet, row=row, column=column)


def _validate_messages(error: ODKValidateError) -> list[str]:
    lines = [line.strip(" >:") for line in str(error).splitlines()]
    wanted = [
        line
        for line in lines
        if line
        and not line.startswith(("ODK Validate Errors", "The following files failed", "${tmp"))
        and line not in {"XForm is invalid.", "Result: Invalid"}
    ]
    return wanted or [str(error)]


def _settings(xml: str) -> tuple[str, str, str, bool, tuple[str, ...]]:
    """form id, version, title, encrypted and the media files, read off the XForm."""
    try:
        root = fromstring(xml.encode(), forbid_dtd=True)
    except (DefusedXmlException, ValueError, SyntaxError):
        raise XLSFormError([Problem(_("pyxform made an XForm that cannot be read."))]) from None
    title = ""
    for element in root.iter():
        if element.tag.endswith("}title"):
            title = (element.text or "").strip()
            break
    instance = root.find(f".//{XFORMS}instance")
    data = next(iter(instance), None) if instance is not None else None
    form_id = data.get("id", "") if data is not None else ""
    version = data.get("version", "") if data is not None else ""
    submission = root.find(f".//{XFORMS}submission")
    encrypted = submission is not None and bool(submission.get("base64RsaPublicKey"))
    return form_id, version, title or form_id, encrypted, media_references(xml)


MEDIA = re.compile(r"jr://(?:images|audio|video|file|file-csv)/([^\"'<\s]+)")


def media_references(xml: str) -> tuple[str, ...]:
    """The files an XForm refers to (``jr://images/...``, ``jr://file-csv/...``), by name."""
    return tuple(sorted({reference.split("/")[-1] for reference in MEDIA.findall(xml)}))


def xlsform_convert(name: str, content: bytes, *, validate: bool = True) -> Converted:
    """The XForm of an uploaded XLSForm (``name`` tells its kind: .xlsx, .xls or .md).

    Raises ``XLSFormError`` listing every problem found, by sheet, row and column.
    """
    suffix = Path(name).suffix.lower()
    if suffix not in FILE_TYPES:
        raise XLSFormError([Problem(_("Upload the XLSForm as an .xlsx, .xls or .md file."))])
    if len(content) > MAX_XLSFORM_BYTES:
        raise XLSFormError([Problem(_("The XLSForm is larger than 5 MB."))])
    if not content.strip():
        raise XLSFormError([Problem(_("The file is empty."))])
    file_type = FILE_TYPES[suffix]
    sheets = _sheet_rows(content, file_type)
    warnings: list[str] = []
    check = validate and java_available()
    try:
        result = convert(
            xlsform=content.decode("utf-8") if file_type == ".md" else content,
            warnings=warnings,
            validate=check,
            pretty_print=True,
            form_name="data",
            file_type=file_type,
        )
    except ODKValidateError as error:
        raise XLSFormError([_problem(line, sheets) for line in _validate_messages(error)]) from None
    except PyXFormError as error:
        raise XLSFormError([_problem(str(error), sheets)]) from None
    except UnicodeDecodeError:
        raise XLSFormError([Problem(_("The .md file is not UTF-8 text."))]) from None
    except Exception as error:  # a file that is not a workbook at all: many kinds
        raise XLSFormError(
            [Problem(_("The file could not be read as an XLSForm: %(reason)s") % {"reason": error})]
        ) from None
    form_id, version, title, encrypted, media = _settings(result.xform)
    problems = [_problem(warning, sheets) for warning in warnings]
    if validate and not check:
        problems.append(Problem(_("Not checked with ODK Validate: Java is not installed here.")))
    if not form_id:
        raise XLSFormError([Problem(_("The form has no form_id."), sheet="settings")])
    if len(form_id) > 64 or not re.fullmatch(r"[A-Za-z_][\w.-]*", form_id):
        raise XLSFormError(
            [
                Problem(
                    _("form_id must be a name of letters, digits, _ . - (64 at most)."),
                    sheet="settings",
                    column="form_id",
                )
            ]
        )
    if not version:
        raise XLSFormError(
            [
                Problem(
                    _(
                        "Give the form a version (the settings sheet, version column): phones "
                        "tell versions apart by it."
                    ),
                    sheet="settings",
                    column="version",
                )
            ]
        )
    if len(version) > 64:
        raise XLSFormError(
            [Problem(_("The version is longer than 64 characters."), "settings", None, "version")]
        )
    itemsets = result.itemsets or None
    if itemsets:
        media = tuple(sorted({*media, "itemsets.csv"}))
    return Converted(
        form_id=form_id,
        version=version,
        title=title[:255],
        xml=result.xform,
        encrypted=encrypted,
        warnings=problems,
        itemsets=itemsets,
        media=media,
    )
