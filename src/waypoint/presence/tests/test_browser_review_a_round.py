"""An analyst opens a round in review, corrects the failed check, and publishes it."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from waypoint.conftest import sign_in_as
from waypoint.people.services import person_register
from waypoint.places.models import Area, Site
from waypoint.presence.models import Location, Observation, Round, RoundStatus
from waypoint.reception.services import stay_admit


@pytest.mark.browser
def test_an_analyst_corrects_a_failed_check_and_publishes(page, live_personas):
    admin = live_personas["admin"]
    lipa = Site.objects.get(code="TRC-LIP")
    person = person_register(
        actor=admin,
        site=lipa,
        given_name="Rahim",
        family_name="Testović",
        sex="M",
        birth_date=date(1996, 5, 1),
        nationality="AFG",
    )
    stay_admit(
        actor=admin,
        person=person,
        site=lipa,
        at=timezone.make_aware(datetime(2026, 10, 1, 9, 0)),
    )
    location = Location.objects.create(
        code="BIH-9",
        name="Old dormitory",
        type="abandoned_building",
        municipality=Area.objects.get(code="BA0101001"),
        latitude=Decimal("44.81"),
        longitude=Decimal("15.87"),
        active_from=date(2026, 1, 1),
    )
    round_ = Round.objects.create(
        number=2, snapshot_date=date(2026, 10, 31), status=RoundStatus.IN_REVIEW
    )
    Observation.objects.create(
        round=round_,
        location=location,
        observed_on=date(2026, 10, 30),
        migrants_observed=25,
        not_in_trc=20,
        adult_men=18,
        adult_women=2,
        source="phone",
    )

    sign_in_as(page, "analyst@waypoint.test")
    page.goto("/presence/rounds/2/")
    checks = page.locator(".presence-checks")
    assert "add up to 20, not the 25 observed" in checks.inner_text()

    checks.get_by_role("link", name="Correct").click()
    page.get_by_label("Migrants observed").fill("20")
    page.get_by_role("button", name="Save the correction").click()
    page.wait_for_url("**/presence/rounds/2/")
    assert page.locator(".presence-checks").count() == 0

    page.get_by_role("button", name="Publish").click()
    page.wait_for_url("**/presence/rounds/2/")
    assert "Published" in page.locator("h1").inner_text()
    inside = int(page.locator("#total-inside").inner_text())
    outside = int(page.locator("#total-outside").inner_text())
    total = int(page.locator("#total-present").inner_text())
    assert (inside, outside) == (1, 20)
    assert total == inside + outside
