"""In the browser (issue 16): the Lipa registration officer types a man already registered at
Ušivak under another spelling, with the same date of birth and nationality. Saving stops at
"This person may already be registered" with the match shown as likely. A real newcomer
registers without a stop; the same man typed again is registered only once the officer says
he is a different person, and why. On a desk and on a phone, with nothing wider than the
screen."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from waypoint.audit.models import AuditEvent
from waypoint.conftest import sign_in_as
from waypoint.people.models import Person
from waypoint.people.services import person_register
from waypoint.places.models import Site

pytestmark = pytest.mark.browser

WIDTHS = [1280, 360]


@pytest.fixture
def at_usivak(live_personas: dict[str, Any]) -> Person:
    return person_register(
        actor=live_personas["registrar.usivak"],
        site=Site.objects.get(code="TRC-USI"),
        given_name="Mohammad",
        family_name="Habibi",
        sex="M",
        birth_date=date(1996, 1, 1),
        nationality="AFG",
        registered_on=date(2025, 9, 3),
    )


def fits(page: Any, width: int) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= width


def type_person(page: Any, given: str, family: str, born: str) -> None:
    page.goto("/people/register/")
    page.get_by_label("Given name(s), Latin").fill(given)
    page.get_by_label("Family name, Latin").fill(family)
    page.locator("#id_sex").select_option("M")  # labels "Sex *": the asterisk marks required
    page.locator("#id_birth_date").fill(born)
    page.get_by_label("Nationality, as declared").fill("Afghanistan")


@pytest.mark.parametrize("width", WIDTHS)
def test_a_likely_duplicate_stops_a_newcomer_does_not_and_a_reason_lets_one_through(
    page: Any, at_usivak: Person, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    sign_in_as(page, "registrar.lipa@waypoint.test")

    type_person(page, "Mohamad", "Habibi", "1996-01-01")
    page.get_by_role("button", name="Register", exact=True).click()
    stop = page.get_by_role("alert").filter(has_text="This person may already be registered")
    stop.wait_for()
    match = page.locator(".hit", has_text=at_usivak.registration_number)
    assert re.search(r"(99|100)% likely the same person", match.inner_text())
    assert "01.01.1996" in match.inner_text() and "Afghanistan" in match.inner_text()
    assert Person.objects.count() == 1
    assert fits(page, width)

    type_person(page, "Farid", "Rahimi", "1990-03-14")
    page.get_by_role("button", name="Register", exact=True).click()
    page.wait_for_url(re.compile(r".*/people/\d+/$"))
    newcomer = Person.objects.get(given_name="Farid")
    assert page.get_by_text(f"Registered {newcomer.registration_number}.").is_visible()
    assert fits(page, width)

    type_person(page, "Mohamad", "Habibi", "1996-01-01")
    page.get_by_role("button", name="Register", exact=True).click()
    stop.wait_for()
    stop.get_by_label("This is a different person").check()
    stop.get_by_label("Why").fill("Another father: Karim, not Ahmad; he says so.")
    assert fits(page, width)
    page.get_by_role("button", name="Register as a different person").click()
    page.wait_for_url(re.compile(r".*/people/\d+/$"))
    second = Person.objects.exclude(pk__in=[at_usivak.pk, newcomer.pk]).get()
    assert second.registered_at.code == "TRC-LIP" and second.given_name == "Mohamad"
    assert page.get_by_text(f"Registered {second.registration_number}.").is_visible()
    assert AuditEvent.objects.filter(
        person_id=second.pk, purpose__endswith="Another father: Karim, not Ahmad; he says so."
    ).exists()
    assert fits(page, width)
