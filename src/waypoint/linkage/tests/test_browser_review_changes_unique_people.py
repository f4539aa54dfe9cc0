"""A reviewer resolves a pair from the queue; the centre's unique-people count follows; undo."""

from datetime import date

import pytest

from waypoint.conftest import sign_in_as
from waypoint.linkage.services import run_execute, run_request
from waypoint.people.models import DatePrecision
from waypoint.people.services import person_register
from waypoint.places.models import Site
from waypoint.reception.services import stay_admit

pytestmark = pytest.mark.browser


def _unique_people(page) -> str:  # type: ignore[no-untyped-def]
    page.goto("/reception/TRC-LIP/")
    item = page.locator("li", has_text="unique people in 30 days")
    return item.locator(".figure").inner_text()


def test_a_reviewer_merges_a_pair_and_undoes_it(page, live_personas):
    admin, manager = live_personas["admin"], live_personas["manager.lipa"]
    lipa = Site.objects.get(code="TRC-LIP")
    born = {"birth_date": date(1996, 1, 1), "birth_date_precision": DatePrecision.YEAR}
    first = person_register(
        actor=admin, site=lipa, given_name="Mohammed", family_name="Rahimi", sex="M", **born
    )
    second = person_register(
        actor=admin, site=lipa, given_name="Muhammad", family_name="Rahimy", sex="M", **born
    )
    for person in (first, second):
        stay_admit(actor=admin, person=person, site=lipa)
    # Nothing is linked automatically: the pair waits for review.
    run_execute(
        run=run_request(actor=admin, threshold=0.9999999, review_floor=0.01, background=False)
    )

    sign_in_as(page, manager.email)
    assert _unique_people(page) == "2"
    page.goto("/linkage/review/")
    page.get_by_role("link", name="Review", exact=True).first.click()
    assert page.get_by_text(first.registration_number).is_visible()
    assert page.get_by_text(second.registration_number).is_visible()
    page.get_by_label("Same person").check()
    page.get_by_role("button", name="Decide", exact=True).click()
    assert page.get_by_text("Decision recorded").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert _unique_people(page) == "1"

    page.goto("/linkage/")
    page.get_by_role("button", name="Undo").first.click()
    assert page.get_by_text("Decision undone").is_visible()
    assert _unique_people(page) == "2"
