from __future__ import annotations

from typing import Any

import pytest

from waypoint.people.models import Person
from waypoint.returns.models import Case, Source
from waypoint.returns.stages import Stage

pytestmark = pytest.mark.django_db


def test_a_centre_manager_refers_a_resident_from_the_person_page(
    client: Any, personas: dict, lipa_resident: Person
) -> None:
    client.force_login(personas["manager.lipa"])
    page = client.get(f"/people/{lipa_resident.pk}/").content.decode()
    assert "Refer for voluntary return" in page
    response = client.post(
        f"/returns/refer/{lipa_resident.pk}/", {"return_country": "afg", "return_city": "Herat"}
    )
    assert response.status_code == 302
    case = Case.objects.get()
    assert (case.source, case.stage, case.principal, case.return_country) == (
        Source.CENTRE,
        Stage.APPLICATION,
        lipa_resident,
        "AFG",
    )
    assert case.members.get().person == lipa_resident
    page = client.get(f"/people/{lipa_resident.pk}/").content.decode()
    assert case.reference in page


def test_a_resident_on_an_open_case_is_not_referred_twice(
    client: Any, personas: dict, lipa_resident: Person
) -> None:
    client.force_login(personas["caseworker.lipa"])
    client.post(f"/returns/refer/{lipa_resident.pk}/", {"return_country": "AFG"})
    again = client.post(f"/returns/refer/{lipa_resident.pk}/", {"return_country": "AFG"})
    assert again.status_code == 200
    assert "already on another open return case" in again.content.decode()
    assert Case.objects.count() == 1


def test_roles_that_may_not_refer_see_no_link_and_are_refused(
    client: Any, personas: dict, lipa_resident: Person
) -> None:
    client.force_login(personas["registrar.lipa"])
    assert "Refer for voluntary return" not in (
        client.get(f"/people/{lipa_resident.pk}/").content.decode()
    )
    response = client.post(f"/returns/refer/{lipa_resident.pk}/", {"return_country": "AFG"})
    assert response.status_code == 403


def test_staff_of_another_centre_get_404(
    client: Any, personas: dict, lipa_resident: Person
) -> None:
    client.force_login(personas["registrar.usivak"])
    assert client.get(f"/returns/refer/{lipa_resident.pk}/").status_code == 404
