"""In the browser: a registration officer at Lipa looks for a man registered at Ušivak, who
is out of her scope and still stays there. She cannot see him, her take-over is refused
without saying where he is; once Ušivak records his exit she takes the registration over
with his card and a reason, and admits him. On a desk and on a phone, and in Bosnian."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from waypoint.audit.models import AuditEvent
from waypoint.conftest import sign_in_as
from waypoint.people.services import person_register
from waypoint.places.models import Site
from waypoint.reception.models import RegistrationTakeOver, Stay, UnitKind, UnitProfile
from waypoint.reception.services import stay_admit, stay_exit, unit_add

pytestmark = pytest.mark.browser

BORN = date(1994, 6, 12)
REASON = "Came to Lipa from the street; says he left Ušivak a week ago."
# What the English pages say; none of it may stay on the Bosnian pages.
ENGLISH = [
    "Take over a registration",
    "Registration number",
    "Date of birth",
    "As on the person's card",
    "Reason",
    "Cancel",
    "Admit a registered person",
    "Nobody found in your scope",
    "Find",
]


@pytest.fixture
def staying_at_usivak(live_personas: dict[str, Any]) -> Any:
    admin = live_personas["admin"]
    unit_add(
        actor=admin,
        site=Site.objects.get(code="TRC-LIP"),
        name="A",
        kind=UnitKind.CONTAINER,
        profile=UnitProfile.SINGLE_MEN,
        beds=4,
    )
    usivak = Site.objects.get(code="TRC-USI")
    person = person_register(
        actor=live_personas["registrar.usivak"],
        site=usivak,
        given_name="Jawad",
        family_name="Noorzai",
        sex="M",
        birth_date=BORN,
        nationality="AFG",
    )
    stay_admit(actor=live_personas["registrar.usivak"], person=person, site=usivak)
    return person


def fits_the_screen(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def take_over(page: Any, number: str, reason: str = REASON) -> None:
    page.get_by_label("Registration number").fill(number)
    page.get_by_label("Date of birth").fill(BORN.isoformat())
    page.get_by_label("Reason").fill(reason)
    page.get_by_role("button", name="Take over").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("width", [1280, 360])
def test_an_officer_takes_over_a_registration_from_another_centre_and_admits_him(
    page: Any, live_personas: dict[str, Any], staying_at_usivak: Any, width: int
) -> None:
    person = staying_at_usivak
    number = person.registration_number
    page.set_viewport_size({"width": width, "height": 900})
    sign_in_as(page, "registrar.lipa@waypoint.test")

    # Searching by the number on his card finds nobody in her scope, and names nothing.
    page.goto("/reception/TRC-LIP/admit/")
    page.get_by_label("Name or registration number").fill(number)
    page.get_by_role("button", name="Find").click()
    page.wait_for_url(re.compile(r"\?q="))
    main = page.inner_text("main")
    assert "Nobody found in your scope" in main
    assert "Noorzai" not in main and "Ušivak" not in main
    assert fits_the_screen(page)

    # While he still stays at Ušivak, the take-over is refused without saying where he is.
    page.get_by_role("link", name="Take over a registration made at another centre").click()
    page.wait_for_url("**/reception/TRC-LIP/admit/take-over/")
    assert fits_the_screen(page)
    take_over(page, number)
    refusal = page.get_by_role("alert").first.inner_text()
    assert "transferred by that centre" in refusal
    assert "Ušivak" not in page.inner_text("main")
    assert not RegistrationTakeOver.objects.filter(person=person).exists()

    # Ušivak records that he left; now his card and a reason bring him into Lipa's scope.
    stay_exit(
        actor=live_personas["registrar.usivak"],
        stay=Stay.objects.get(person=person, exited_at__isnull=True),
        reason="onward",
    )
    take_over(page, number)
    page.wait_for_url(f"**/reception/TRC-LIP/admit/{number}/")
    assert "now in this centre's scope" in page.inner_text("body")
    assert fits_the_screen(page)
    page.get_by_role("button", name="Admit").click()
    page.wait_for_url(re.compile(r"/reception/stays/\d+/$"))
    assert fits_the_screen(page)
    stay = Stay.objects.get(person=person, exited_at__isnull=True)
    assert stay.site.code == "TRC-LIP" and stay.bed is not None
    taken = RegistrationTakeOver.objects.get(person=person)
    assert taken.reason == REASON and taken.taken_by == live_personas["registrar.lipa"]
    assert AuditEvent.objects.filter(purpose="registration take-over refused").count() == 1

    # The same pages in Bosnian: nothing left in English, still no sideways scrolling.
    page.get_by_label("Language").select_option("bs")
    page.get_by_role("button", name="Change").click()
    page.wait_for_load_state()
    for address in (
        "/reception/TRC-LIP/admit/?q=LIP-0000000-0",
        "/reception/TRC-LIP/admit/take-over/",
    ):
        page.goto(address)
        assert page.locator("html").get_attribute("lang") == "bs"
        text = page.inner_text("main")
        left = [phrase for phrase in ENGLISH if phrase in text]
        assert left == [], (address, left)
        assert fits_the_screen(page), address
