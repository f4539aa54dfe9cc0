"""A registration officer runs a distribution line on a 360-pixel phone."""

import pytest

from waypoint.conftest import sign_in_as
from waypoint.people.services import person_register
from waypoint.places.models import Site
from waypoint.reception.models import ServiceDelivery
from waypoint.reception.services import stay_admit

pytestmark = pytest.mark.browser


def test_an_officer_scans_numbers_and_fixes_a_bad_line(page, live_personas):
    officer = live_personas["registrar.lipa"]
    lipa = Site.objects.get(code="TRC-LIP")
    people = [person_register(actor=officer, site=lipa, given_name=f"Scan{n}") for n in range(2)]
    for person in people:
        stay_admit(actor=officer, person=person, site=lipa)
    sign_in_as(page, officer.email)
    page.goto("/reception/TRC-LIP/distribution/")
    box = page.get_by_label("Registration numbers, one per line")
    box.fill(f"{people[0].registration_number}\nLIP-0000000-1\n")
    page.get_by_role("button", name="Record for everyone on the list").click()
    assert page.get_by_text("Line 2").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert not ServiceDelivery.objects.exists()
    page.get_by_label("Registration numbers, one per line").fill(
        "\n".join(person.registration_number for person in people)
    )
    page.get_by_role("button", name="Record for everyone on the list").click()
    assert page.get_by_text("Recorded for 2 people").is_visible()
    assert ServiceDelivery.objects.count() == 2
