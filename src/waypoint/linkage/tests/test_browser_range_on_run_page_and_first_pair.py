"""A reviewer reads the unique-people range on the run page, reviews the first pair of the
queue, and sees the range narrow; on a wide screen and on a 360-pixel phone."""

from datetime import date

import pytest

from waypoint.conftest import sign_in_as
from waypoint.linkage.models import LinkageRun
from waypoint.linkage.services import run_execute, run_request
from waypoint.people.models import DatePrecision
from waypoint.people.services import person_register
from waypoint.places.models import Site

pytestmark = pytest.mark.browser


def _registry(admin):  # type: ignore[no-untyped-def]
    """Two spellings of one man at Lipa, and a man of his own; nothing linked yet."""
    lipa = Site.objects.get(code="TRC-LIP")
    born = {"birth_date": date(1996, 1, 1), "birth_date_precision": DatePrecision.YEAR}
    first = person_register(
        actor=admin, site=lipa, given_name="Mohammed", family_name="Rahimi", sex="M", **born
    )
    second = person_register(
        actor=admin, site=lipa, given_name="Muhammad", family_name="Rahimy", sex="M", **born
    )
    person_register(
        actor=admin,
        site=lipa,
        given_name="Bilal",
        family_name="Khan",
        sex="M",
        nationality="PAK",
        birth_date=date(1988, 6, 14),
    )
    run = run_execute(
        run=run_request(actor=admin, threshold=0.9999999, review_floor=0.01, background=False)
    )
    return run, first, second


def _figures(page):  # type: ignore[no-untyped-def]
    section = page.locator("#unique-people")
    return [text.strip() for text in section.locator(".figure").all_inner_texts()]


@pytest.mark.parametrize("width", [1280, 360])
def test_a_reviewer_sees_the_range_and_reviews_the_first_pair(page, live_personas, width):
    page.set_viewport_size({"width": width, "height": 800})
    run, first, second = _registry(live_personas["admin"])
    assert LinkageRun.objects.get().groups == 3

    sign_in_as(page, live_personas["manager.lipa"].email)
    page.goto(f"/linkage/runs/{run.pk}/")
    assert page.get_by_role("heading", name=f"Deduplication run {run.pk}").is_visible()
    assert _figures(page)[:2] == ["3", "2–3"]
    assert page.get_by_text("range, at cut-offs 0.01 and 1.00").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.goto("/linkage/review/")
    assert page.locator("#queue-order").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.get_by_role("link", name="Review", exact=True).first.click()
    assert page.get_by_text(first.registration_number).first.is_visible()
    assert page.get_by_text(second.registration_number).first.is_visible()
    page.get_by_label("Same person").check()
    page.get_by_role("button", name="Decide", exact=True).click()
    assert page.get_by_text("Decision recorded").is_visible()

    page.goto(f"/linkage/runs/{run.pk}/")
    assert _figures(page)[:2] == ["2", "2–2"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
