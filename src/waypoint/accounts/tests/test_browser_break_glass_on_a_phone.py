"""Emergency access on a 360-px phone (issue 16: "break-glass banner at 360 not walked").

The registration officer of Lipa asks for an hour at Borići with a reason, sees the red
banner on every page without it pushing the page sideways, opens a Borići record, ends the
access from the banner's link, and the record is out of reach again.
"""

from __future__ import annotations

import datetime

import pytest

from waypoint.conftest import sign_in_as
from waypoint.people.services import person_register
from waypoint.places.models import Site

pytestmark = pytest.mark.browser

OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"
REASON = "A child from Borići is reported missing and the family is at Lipa now."


def test_emergency_access_on_a_phone_from_start_to_end(page, live_personas):
    in_borici = person_register(
        actor=None,
        site=Site.objects.get(code="TRC-BOR"),
        given_name="Amina",
        family_name="Sultani",
        sex="F",
        birth_date=datetime.date(2015, 4, 2),
        nationality="AFG",
        registered_on=datetime.date(2025, 5, 1),
    )
    record = f"/people/{in_borici.pk}/"
    sign_in_as(page, "registrar.lipa@waypoint.test")
    assert page.goto(record).status == 404

    page.goto("/accounts/account/")
    page.get_by_label("Centre").select_option("TRC-BOR")
    page.get_by_label("Reason").fill(REASON)
    page.get_by_label("For how long").select_option("60")
    page.get_by_role("button", name="Start emergency access").click()

    banner = page.locator(".break-glass-banner")
    banner.wait_for()
    assert "Emergency access to Borići" in banner.inner_text()
    assert page.evaluate(OVERFLOW) <= 0

    assert page.goto(record).status == 200
    assert page.locator("h1").inner_text().strip().startswith("Amina")
    assert "every record you open is recorded" in banner.inner_text()
    assert page.evaluate(OVERFLOW) <= 0
    box = banner.bounding_box()
    assert box is not None and box["width"] <= 360

    banner.get_by_role("link", name="End it").click()
    page.get_by_role("button", name="End emergency access now").click()
    page.wait_for_load_state()
    assert page.locator(".break-glass-banner").count() == 0
    assert page.goto(record).status == 404
