"""In the browser (issue 16: the Borići dashboard counted 15 unaccompanied children while the
protection home said "Nobody in your scope needs follow-up"): children registered alone at
Borići are on the Borići protection officer's follow-up list, each "unaccompanied child",
and the Borići dashboard counts as many. A child alone at Lipa is in neither. On a desk and
on a phone, with nothing wider than the screen."""

from __future__ import annotations

from typing import Any

import pytest

from waypoint.conftest import sign_in_as
from waypoint.places.models import Site
from waypoint.reception.services import stay_admit

from .conftest import register_person, unaccompanied_child

pytestmark = pytest.mark.browser

WIDTHS = [1280, 360]
FAMILY_NAMES = ["Karimi", "Sultani", "Noori"]


@pytest.fixture
def children_at_borici(live_personas: dict[str, Any]) -> list[Any]:
    admin = live_personas["admin"]
    borici, lipa = Site.objects.get(code="TRC-BOR"), Site.objects.get(code="TRC-LIP")
    children = [unaccompanied_child(admin, borici, family_name=name) for name in FAMILY_NAMES]
    adult = register_person(admin, borici, "Ahmad", family_name="Rahimi")  # 30: no reason
    for person in [*children, adult]:
        stay_admit(actor=admin, person=person, site=borici)
    elsewhere = unaccompanied_child(admin, lipa, family_name="Lipovac")
    stay_admit(actor=admin, person=elsewhere, site=lipa)
    return children


def fits(page: Any, width: int) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", WIDTHS)
def test_the_follow_up_list_shows_the_children_the_dashboard_counts(
    page: Any, children_at_borici: list[Any], width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    sign_in_as(page, "protection.borici@waypoint.test")

    page.goto("/protection/")
    follow_up = page.locator("table", has=page.get_by_role("columnheader", name="Why"))
    rows = follow_up.locator("tbody tr")
    children = rows.filter(has_text="unaccompanied child")
    listed = children.count()
    assert listed == len(FAMILY_NAMES)
    for child in children_at_borici:
        row = rows.filter(has_text=child.registration_number)
        assert row.get_by_role("link", name=child.full_name).is_visible()
        assert "unaccompanied child" in row.inner_text()
    assert rows.filter(has_text="Lipovac").count() == 0
    assert rows.filter(has_text="Rahimi").count() == 0
    assert "Nobody in your scope needs follow-up" not in follow_up.inner_text()
    assert fits(page, width)

    page.goto("/reception/TRC-BOR/")
    figure = page.locator(".figures li", has_text="unaccompanied children").locator(".figure")
    assert int(figure.inner_text()) == listed
    vulnerable = page.locator(
        "section", has=page.get_by_role("heading", name="Vulnerable residents")
    )
    counted = vulnerable.get_by_role("row", name="unaccompanied children")
    assert int(counted.get_by_role("cell").inner_text()) == listed
    assert fits(page, width)
