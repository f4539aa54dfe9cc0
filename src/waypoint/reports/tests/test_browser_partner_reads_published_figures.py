"""A partner reads the published figures on a phone and on a desk: the dashboard, a round
with its charts and map, the open data, a monthly overview; in English and in Bosnian.
Every link they are shown opens, and no count of 1 to 4 appears."""

from __future__ import annotations

import os
import re

import pytest

from waypoint.conftest import sign_in_as
from waypoint.reports.tests.conftest import build_round

SMALL = re.compile(r"(?<![\d.,<])\b[1-4]\b(?![\d.,%])")
ENGLISH_WORDS = ["Published figures", "Open data", "outside centres", "Nationalities", "Total"]


def _shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    folder = os.environ.get("WAYPOINT_SCREENSHOTS")
    if folder:
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 360])
def test_a_partner_reads_a_round_and_a_month_in_english_and_bosnian(page, live_personas, width):
    build_round(live_personas["admin"], number=4)
    page.set_viewport_size({"width": width, "height": 900})
    sign_in_as(page, "partner@waypoint.test")

    page.get_by_role("link", name="Published figures").first.click()
    page.wait_for_url("**/reports/")
    _shot(page, f"partner-home-{width}")
    assert page.locator(".key strong").count() == 3
    page.get_by_role("link", name=re.compile(r"Migrant presence, round 4")).click()
    page.wait_for_url("**/reports/rounds/4/")
    _shot(page, f"partner-round-{width}")
    main = page.locator("main")
    assert "<5" in main.inner_text()
    for cell in page.locator("td.n").all_inner_texts():
        assert not SMALL.fullmatch(cell.strip()), cell
    assert page.locator("svg[role=img]").count() >= 4  # charts and the map
    assert page.get_by_role("button", name="Generate the PDF").count() == 0  # analysts only

    # Every download link the partner is shown opens.
    for href in page.locator(".reports-downloads a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    ):
        assert page.request.get(href).status == 200, href
    # The page fits a phone: nothing wider than the screen.
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width + 1, scroll

    page.goto("/reports/")
    page.get_by_role("link", name="October 2026").click()
    page.wait_for_url("**/reports/months/2026-10/")
    _shot(page, f"partner-month-{width}")
    assert "People in centres at the end of the month" in page.inner_text("main")

    page.locator("#language-select").select_option("bs")
    page.get_by_role("button", name="Change").click()
    page.wait_for_load_state()
    page.goto("/reports/rounds/4/")
    _shot(page, f"partner-round-bs-{width}")
    text = page.inner_text("main")
    assert "Objavljeni podaci" in text or "Prisustvo migranata" in text
    for word in ENGLISH_WORDS:
        assert word not in text, word
