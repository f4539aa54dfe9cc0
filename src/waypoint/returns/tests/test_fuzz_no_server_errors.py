"""Hostile input on every returns form and endpoint gets a clear answer, never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rest_framework.test import APIClient

from waypoint.core.tests.strategies import FUZZ, TEXT, form_data
from waypoint.returns.actions import ACTIONS
from waypoint.returns.models import Case
from waypoint.returns.queries import case_status_public
from waypoint.returns.stages import Stage

from .conftest import walk

pytestmark = pytest.mark.django_db

ACTION_FIELDS = {
    name: [f"{name}-{field}" for field in action.form.base_fields]
    for name, action in ACTIONS.items()
}
ACTION_FIELDS["monitoring"] += ["monitoring-housing", "monitoring-work", "monitoring-safety"]


@FUZZ
@given(action=st.sampled_from(sorted(ACTIONS)), data=st.data())
def test_case_actions_answer_any_input_without_a_server_error(
    client: Any, personas: dict, linked_case: Case, action: str, data: st.DataObject
) -> None:
    client.force_login(personas["counsellor"])
    names = ACTION_FIELDS[action]
    fields = data.draw(form_data(names) if names else st.just({}))
    response = client.post(f"/returns/cases/{linked_case.pk}/{action}/", fields)
    assert response.status_code in {302, 400, 404}


@FUZZ
@given(
    action=st.sampled_from(
        ["document_request", "document_issue", "fitness", "booking", "advance", "stop"]
    ),
    data=st.data(),
)
def test_travel_actions_answer_any_input_without_a_server_error(
    client: Any, personas: dict, linked_case: Case, action: str, data: st.DataObject
) -> None:
    if linked_case.stage == Stage.APPLICATION:
        walk(linked_case, Stage.TRAVEL_DOCUMENTS, personas["counsellor"])
    client.force_login(personas["counsellor"])
    names = ACTION_FIELDS[action]
    fields = data.draw(form_data(names) if names else st.just({}))
    response = client.post(f"/returns/cases/{linked_case.pk}/{action}/", fields)
    assert response.status_code in {302, 400, 404}


@FUZZ
@given(
    fields=form_data(
        [
            "source",
            "registration_number",
            "given_name",
            "family_name",
            "return_country",
            "return_city",
            "contact",
        ]
    ),
    query=form_data(["q", "stage", "page"]),
)
def test_opening_and_searching_cases_answer_any_input(
    client: Any, personas: dict, fields: dict[str, str], query: dict[str, str]
) -> None:
    client.force_login(personas["counsellor"])
    assert client.post("/returns/cases/new/", fields).status_code in {200, 302}
    assert client.get("/returns/cases/", query).status_code == 200


@FUZZ
@given(fields=form_data(["return_country", "return_city", "contact"]))
def test_referring_answers_any_input(
    client: Any, personas: dict, lipa_resident: Any, fields: dict[str, str]
) -> None:
    client.force_login(personas["manager.lipa"])
    response = client.post(f"/returns/refer/{lipa_resident.pk}/", fields)
    assert response.status_code in {200, 302}


@FUZZ
@given(query=form_data(["q", "stage", "page"]), body=form_data(["to", "reason"]), case_id=TEXT)
def test_the_cases_api_answers_any_input(
    personas: dict, linked_case: Case, query: dict[str, str], body: dict[str, str], case_id: str
) -> None:
    api = APIClient()
    api.force_authenticate(personas["counsellor"])
    assert api.get("/api/v1/cases/", query).status_code in {200, 400, 404}
    response = api.post(f"/api/v1/cases/{linked_case.pk}/advance/", body, format="json")
    assert response.status_code in {200, 400}
    assert api.get("/api/v1/cases/", {"x": case_id}).status_code == 200


@FUZZ
@given(reference=TEXT, pin=TEXT)
def test_the_public_status_check_answers_any_input(places: None, reference: str, pin: str) -> None:
    assert case_status_public(reference=reference, pin=pin) is None


@FUZZ
@given(case_id=st.integers(min_value=0, max_value=10**30))
def test_any_case_number_in_a_url_answers_without_a_server_error(
    client: Any, personas: dict, case_id: int
) -> None:
    client.force_login(personas["counsellor"])
    assert client.get(f"/returns/cases/{case_id}/").status_code in {200, 404}
    assert client.post(f"/returns/cases/{case_id}/take/").status_code in {302, 404}
    assert client.get(f"/returns/refer/{case_id}/").status_code in {200, 404}
