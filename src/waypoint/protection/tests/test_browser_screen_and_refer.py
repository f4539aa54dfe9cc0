"""In the browser: an officer in Borići screens and refers an unaccompanied child; a case
worker at the same centre sees only that protection follow-up is needed."""

import pytest

from waypoint.accounts.models import Role
from waypoint.accounts.services import assignment_add
from waypoint.conftest import sign_in_as
from waypoint.people.models import ConsentMethod
from waypoint.places.models import Site
from waypoint.protection.models import Referral, Screening

from .conftest import CSW, consent_to, unaccompanied_child

pytestmark = pytest.mark.browser


def test_an_officer_screens_and_refers_a_child_and_a_case_worker_sees_only_the_flag(
    page, live_personas
):
    admin = live_personas["admin"]
    borici = Site.objects.get(code="TRC-BOR")
    child = unaccompanied_child(admin, borici)
    consent_to(admin, child, CSW, method=ConsentMethod.GUARDIAN)
    assignment_add(
        actor=admin, user=live_personas["caseworker.lipa"], role=Role.CASE_WORKER, site=borici
    )

    sign_in_as(page, "protection.borici@waypoint.test")
    page.goto("/protection/")
    page.get_by_label("Registration number").fill(child.registration_number)
    page.get_by_role("button", name="Open").click()
    page.wait_for_url(f"**/protection/people/{child.pk}/")
    assert page.get_by_text("Amela Hodžić").is_visible()

    page.get_by_role("link", name="Screen (bih-2026-1)").click()
    question = page.get_by_role("group", name="signs of a mental health condition")
    question.get_by_label("Yes").check()
    page.get_by_label("Notes").fill("Does not sleep; asks for his brother.")
    page.get_by_role("button", name="Save screening").click()
    page.wait_for_url("**/protection/screenings/*/")
    assert page.get_by_text("Unaccompanied or separated child").first.is_visible()
    assert page.get_by_text("Mental health condition").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_role("link", name="Omid Karimi").click()
    page.get_by_role("link", name="Refer to a service").click()
    page.get_by_label("Refer to").select_option(CSW)
    page.get_by_label("Organisation or contact").fill("Centar za socijalni rad Bihać")
    page.get_by_role("button", name="Propose referral").click()
    page.wait_for_url("**/protection/referrals/*/")
    assert page.get_by_text("Referral proposed.").is_visible()
    referral = Referral.objects.get(person=child)
    assert referral.recipient == CSW and referral.status == "proposed"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_role("button", name="Sign out").click()
    sign_in_as(page, "caseworker.lipa@waypoint.test")
    page.goto(f"/protection/people/{child.pk}/")
    assert page.get_by_text("Protection follow-up needed").is_visible()
    assert page.get_by_text("Mental health").count() == 0
    assert page.get_by_text("sleep").count() == 0
    screening = Screening.objects.get(person=child)
    response = page.goto(f"/protection/screenings/{screening.pk}/")
    assert response is not None and response.status == 404
