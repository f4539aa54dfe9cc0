"""An analyst uploads a table of capture histories on the estimation page and reads the
estimate, its interval and the warnings, on a desk and on a phone."""

from __future__ import annotations

from pathlib import Path

import pytest

from waypoint.conftest import sign_in_as

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 360])
def test_an_analyst_uploads_lists_and_reads_the_estimate(page, live_personas, width):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in_as(page, "analyst@waypoint.test")
    page.get_by_role("link", name="Estimates").first.click()
    page.wait_for_url("**/estimation/")
    page.get_by_label("Uploaded table of capture histories").check()
    page.get_by_label("Table of capture histories (.csv)").set_input_files(
        str(DATA / "uk_modern_slavery_2013.csv")
    )
    page.get_by_role("button", name="Estimate").click()
    page.wait_for_url("**/estimation/*/")
    main = page.inner_text("main")
    assert "estimated total" in main and "95% interval" in main
    assert "2744" in main  # people on at least one list
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
