"""In the browser, on a 360 px phone: a migrant applies in Farsi, a counsellor takes the
application to departure in the returns workspace, and the Farsi status page follows."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from waypoint.conftest import sign_in_as
from waypoint.people.services import person_register
from waypoint.places.models import Site
from waypoint.portal.services import portal_content_load
from waypoint.returns.models import Case

pytestmark = pytest.mark.browser


def assert_fits_a_phone_right_to_left(page: Any) -> None:
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "fa"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def apply_in_farsi(page: Any) -> tuple[str, str]:
    page.goto("/fa/apply/")
    assert_fits_a_phone_right_to_left(page)
    page.fill("#id_given_name", "Reza")
    page.fill("#id_family_name", "Ahmadi")
    page.select_option("#id_nationality", "AFG")
    page.fill("#id_contact", "+387 61 000 000")
    page.select_option("#id_return_country", "AFG")
    page.fill("#id_return_city", "Herat")
    page.select_option("#id_staying_at", "TRC-LIP")
    page.get_by_label("اطلاعیه حریم خصوصی را خوانده‌ام").check()  # the consent box
    page.get_by_role("button", name="فرستادن درخواست").click()  # "Send my application"
    page.wait_for_load_state()
    assert_fits_a_phone_right_to_left(page)
    reference = page.locator("#reference").inner_text().strip()
    pin = page.locator("#pin").inner_text().strip()
    assert re.fullmatch(r"\d{6}", pin)
    return reference, pin


def status_in_farsi(page: Any, reference: str, pin: str) -> str:
    page.goto("/fa/status/")
    page.fill("#id_reference", reference)
    page.fill("#id_pin", pin)
    page.get_by_role("button", name="بررسی").click()  # "Check"
    page.wait_for_load_state()
    assert_fits_a_phone_right_to_left(page)
    return page.locator("#stage").inner_text().strip()


def fill_and_submit(page: Any, action: str, button: str, fields: dict[str, str]) -> None:
    section = page.locator(f"#action-{action}")
    for label, value in fields.items():
        field = section.get_by_label(label)
        if field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    section.get_by_role("button", name=button).click()
    page.wait_for_load_state()


def test_a_migrant_applies_in_farsi_and_follows_the_case_to_departure(
    page: Any, live_personas: dict
) -> None:
    portal_content_load()
    person = person_register(
        actor=live_personas["registrar.lipa"],
        site=Site.objects.get(code="TRC-LIP"),
        given_name="Reza",
        family_name="Ahmadi",
        nationality="AFG",
        birth_date=timezone.localdate().replace(year=1990, month=5, day=1),
    )
    reference, pin = apply_in_farsi(page)
    assert status_in_farsi(page, reference, pin) == "درخواست دریافت شد"  # received

    today = timezone.localdate().isoformat()
    departure = (timezone.localtime() + timedelta(days=4)).strftime("%Y-%m-%dT%H:%M")
    sign_in_as(page, "counsellor@waypoint.test")
    page.goto("/returns/")
    page.locator("#new-applications").get_by_role("link", name=reference).click()
    page.wait_for_url("**/returns/cases/*/")
    page.locator("#action-take").get_by_role("button", name="Take this case").click()
    page.get_by_role("button", name=f"Link {person.registration_number}").click()
    assert page.get_by_text(f"is linked to {person.registration_number}").is_visible()
    fill_and_submit(
        page,
        "counselling",
        "Save session",
        {"Date of the session": today, "Language (code)": "fa", "Interpreter": "Farid"},
    )
    fill_and_submit(page, "consent", "Record consent", {"Embassy of (country)": "AFG"})
    fill_and_submit(page, "eligibility", "Record decision", {"Decision": "approve"})
    fill_and_submit(page, "document_request", "Request document", {"Embassy of (country)": "AFG"})
    fill_and_submit(page, "document_issue", "Record issued", {"Issued on": today})
    fill_and_submit(page, "fitness", "Record medical check", {"Checked on": today})
    fill_and_submit(
        page,
        "booking",
        "Book travel",
        {"Departure": departure, "Itinerary (flights)": "SJJ-IST-KBL TK1022"},
    )
    fill_and_submit(page, "depart", "Mark departed", {"Departed on": today})
    assert page.locator("#case-stage").inner_text() == "Departed"
    assert Case.objects.get(reference=reference).principal == person

    page.context.clear_cookies()
    assert status_in_farsi(page, reference, pin) == "حرکت کرد"  # departed
