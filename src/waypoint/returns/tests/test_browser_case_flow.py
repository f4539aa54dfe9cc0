"""In the browser: a counsellor opens a portal application, links it to the applicant's
reception record and takes it through counselling, approval, documents, fitness and travel
to departure; the applicant's status follows."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from waypoint.conftest import sign_in_as
from waypoint.places.models import Site
from waypoint.returns.models import Case
from waypoint.returns.queries import case_status_public
from waypoint.returns.services import application_submit
from waypoint.returns.stages import Stage

from .conftest import application, resident

pytestmark = pytest.mark.browser


def _fill_and_submit(page: Any, action: str, button: str, fields: dict[str, str]) -> None:
    section = page.locator(f"#action-{action}")
    for label, value in fields.items():
        field = section.get_by_label(label)
        if field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    section.get_by_role("button", name=button).click()
    page.wait_for_load_state()


def test_a_counsellor_takes_a_portal_application_to_departure(
    page: Any, live_personas: dict
) -> None:
    person = resident(live_personas["registrar.lipa"], Site.objects.get(code="TRC-LIP"))
    receipt = application_submit(application=application(family_members=()))
    today = timezone.localdate().isoformat()
    departure = (timezone.localtime() + timedelta(days=4)).strftime("%Y-%m-%dT%H:%M")

    sign_in_as(page, "counsellor@waypoint.test")
    page.goto("/returns/")
    page.locator("#new-applications").get_by_role("link", name=receipt.reference).click()
    page.wait_for_url("**/returns/cases/*/")
    assert page.locator("#case-stage").inner_text() == "Application received"

    page.locator("#action-take").get_by_role("button", name="Take this case").click()
    assert page.get_by_text("You now hold this case.").is_visible()
    page.get_by_role("button", name=f"Link {person.registration_number}").click()
    assert page.get_by_text(f"is linked to {person.registration_number}").is_visible()

    _fill_and_submit(
        page,
        "counselling",
        "Save session",
        {"Date of the session": today, "Language (code)": "fa", "Interpreter": "Farid"},
    )
    assert page.locator("#case-stage").inner_text() == "Counselling"
    _fill_and_submit(page, "consent", "Record consent", {"Embassy of (country)": "AFG"})
    assert page.get_by_text("agrees to sharing with the embassy of AFG").is_visible()
    _fill_and_submit(page, "eligibility", "Record decision", {"Decision": "approve"})
    assert page.locator("#case-stage").inner_text() == "Travel documents"
    _fill_and_submit(page, "document_request", "Request document", {"Embassy of (country)": "AFG"})
    assert page.get_by_text("the transfer to the embassy is recorded").is_visible()
    _fill_and_submit(page, "document_issue", "Record issued", {"Issued on": today})
    assert page.locator("#case-stage").inner_text() == "Medical check: fitness to travel"
    _fill_and_submit(page, "fitness", "Record medical check", {"Checked on": today})
    _fill_and_submit(
        page,
        "booking",
        "Book travel",
        {"Departure": departure, "Itinerary (flights)": "SJJ-IST-KBL TK1022"},
    )
    assert page.locator("#case-stage").inner_text() == "Travel booked"
    _fill_and_submit(page, "depart", "Mark departed", {"Departed on": today})
    assert page.locator("#case-stage").inner_text() == "Departed"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    case = Case.objects.get(reference=receipt.reference)
    assert case.principal == person
    assert case.stage_changes.count() == 7
    status = case_status_public(reference=receipt.reference, pin=receipt.pin)
    assert status is not None and status.stage == Stage.DEPARTED
