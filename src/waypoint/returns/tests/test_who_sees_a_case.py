"""Counsellors see every case; centre staff the cases of their residents; others nothing."""

from __future__ import annotations

from typing import Any

import pytest

from waypoint.accounts.models import Role, User
from waypoint.accounts.services import assignment_add, user_create
from waypoint.returns.models import Case
from waypoint.returns.services import application_submit

from .conftest import application

pytestmark = pytest.mark.django_db


@pytest.fixture
def counsellor_at_usivak(site: Any) -> User:
    user = user_create(actor=None, email="counsellor.usivak@waypoint.test", full_name="C U")
    assignment_add(actor=None, user=user, role=Role.AVRR_COUNSELLOR, site=site("TRC-USI"))
    return user


def test_the_national_counsellor_opens_a_case_from_any_centre(
    client: Any, personas: dict, linked_case: Case
) -> None:
    client.force_login(personas["counsellor"])
    response = client.get(f"/returns/cases/{linked_case.pk}/")
    assert response.status_code == 200
    assert linked_case.reference in response.content.decode()


def test_a_counsellor_outside_the_scope_of_a_case_gets_404(
    client: Any, counsellor_at_usivak: User, linked_case: Case
) -> None:
    client.force_login(counsellor_at_usivak)
    assert client.get(f"/returns/cases/{linked_case.pk}/").status_code == 404
    response = client.post(f"/returns/cases/{linked_case.pk}/take/", {})
    assert response.status_code == 404
    linked_case.refresh_from_db()
    assert linked_case.counsellor != counsellor_at_usivak


def test_the_centre_manager_sees_the_case_of_a_resident_but_cannot_act_on_it(
    client: Any, personas: dict, linked_case: Case
) -> None:
    client.force_login(personas["manager.lipa"])
    page = client.get(f"/returns/cases/{linked_case.pk}/")
    assert page.status_code == 200
    assert "Take this case" not in page.content.decode()
    assert client.post(f"/returns/cases/{linked_case.pk}/take/", {}).status_code == 403


def test_staff_of_another_centre_get_404(client: Any, personas: dict, linked_case: Case) -> None:
    client.force_login(personas["registrar.usivak"])
    assert client.get(f"/returns/cases/{linked_case.pk}/").status_code == 404


def test_a_portal_application_from_a_centre_is_visible_to_that_centre(
    client: Any, personas: dict
) -> None:
    receipt = application_submit(application=application(staying_at="TRC-LIP"))
    case = Case.objects.get(reference=receipt.reference)
    client.force_login(personas["caseworker.lipa"])
    assert client.get(f"/returns/cases/{case.pk}/").status_code == 200


def test_analysts_and_partners_see_no_case(client: Any, personas: dict, linked_case: Case) -> None:
    for name in ("analyst", "partner", "enumerator"):
        client.force_login(personas[name])
        assert client.get(f"/returns/cases/{linked_case.pk}/").status_code == 404
        assert client.get("/returns/").status_code == 403


def test_the_contact_is_shown_to_counsellors_only(client: Any, personas: dict) -> None:
    receipt = application_submit(application=application(contact="viber +387 61 222 333"))
    case = Case.objects.get(reference=receipt.reference)
    client.force_login(personas["counsellor"])
    assert "viber +387 61 222 333" in client.get(f"/returns/cases/{case.pk}/").content.decode()
    client.force_login(personas["manager.lipa"])
    assert "222 333" not in client.get(f"/returns/cases/{case.pk}/").content.decode()
