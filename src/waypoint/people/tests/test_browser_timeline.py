"""In the browser: a man registered at Lipa in March and again at Ušivak in May, whom a
reviewer decided are the same person. His person page shows one timeline with the entries
of both registrations in date order, each naming where it came from; the filter keeps one
kind without scripts; printed, only the timeline is left. On a desk and on a phone."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from django.utils import timezone

from waypoint.conftest import sign_in_as
from waypoint.linkage.models import CandidatePair, PairStatus
from waypoint.linkage.services import pair_decide
from waypoint.people.services import person_register
from waypoint.places.models import Site
from waypoint.reception.services import stay_admit, stay_exit

pytestmark = pytest.mark.browser


@pytest.fixture
def registered_twice(live_personas: dict[str, Any]) -> tuple[Any, Any]:
    admin = live_personas["admin"]
    lipa, usivak = Site.objects.get(code="TRC-LIP"), Site.objects.get(code="TRC-USI")
    at_lipa = person_register(
        actor=live_personas["registrar.lipa"],
        site=lipa,
        given_name="Mohammed",
        family_name="Rahimi",
        birth_date=date(1995, 1, 1),
        nationality="AFG",
        registered_on=date(2024, 3, 1),
    )
    stay = stay_admit(
        actor=admin, person=at_lipa, site=lipa, at=timezone.make_aware(datetime(2024, 3, 1, 11))
    )
    stay_exit(
        actor=admin, stay=stay, reason="onward", at=timezone.make_aware(datetime(2024, 4, 2, 9))
    )
    at_usivak = person_register(
        actor=live_personas["registrar.usivak"],
        site=usivak,
        given_name="Muhammad",
        family_name="Rahimy",
        birth_date=date(1995, 1, 1),
        nationality="AFG",
        registered_on=date(2024, 5, 10),
    )
    stay_admit(
        actor=admin,
        person=at_usivak,
        site=usivak,
        at=timezone.make_aware(datetime(2024, 5, 10, 15)),
    )
    pair = CandidatePair.objects.create(
        left=at_lipa, right=at_usivak, probability=0.81, status=PairStatus.PENDING
    )
    pair_decide(actor=admin, pair=pair, decision=PairStatus.SAME, note="same photo")
    return at_lipa, at_usivak


def fits_the_screen(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


@pytest.mark.parametrize("width", [1280, 360])
def test_a_person_registered_twice_has_one_timeline_in_date_order(
    page: Any, registered_twice: tuple[Any, Any], width: int
) -> None:
    at_lipa, at_usivak = registered_twice
    page.set_viewport_size({"width": width, "height": 900})
    sign_in_as(page, "admin@waypoint.test")
    page.goto(f"/people/{at_usivak.pk}/")

    timeline = page.locator("#timeline")
    assert timeline.get_by_role("heading", name="Timeline").is_visible()
    entries = timeline.locator("li.timeline-entry")
    texts = entries.all_inner_texts()
    stamps = [
        entries.nth(index).locator("time").get_attribute("datetime") for index in range(len(texts))
    ]
    # One timeline, in date order (ISO dates and moments sort as text by their day).
    days = [stamp[:10] for stamp in stamps]
    assert days == sorted(days)
    # From both registrations, the Lipa one first, each entry naming its source.
    lipa_rows = [i for i, text in enumerate(texts) if at_lipa.registration_number in text]
    usivak_rows = [i for i, text in enumerate(texts) if at_usivak.registration_number in text]
    assert lipa_rows and usivak_rows
    assert min(lipa_rows) < min(usivak_rows)
    assert any("Admitted" in text and "Lipa" in text for text in texts)
    assert any("Exit: Left voluntarily or onward movement" in text for text in texts)
    assert any("Admitted" in text and "Ušivak" in text for text in texts)
    assert any("Identity merged: the same person" in text for text in texts)
    sources = timeline.locator(".timeline-source").all_inner_texts()
    assert len(sources) == len(texts) and all(source.strip() for source in sources)
    assert "same photo" not in timeline.inner_text()  # a reviewer's note stays in review
    assert fits_the_screen(page)

    # The filter works as a plain form: only stays.
    timeline.get_by_label("Stays and absences").check()
    timeline.get_by_role("button", name="Filter").click()
    page.wait_for_url("**kind=stay**")
    kept = page.locator("#timeline li.timeline-entry").all_inner_texts()
    assert len(kept) == 3
    assert all("Stays and absences" in text for text in kept)
    assert page.locator("#timeline").get_by_label("Stays and absences").is_checked()
    assert fits_the_screen(page)

    # Printed: no navigation, no filter, no other section; the timeline stays.
    page.emulate_media(media="print")
    assert not page.locator("header.topbar").is_visible()
    assert not page.locator(".timeline-filters").is_visible()
    assert not page.locator(".columns").is_visible()
    assert page.locator("#timeline li.timeline-entry").first.is_visible()
    page.emulate_media(media="screen")
    assert page.locator("#timeline").get_by_role("link", name="Print").is_visible()
