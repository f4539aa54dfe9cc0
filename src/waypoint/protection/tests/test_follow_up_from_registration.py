"""Protection sees everyone registration already knows to be at risk, not only those
screened (issue 16: the Borići dashboard counted 15 unaccompanied children while the
protection home said "Nobody in your scope needs follow-up")."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse

from waypoint.accounts.models import User
from waypoint.people.services import guardian_appoint, household_register
from waypoint.places.models import Site
from waypoint.protection import queries
from waypoint.protection.services import screening_record
from waypoint.protection.tests.conftest import register_person, unaccompanied_child, years_ago

pytestmark = pytest.mark.django_db


def _listed(officer: User) -> dict[str, list[str]]:
    return {
        person.given_name: queries.follow_up_reasons(person)
        for person in queries.persons_flagged(officer)
    }


def test_registration_alone_puts_children_and_older_people_alone_on_the_list(
    admin: User, officer: User, site: Callable[[str], Site]
) -> None:
    borici = site("TRC-BOR")
    unaccompanied_child(admin, borici)  # Omid, 15, registered alone (guardian appointed)
    register_person(admin, borici, "Sara", birth_date=years_ago(12), sex="F")
    guarded = register_person(admin, borici, "Lina", birth_date=years_ago(9), sex="F")
    guardian_appoint(actor=admin, child=guarded, name="Amela Hodžić")
    register_person(admin, borici, "Karim", birth_date=years_ago(71), sex="M")
    with_family = register_person(admin, borici, "Nabi", birth_date=years_ago(66), sex="M")
    household_register(actor=admin, head=with_family)
    register_person(admin, borici, "Ahmad")  # 30, alone: no reason from registration

    assert _listed(officer) == {
        "Omid": ["unaccompanied child"],
        "Sara": ["child without a guardian or family"],
        "Karim": ["older person alone"],
    }


def test_once_screened_the_screening_speaks_for_an_older_person_but_a_child_alone_stays(
    admin: User, officer: User, site: Callable[[str], Site]
) -> None:
    borici = site("TRC-BOR")
    child = unaccompanied_child(admin, borici)
    older = register_person(admin, borici, "Karim", birth_date=years_ago(71), sex="M")
    for person in (child, older):
        screening_record(actor=officer, person=person, answers={})

    reasons = _listed(officer)
    # The screening weighs age itself (an older person is a category there).
    assert reasons["Karim"] == ["needs found at screening"]
    assert reasons["Omid"][0] == "unaccompanied child"


def test_the_protection_home_lists_them_with_why(
    client, admin: User, officer: User, site: Callable[[str], Site]
) -> None:
    unaccompanied_child(admin, site("TRC-BOR"))
    client.force_login(officer)
    page = client.get(reverse("protection:home")).content.decode()
    assert "Nobody in your scope needs follow-up" not in page
    assert "Omid" in page and "unaccompanied child" in page
