"""An analyst publishes a round, generates its situation report, watches its progress and
downloads the PDF; the PDF's first page gives the total the round page gives. Walked at
1280 px and at 360 px."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from django.core.management import call_command

from waypoint.conftest import sign_in_as
from waypoint.presence.models import Round, RoundStatus
from waypoint.reports.tests.conftest import build_round


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 360])
def test_an_analyst_publishes_a_round_and_downloads_its_situation_report(
    page, live_personas, width, tmp_path
):
    round_ = build_round(live_personas["admin"], number=9)
    Round.objects.filter(pk=round_.pk).update(status=RoundStatus.IN_REVIEW)
    page.set_viewport_size({"width": width, "height": 900})

    sign_in_as(page, "analyst@waypoint.test")
    page.goto("/presence/rounds/9/")
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url("**/presence/rounds/9/")
    total = int(page.locator("#total-present").inner_text())

    page.get_by_role("link", name="Published figures, open data and situation report").click()
    page.wait_for_url("**/reports/rounds/9/")
    assert "<5" in page.locator("main").inner_text()  # the lone Cuban is not shown
    published_total = page.locator(".key strong").first.inner_text()
    assert int(published_total.replace(",", "").replace(".", "")) == total

    page.get_by_label("Language of the report").select_option("en")
    page.get_by_role("button", name="Generate the PDF").click()
    page.wait_for_url(re.compile(r".*/reports/\d+/$"))
    assert page.locator("progress").count() == 1  # queued: the page shows its progress
    assert "Queued" in page.inner_text("main")
    # The background worker, as `waypoint db_worker` runs it; the page polls meanwhile.
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    download_link = page.get_by_role("link", name="Download PDF")
    download_link.wait_for(timeout=30_000)
    assert "Ready" in page.inner_text("main")

    response = page.request.get(download_link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(response.body())
    if shutil.which("pdftotext"):
        first_page = subprocess.run(
            ["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"],
            capture_output=True,
            check=True,
            text=True,
        ).stdout
        assert "Migrants present" in first_page
        figures = re.search(r"Migrants present\s+.*?\n\s*([\d,]+)", first_page, flags=re.S)
        numbers = [int(n.replace(",", "")) for n in re.findall(r"\b[\d,]{2,}\b", first_page)]
        assert total in numbers, (total, figures, first_page[:800])
