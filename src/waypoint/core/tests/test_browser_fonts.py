"""In Chromium the portal draws each script with the font Waypoint ships for it, whatever
fonts the machine has (issue 16: on a stock Debian Chromium the Bengali portal was boxes).

With ``WAYPOINT_SCREENSHOT_DIR`` set, the walk also saves the screenshots kept in
``docs/screenshots/`` (``WAYPOINT_SCREENSHOT_DIR=docs/screenshots uv run pytest -m browser
src/waypoint/core/tests/test_browser_fonts.py``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LOADED_FACES = """() => document.fonts.ready.then(() =>
  [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replaceAll('"', '')))"""


def _screenshot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    folder = os.environ.get("WAYPOINT_SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / name), full_page=False)


@pytest.mark.parametrize(
    ("language", "script_family", "sample"),
    [
        ("bn", "Waypoint Bengali", "বাংলা"),
        ("ar", "Waypoint Naskh", "العربية"),
        ("ur", "Waypoint Nastaliq", "اردو"),
        ("fa", "Waypoint Naskh", "فارسی"),
    ],
)
def test_the_portal_in_each_script_is_drawn_with_the_shipped_font(
    page, places, language, script_family, sample
):
    page.goto(f"/{language}/")
    loaded = page.evaluate(LOADED_FACES)
    assert script_family in loaded, loaded
    assert "Waypoint Sans" in loaded or language in ("ar", "fa", "ur")
    # The page is in its own script, and its language switcher names Bengali in Bengali.
    body = page.locator("body").inner_text()
    assert sample in body or sample in page.content()
    assert "বাংলা" in page.content()
    # Nothing falls outside the page on a 360-px phone.
    width = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert width <= 0
    _screenshot(page, f"portal-{language}-360.png")


def test_the_switcher_on_an_english_page_loads_bengali_for_its_own_name(page, places):
    page.goto("/en/")
    loaded = page.evaluate(LOADED_FACES)
    assert "Waypoint Bengali" in loaded and "Waypoint Sans" in loaded, loaded
