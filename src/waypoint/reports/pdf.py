"""Situation reports as PDF with WeasyPrint: the same context and charts as the web page,
in the fonts Waypoint ships (``core.fonts``; the charts' DejaVu Sans too), so nothing
depends on the machine's fonts.

The same data give the same bytes: the document carries no time of generation, a fixed
PDF identifier, and charts drawn deterministically.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation

from waypoint.core.fonts import pdf_font_faces

FONTS = Path(__file__).resolve().parent / "static" / "reports" / "fonts"
STYLESHEET = Path(__file__).resolve().parent / "templates" / "reports" / "pdf" / "report.css"


class PdfUnavailable(Exception):
    """WeasyPrint or Pango is missing on this machine."""


def render_pdf(template: str, context: dict, *, language: str) -> bytes:
    """The PDF of ``template`` rendered with ``context`` in ``language``."""
    try:
        from weasyprint import CSS, HTML
        from weasyprint.text.fonts import FontConfiguration
    except (ImportError, OSError) as error:  # pragma: no cover - depends on the machine
        raise PdfUnavailable(str(error)) from error
    with translation.override(language):
        html = render_to_string(template, {**context, "language": language})
    fonts = FontConfiguration()
    # The page text and the charts (which ask for "DejaVu Sans") use the shipped files,
    # never whatever fonts the machine happens to have.
    regular, bold = (FONTS / "DejaVuSans.ttf").as_uri(), (FONTS / "DejaVuSans-Bold.ttf").as_uri()
    faces = pdf_font_faces() + (
        f"@font-face {{ font-family: 'DejaVu Sans'; src: url('{regular}'); }}\n"
        f"@font-face {{ font-family: 'DejaVu Sans'; font-weight: bold; src: url('{bold}'); }}\n"
    )
    stylesheets = [
        CSS(string=faces, font_config=fonts),
        CSS(filename=str(STYLESHEET), font_config=fonts),
    ]
    identifier = hashlib.sha256(html.encode()).hexdigest()[:32].encode()
    return bytes(
        HTML(string=html, base_url=str(FONTS)).write_pdf(
            stylesheets=stylesheets, font_config=fonts, pdf_identifier=identifier
        )
    )
