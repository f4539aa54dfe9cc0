"""The subject access export as files: a readable page (HTML, or PDF through WeasyPrint
with the fonts Waypoint ships, right to left for Arabic, Farsi, Pashto and Urdu) and JSON.

Pure rendering of a ``queries.SubjectAccess``: no database, no audit (the caller records).
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from waypoint.core import fonts
from waypoint.privacy.queries import SubjectAccess


class PdfUnavailable(Exception):
    """WeasyPrint or Pango is missing on this machine."""


def direction_of(text: str) -> str:
    """ "rtl" when ``text`` holds a right-to-left letter, else "ltr": a phone number or a
    Latin name keeps its order on a right-to-left page."""
    rtl = any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)
    return "rtl" if rtl else "ltr"


def _laid_out(export: SubjectAccess) -> list[dict[str, Any]]:
    return [
        {
            "title": section.title,
            "note": section.note,
            "records": [
                [(label, value, direction_of(value)) for label, value in record]
                for record in section.records
            ],
        }
        for section in export.sections
    ]


def subject_access_html(export: SubjectAccess, *, for_pdf: bool = False) -> str:
    with translation.override(export.language):
        return render_to_string(
            "privacy/subject_access.html",
            {
                "export": export,
                "sections": _laid_out(export),
                "for_pdf": for_pdf,
                "font_stack": fonts.STACK,
            },
        )


def subject_access_pdf(export: SubjectAccess) -> bytes:
    try:
        from weasyprint import CSS, HTML
        from weasyprint.text.fonts import FontConfiguration
    except (ImportError, OSError) as error:  # pragma: no cover - depends on the machine
        raise PdfUnavailable(str(error)) from error
    config = FontConfiguration()
    faces = CSS(string=fonts.pdf_font_faces(), font_config=config)
    html = subject_access_html(export, for_pdf=True)
    return bytes(
        HTML(string=html).write_pdf(
            stylesheets=[faces], font_config=config, pdf_identifier=b"waypoint-subject-access"
        )
    )


def subject_access_json(export: SubjectAccess) -> bytes:
    return json.dumps(export.as_json(), ensure_ascii=False, indent=2).encode()
