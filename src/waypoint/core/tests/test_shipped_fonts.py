"""Every page and PDF is drawn with the fonts Waypoint ships, and those fonts hold every
character the portal shows in each of its eight languages, so nothing renders as empty boxes
on a phone or a server without Noto (issue 16: the Bengali portal was boxes on Debian's
Chromium)."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from fontTools.ttLib import TTFont

from waypoint.core.fonts import FACES, FONT_DIR, font_files, pdf_font_faces
from waypoint.portal.catalogue import LANGUAGE_NAMES
from waypoint.reception.cards import CardDetails, card_pdf

PORTAL_LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _cmap(path: Path) -> set[int]:
    return set(TTFont(path).getBestCmap())


COVERAGE = {family: set[int]() for family, _weight, _name in FACES}
for _family, _weight, _name in FACES:
    COVERAGE[_family] |= _cmap(FONT_DIR / _name)
EVERY_FONT = set().union(*COVERAGE.values())


class _Text(HTMLParser):
    """The text a reader sees: everything outside <script> and <style>."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in ("alt", "title", "placeholder", "aria-label") and value:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_characters(html: str) -> set[str]:
    parser = _Text()
    parser.feed(html)
    return {
        char
        for char in "".join(parser.parts)
        if not char.isspace() and unicodedata.category(char) not in ("Cc", "Cf")
    }


def test_every_shipped_face_is_a_font_file_with_its_licence_beside_it():
    assert all(path.exists() and path.stat().st_size > 10_000 for path in font_files())
    assert "SIL OPEN FONT LICENSE" in (FONT_DIR / "OFL.txt").read_text()
    for path in font_files():
        assert TTFont(path).flavor == "woff2"


def test_the_page_stylesheet_declares_every_face_the_pdfs_use():
    css = (FONT_DIR.parent / "fonts.css").read_text()
    for family, weight, name in FACES:
        assert re.search(
            rf'font-family: "{family}"; font-weight: {weight};[^}}]*fonts/{re.escape(name)}', css
        ), name
    assert pdf_font_faces().count("@font-face") == len(FACES)


@pytest.mark.django_db
@pytest.mark.parametrize("language", PORTAL_LANGUAGES)
def test_the_shipped_fonts_hold_every_character_of_the_portal_in(language, client):
    seen: set[str] = set()
    for path in (f"/{language}/", f"/{language}/apply/", f"/{language}/status/"):
        answer = client.get(path, follow=True)
        assert answer.status_code == 200, path
        seen |= visible_characters(answer.content.decode())
    missing = sorted(char for char in seen if ord(char) not in EVERY_FONT)
    assert missing == [], [f"U+{ord(char):04X} {unicodedata.name(char, '?')}" for char in missing]


def test_the_language_switcher_names_each_language_in_its_own_script_with_a_shipped_font():
    names = "".join(str(name) for name in LANGUAGE_NAMES.values())
    for char in {c for c in names if not c.isspace()}:
        assert ord(char) in EVERY_FONT, f"U+{ord(char):04X}"
    assert {ord(c) for c in "বাংলা"} <= COVERAGE["Waypoint Bengali"]
    assert {ord(c) for c in "العربية"} <= COVERAGE["Waypoint Naskh"]
    assert {ord(c) for c in "اردو"} <= COVERAGE["Waypoint Nastaliq"]


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_a_resident_card_embeds_only_the_shipped_fonts_for_latin_arabic_and_bengali(tmp_path):
    card = CardDetails(
        registration_number="TRC-LIP-000123",
        name_latin="Rahima Begum Ahmadi",
        name_original="রহিমা বেগম · رحیمه احمدی",
        sex="Female",
        birth_date=date(1994, 3, 7),
        nationality="Bangladesh",
        centre="Lipa",
        issued_on=date(2026, 12, 7),
    )
    output = tmp_path / "card.pdf"
    output.write_bytes(card_pdf(card))
    listing = subprocess.run(
        ["pdffonts", str(output)], capture_output=True, check=True, text=True
    ).stdout
    embedded = [line.split()[0] for line in listing.splitlines()[2:]]
    assert embedded, listing
    # WeasyPrint subsets each font: a six-letter tag, then the family it was asked for.
    assert all(re.match(r"^[A-Z]{6}\+Waypoint-", name) for name in embedded), embedded
    families = " ".join(embedded)
    assert "Waypoint-Bengali" in families and "Waypoint-Naskh" in families
    text = subprocess.run(
        ["pdftotext", str(output), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "Rahima Begum Ahmadi" in text
