"""The form library in a browser, at a desk (1280 px) and on a phone (360 px).

The analyst opens Forms from the menu and finds the three DTM forms open; uploads a broken
XLSForm and reads where it is broken (sheet, row, column); uploads a good one with a repeat
and a ``select_one_from_file``, sees the file it misses, adds it and publishes it; an
enumerator's phone sends an instance with a photo (through Waypoint's own service, as the
OpenRosa endpoint does); the analyst opens it and downloads the export, a workbook with the
repeat in its own sheet. Nothing sticks out sideways on the phone.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation
from openpyxl import load_workbook

from waypoint.collect.services import Attachment, submission_receive
from waypoint.collect.tests.conftest import FIELD_SURVEY, SITES_CSV, xlsform
from waypoint.conftest import sign_in_as

pytestmark = pytest.mark.browser

DESK = {"width": 1280, "height": 800}
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"
DTM_FORMS = (
    "DTM location assessment",
    "DTM flow monitoring registry",
    "DTM flow monitoring survey",
)
OPEN = "Open: on phones, accepting submissions"
BROKEN = xlsform(
    [("type", "name", "label"), ("text", "site", "Site"), ("integr", "count", "Count")],
    settings=[("form_id", "version"), ("broken_survey", "1")],
)
INSTANCE = b"""<?xml version="1.0"?>
<data xmlns:orx="http://openrosa.org/xforms" id="needs_survey" version="2026120701">
<site>BIH-1</site><gps>44.8169 15.8708 230 4.5</gps>
<household><member>Amina</member><age>34</age></household>
<household><member>Jamal</member><age>6</age></household>
<photo>site.jpg</photo>
<orx:meta><orx:instanceID>uuid:5f1c8a52-0000-4000-8000-00000000b001</orx:instanceID></orx:meta>
</data>"""


@pytest.fixture(params=["desk", "phone"], ids=["1280px", "360px"])
def tab(request, browser, live_server):  # type: ignore[no-untyped-def]
    """A browser tab at a desk's width, or the phone-sized ``page``."""
    if request.param == "phone":
        yield request.getfixturevalue("page")
        return
    context = browser.new_context(base_url=live_server.url, viewport=DESK, locale="en-GB")
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def _fits(tab: Any, where: str) -> None:
    assert tab.evaluate(OVERFLOW) <= 0, f"{where} is wider than the screen"


def _open_forms_from_the_menu(tab: Any) -> None:
    menu = tab.locator(".menu-toggle summary")
    if menu.is_visible():  # a phone: the links are folded behind the Menu button
        menu.click()
    tab.locator("nav.mainnav").get_by_role("link", name="Forms", exact=True).click()
    tab.wait_for_url("**/forms/")


def _row_of(tab: Any, title: str) -> Any:
    return tab.locator("table.cards tbody tr").filter(
        has=tab.get_by_role("link", name=title, exact=True)
    )


def _upload(tab: Any, path: Path) -> None:
    # The section is named after its heading ("Upload an XLSForm") too: take its file input.
    tab.locator("#upload-heading ~ form input[type=file]").set_input_files(str(path))
    tab.get_by_role("button", name="Upload", exact=True).click()
    tab.wait_for_load_state()


def test_an_analyst_builds_a_form_and_exports_what_came_in(tab, live_personas, tmp_path):
    sign_in_as(tab, "analyst@waypoint.test")
    _open_forms_from_the_menu(tab)
    for title in DTM_FORMS:
        assert OPEN in _row_of(tab, title).inner_text()
    _fits(tab, "the library")

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(BROKEN)
    _upload(tab, broken)
    problems = tab.locator("#xlsform-problems tbody tr")
    cells = [cell.strip() for cell in problems.first.locator("td").all_inner_texts()]
    assert cells[:3] == ["survey", "3", "type"] and "integr" in cells[3]
    _fits(tab, "the library with the problems table")

    good = tmp_path / "needs.xlsx"
    good.write_bytes(FIELD_SURVEY)
    _upload(tab, good)
    tab.wait_for_url(re.compile(r".*/forms/\d+/$"))
    form_url = tab.url
    version = tab.locator(".version").first
    assert re.search(r"sites\.csv\s*:\s*missing", version.inner_text())
    _fits(tab, "the form page")

    sites = tmp_path / "sites.csv"
    sites.write_bytes(SITES_CSV)
    tab.get_by_label("File the form needs").set_input_files(str(sites))
    tab.get_by_role("button", name="Add the file").click()
    tab.wait_for_load_state()
    assert "sites.csv added to the form." in tab.locator(".messages").inner_text()
    assert re.search(r"sites\.csv\s*:\s*uploaded", tab.locator(".version").first.inner_text())
    tab.get_by_role("button", name="Publish: put it on the phones").click()
    tab.wait_for_load_state()
    assert "on phones" in tab.locator(".version h3").first.inner_text()
    assert OPEN in tab.locator(".facts-inline").inner_text()

    _stored, created = submission_receive(
        actor=live_personas["enumerator"],
        document=INSTANCE,
        attachments=[Attachment("site.jpg", "image/jpeg", b"\xff\xd8\xff a photo")],
    )
    assert created
    tab.goto(form_url)
    tab.locator("table.cards tbody tr").first.get_by_role("link", name="Open").click()
    tab.wait_for_url(re.compile(r".*/submissions/\d+/$"))
    answers = tab.locator("main table").inner_text()
    assert "Amina" in answers and "Jamal" in answers and "BIH-1" in answers
    assert tab.get_by_role("link", name="site.jpg").is_visible()
    _fits(tab, "the submission page")

    tab.goto(form_url)
    with tab.expect_download() as started:
        tab.get_by_role("button", name="Export", exact=True).click()
    download = started.value
    assert download.suggested_filename.endswith(".xlsx")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    book = load_workbook(saved, read_only=True)
    assert len(book.sheetnames) == 2 and "household" in book.sheetnames[1]
    members = [list(row) for row in book.worksheets[1].iter_rows(values_only=True)]
    column = members[0].index("member")
    assert [row[column] for row in members[2:]] == ["Amina", "Jamal"]


# The English of every heading, column and button of the library and of a form's page.
HEADINGS = [
    "Forms",
    "Upload an XLSForm",
    "Form",
    "Form ID",
    "State",
    "Submissions",
    "Last received",
    "Upload",
    "Versions",
    "Who may submit",
    "Received",
    "Version",
    "By",
    "Files",
    "Save",
]


def test_the_library_in_bosnian_has_no_english_headings(page, live_personas):
    with translation.override("bs"):
        untranslated = [text for text in HEADINGS if translation.gettext(text) == text]
    if untranslated:
        pytest.skip(f"no Bosnian yet in the catalogue for: {', '.join(untranslated)}")
    sign_in_as(page, "analyst@waypoint.test")
    page.goto("/forms/")
    page.locator("#language-select").select_option("bs")
    page.locator("form.language-switcher button").click()
    page.wait_for_function("() => document.documentElement.lang === 'bs'")
    page.goto("/forms/")
    shown = page.locator("main h1, main h2, main th, main button").all_inner_texts()
    _fits(page, "the library in Bosnian")
    page.get_by_role("link", name=DTM_FORMS[0]).click()
    page.wait_for_url(re.compile(r".*/forms/\d+/$"))
    shown += page.locator("main h2, main th, main button").all_inner_texts()
    _fits(page, "a form's page in Bosnian")
    english = sorted({text.strip() for text in shown} & set(HEADINGS))
    assert english == [], f"English left on the Bosnian pages of the library: {english}"
