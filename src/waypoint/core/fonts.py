"""The fonts Waypoint ships (Noto, SIL Open Font License; ``static/waypoint/fonts/OFL.txt``),
so that no page and no PDF depends on the fonts of the phone or the server.

One family per script: ``Waypoint Sans`` (Latin and Cyrillic), ``Waypoint Naskh`` (Arabic,
Farsi, Dari, Pashto), ``Waypoint Nastaliq`` (Urdu) and ``Waypoint Bengali``. Pages load them
through ``static/waypoint/fonts.css``, whose ``unicode-range`` lets a browser fetch only the
scripts a page holds; PDFs (WeasyPrint) get the same families from ``pdf_font_faces``.
"""

from __future__ import annotations

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "static" / "waypoint" / "fonts"

# (family, weight, file) for every face shipped.
FACES: tuple[tuple[str, int, str], ...] = (
    ("Waypoint Sans", 400, "NotoSans-Regular.woff2"),
    ("Waypoint Sans", 700, "NotoSans-Bold.woff2"),
    ("Waypoint Naskh", 400, "NotoNaskhArabic-Regular.woff2"),
    ("Waypoint Naskh", 700, "NotoNaskhArabic-Bold.woff2"),
    ("Waypoint Nastaliq", 400, "NotoNastaliqUrdu-Regular.woff2"),
    ("Waypoint Bengali", 400, "NotoSansBengali-Regular.woff2"),
    ("Waypoint Bengali", 700, "NotoSansBengali-Bold.woff2"),
)

# The stack every page and PDF uses: each character is drawn by the first family that has it.
STACK = '"Waypoint Sans", "Waypoint Naskh", "Waypoint Bengali", sans-serif'


def font_files() -> list[Path]:
    """The shipped font files, one per face."""
    return [FONT_DIR / name for _family, _weight, name in FACES]


def pdf_font_faces() -> str:
    """``@font-face`` rules naming the shipped files, for WeasyPrint stylesheets."""
    return "".join(
        f"@font-face {{ font-family: '{family}'; font-weight: {weight}; "
        f"src: url('{(FONT_DIR / name).as_uri()}'); }}\n"
        for family, weight, name in FACES
    )
