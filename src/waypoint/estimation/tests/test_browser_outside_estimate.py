"""An analyst imports a police list and the asylum-intention certificates, estimates how many
people were outside the centres in March from them and the centres' own list, and publishes
the estimate; a partner then reads it among the published figures. On a desk and a phone."""

from __future__ import annotations

import pytest

from waypoint.conftest import sign_in_as
from waypoint.estimation.tests.test_outside_lists import _csv, _name, register_forty


def _import(page, name: str, kind: str, path) -> None:  # type: ignore[no-untyped-def]
    page.locator("#id_name").fill(name)
    page.get_by_label("Kind of list").select_option(label=kind)
    page.get_by_label("File (.csv or .xlsx)").set_input_files(str(path))
    page.locator("#id_first_day").fill("2026-03-01")
    page.locator("#id_last_day").fill("2026-03-31")
    page.get_by_role("button", name="Import and link").click()
    page.wait_for_url("**/estimation/lists/")


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 360])
def test_an_analyst_estimates_the_people_outside_the_centres(page, live_personas, width, tmp_path):
    register_forty(live_personas["admin"])
    police = tmp_path / "police.csv"
    police.write_bytes(_csv([(f"P{i}", *_name(i)) for i in [*range(15, 35), *range(100, 130)]]))
    certificates = tmp_path / "certificates.csv"
    certificates.write_bytes(
        _csv([(f"C{i}", *_name(i)) for i in [*range(20, 40), *range(110, 145)]])
    )
    page.set_viewport_size({"width": width, "height": 900})
    sign_in_as(page, "analyst@waypoint.test")
    page.get_by_role("link", name="Estimates").first.click()
    page.wait_for_url("**/estimation/")
    page.get_by_role("link", name="Outside lists (import, delete)").click()
    page.wait_for_url("**/estimation/lists/")
    _import(page, "Police, March", "Police apprehensions", police)
    assert "50 rows, 20 of them registered in Waypoint" in page.inner_text("main")
    _import(page, "Certificates, March", "Asylum-intention certificates (SFA)", certificates)
    assert page.locator("table").get_by_text("Certificates, March").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1

    page.get_by_role("link", name="Estimates").first.click()
    page.wait_for_url("**/estimation/")
    page.locator("#id_first_day").fill("2026-03-01")
    page.locator("#id_last_day").fill("2026-03-31")
    for label in ("Vulnerability screenings", "Voluntary return applications"):
        page.get_by_label(label).uncheck()
    page.get_by_label("Police, March (01.03.2026–31.03.2026)").check()
    page.get_by_label("Certificates, March (01.03.2026–31.03.2026)").check()
    page.get_by_role("button", name="Estimate").click()
    page.wait_for_url("**/estimation/*/")
    main = page.inner_text("main")
    assert "Outside the centres throughout the period: an estimated" in main
    assert "besides the 25 who stayed in a centre" in main
    assert "Police, March" in main and "list:" not in main, main
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    page.get_by_role("button", name="Publish in the published figures").click()
    assert "Published on" in page.inner_text("main")

    # A partner reads it among the published figures, with no way into the analysts' pages.
    page.context.clear_cookies()
    sign_in_as(page, "partner@waypoint.test")
    page.goto("/reports/")
    panel = page.locator("section.reports-estimate")
    assert "Estimated total (95% interval)" in panel.inner_text()
    assert "Police, March" in panel.inner_text()
    assert panel.locator("a[href*='/estimation/']").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
