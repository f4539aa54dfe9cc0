from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from waypoint.returns.models import Case
from waypoint.returns.stages import Stage

pytestmark = pytest.mark.django_db


@pytest.fixture
def api() -> APIClient:
    return APIClient()


def test_a_counsellor_lists_and_reads_cases(
    api: APIClient, personas: dict, linked_case: Case
) -> None:
    api.force_authenticate(personas["counsellor"])
    listed = api.get("/api/v1/cases/", {"stage": "application"})
    assert listed.status_code == 200
    assert [row["reference"] for row in listed.json()["results"]] == [linked_case.reference]
    detail = api.get(f"/api/v1/cases/{linked_case.pk}/").json()
    assert detail["members"][0]["registration_number"] == linked_case.principal.registration_number  # type: ignore[union-attr]
    assert detail["stage_changes"][0]["to_stage"] == "application"
    assert "contact" not in str(detail)


def test_a_stage_move_through_the_api_follows_the_rules(
    api: APIClient, personas: dict, linked_case: Case
) -> None:
    api.force_authenticate(personas["counsellor"])
    refused = api.post(
        f"/api/v1/cases/{linked_case.pk}/advance/", {"to": "departed"}, format="json"
    )
    assert refused.status_code == 400
    assert "cannot move to" in str(refused.json())
    moved = api.post(
        f"/api/v1/cases/{linked_case.pk}/advance/", {"to": "counselling"}, format="json"
    )
    assert moved.status_code == 200
    assert moved.json()["stage"] == Stage.COUNSELLING


def test_other_roles_are_refused(api: APIClient, personas: dict, linked_case: Case) -> None:
    for name in ("manager.lipa", "analyst", "partner"):
        api.force_authenticate(personas[name])
        assert api.get("/api/v1/cases/").status_code == 403


def test_unknown_or_hostile_ids_answer_404(
    api: APIClient, personas: dict, linked_case: Case
) -> Any:
    api.force_authenticate(personas["counsellor"])
    assert api.get("/api/v1/cases/999999999999999999/").status_code == 404
    assert (
        api.post("/api/v1/cases/999999/advance/", {"to": "closed"}, format="json").status_code
        == 404
    )
