"""The landing page shows a protection officer open referrals and people needing follow-up."""

import pytest

from waypoint.protection.queries import protection_flag_fragment, protection_panel
from waypoint.protection.services import referral_create, screening_record

from .conftest import CSW, consent_to

pytestmark = pytest.mark.django_db


def test_the_panel_counts_what_is_in_scope(officer, admin, at_borici, at_lipa, child_at_borici):
    screening_record(actor=officer, person=at_borici, answers={"disability": "yes"})
    screening_record(actor=admin, person=at_lipa, answers={"disability": "yes"})
    consent_to(officer, child_at_borici, CSW, method="guardian")
    referral_create(actor=officer, person=child_at_borici, recipient=CSW)
    panel = protection_panel(officer)
    assert panel["open_referral_count"] == 1
    assert set(panel["flagged"]) == {at_borici, child_at_borici}


def test_a_later_screening_without_categories_clears_the_flag(officer, at_borici):
    screening_record(actor=officer, person=at_borici, answers={"disability": "yes"})
    screening_record(actor=officer, person=at_borici, answers={"disability": "no"})
    assert protection_panel(officer)["flagged_count"] == 0


def test_the_landing_page_shows_the_panel_to_the_officer_only(client, officer, caseworker):
    client.force_login(officer)
    assert "Protection in your scope" in client.get("/accounts/home/").content.decode()
    client.force_login(caseworker)
    assert "Protection in your scope" not in client.get("/accounts/home/").content.decode()


def test_the_navigation_offers_protection_to_protection_staff_only(client, officer, caseworker):
    client.force_login(officer)
    assert 'href="/protection/"' in client.get("/accounts/home/").content.decode()
    client.force_login(caseworker)
    assert 'href="/protection/"' not in client.get("/accounts/home/").content.decode()


def test_the_person_page_fragment_gives_others_only_the_flag(caseworker, officer, admin, at_lipa):
    screening_record(actor=admin, person=at_lipa, answers={"torture": "yes"})
    assert protection_flag_fragment(caseworker, at_lipa) == {
        "protection_follow_up": True,
        "protection_person_id": None,
    }
    assert protection_flag_fragment(officer, at_lipa) is None
    assert protection_flag_fragment(admin, at_lipa)["protection_person_id"] == at_lipa.pk


def test_the_officer_finds_a_person_by_registration_number(client, officer, at_borici, at_lipa):
    client.force_login(officer)
    found = client.get("/protection/", {"number": at_borici.registration_number.lower()})
    assert found.status_code == 302
    assert found["Location"] == f"/protection/people/{at_borici.pk}/"
    missing = client.get("/protection/", {"number": at_lipa.registration_number})
    assert missing.status_code == 200
    assert "No person with this registration number" in missing.content.decode()
