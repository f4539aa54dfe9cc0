"""In the browser: the protection officer in Borići screens a two-year-old girl, who is asked
only the questions for her age, and her mother, who is asked about pregnancy; then records
consent for the child through her mother, picking the recipient by name, and refers her."""

import pytest

from waypoint.conftest import sign_in_as
from waypoint.people.models import Consent
from waypoint.people.services import household_member_add, household_register
from waypoint.places.models import Site
from waypoint.protection.models import Referral, Screening

from .conftest import register_person, years_ago

pytestmark = pytest.mark.browser


def fits_the_screen(page, width):
    return page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [1280, 360])
def test_a_two_year_old_is_asked_only_the_questions_for_her_age(page, live_personas, width):
    admin = live_personas["admin"]
    borici = Site.objects.get(code="TRC-BOR")
    mother = register_person(
        admin, borici, "Zahra", family_name="Rahimi", sex="F", birth_date=years_ago(28)
    )
    girl = register_person(
        admin, borici, "Sara", family_name="Rahimi", sex="F", birth_date=years_ago(2)
    )
    household = household_register(actor=admin, head=mother)
    household_member_add(actor=admin, household=household, person=girl, relationship="child")
    page.set_viewport_size({"width": width, "height": 800})

    sign_in_as(page, "protection.borici@waypoint.test")
    page.goto(f"/protection/people/{girl.pk}/")
    page.get_by_role("link", name="Screen (bih-2026-1)").click()
    page.wait_for_url(f"**/protection/people/{girl.pk}/screen/")
    assert page.get_by_text("Questions for this person: Female, 2 years old.").is_visible()
    assert page.get_by_role("group", name="very thin").is_visible()
    assert page.get_by_role("group", name="without a parent").is_visible()
    assert page.get_by_role("group", name="Is the person pregnant?").count() == 0
    assert page.get_by_text("forced to work").count() == 0
    assert page.get_by_text("sexual orientation").count() == 0
    assert page.get_by_text("10 questions of this version do not apply").is_visible()
    assert fits_the_screen(page, width)
    page.get_by_role("group", name="very thin").get_by_label("Yes").check()
    page.get_by_role("button", name="Save screening").click()
    page.wait_for_url("**/protection/screenings/*/")
    assert page.get_by_text("Serious illness").first.is_visible()
    screening = Screening.objects.get(person=girl)
    assert screening.answers["pregnant"] == "not_asked"
    assert screening.answers["malnutrition"] == "yes"

    page.goto(f"/protection/people/{mother.pk}/")
    page.get_by_role("link", name="Screen (bih-2026-1)").click()
    page.wait_for_url(f"**/protection/people/{mother.pk}/screen/")
    assert page.get_by_role("group", name="Is the person pregnant?").is_visible()
    assert page.get_by_role("group", name="very thin").count() == 0
    assert fits_the_screen(page, width)

    page.goto(f"/people/{girl.pk}/")
    page.get_by_text("Record consent").click()
    page.get_by_label("Purpose").select_option("protection")
    method = page.get_by_label("How consent was given")
    assert method.locator("option").all_inner_texts() == ["Given by a guardian (minor)"]
    assert page.get_by_label("Witness or guardian").input_value() == "Zahra Rahimi"
    page.get_by_label("Centre for Social Work").check()
    assert fits_the_screen(page, width)
    page.get_by_role("button", name="Record", exact=True).click()
    assert page.get_by_text("Consent recorded.").is_visible()
    consent = Consent.objects.get(person=girl)
    assert (consent.method, consent.witness) == ("guardian", "Zahra Rahimi")
    assert consent.recipients == ["centre_for_social_work"]

    page.goto(f"/protection/people/{girl.pk}/refer/")
    page.get_by_label("Refer to").select_option("centre_for_social_work")
    page.get_by_role("button", name="Propose referral").click()
    page.wait_for_url("**/protection/referrals/*/")
    assert Referral.objects.get(person=girl).consent == consent
