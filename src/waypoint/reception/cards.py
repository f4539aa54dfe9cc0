"""The resident ID card as a PDF: names in Latin and original script, number, centre, QR code.

Pure rendering: no database, no audit (``services.cards`` wraps it and records the export).
WeasyPrint lays the card out with Pango, which shapes Arabic, Bengali and other scripts in
the fonts Waypoint ships (``core.fonts``);
segno draws the QR code as SVG, so no image library is needed.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from waypoint.core.fonts import pdf_font_faces


class CardUnavailable(RuntimeError):
    """The PDF libraries (weasyprint, segno) are not installed."""


@dataclass(frozen=True)
class CardDetails:
    registration_number: str
    name_latin: str
    name_original: str
    sex: str
    birth_date: date | None
    nationality: str
    centre: str
    issued_on: date


def qr_svg_data_uri(text: str) -> str:
    """A QR code of ``text`` as an SVG data URI (error correction M, survives a worn card)."""
    try:
        import segno
    except ImportError as error:
        raise CardUnavailable(_("QR codes need the segno package.")) from error
    svg = segno.make(text, error="m", micro=False).svg_inline(scale=4, border=2, omitsize=True)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")


def card_html(details: CardDetails) -> str:
    return render_to_string(
        "reception/card/card.html",
        {"card": details, "qr": qr_svg_data_uri(details.registration_number)},
    )


def card_pdf(details: CardDetails) -> bytes:
    """The card as PDF bytes, ID-1 size (85.6 × 54 mm)."""
    try:
        from weasyprint import CSS, HTML
        from weasyprint.text.fonts import FontConfiguration
    except (ImportError, OSError) as error:  # OSError: Pango missing on the machine
        raise CardUnavailable(_("PDF cards need the weasyprint package and Pango.")) from error
    # The shipped fonts, never the server's: the same card on every machine.
    fonts = FontConfiguration()
    stylesheets = [
        CSS(string=pdf_font_faces(), font_config=fonts),
        CSS(string=render_to_string("reception/card/card.css"), font_config=fonts),
    ]
    pdf = HTML(string=card_html(details)).write_pdf(stylesheets=stylesheets, font_config=fonts)
    if pdf is None:
        raise CardUnavailable(_("The PDF could not be made."))
    return bytes(pdf)
