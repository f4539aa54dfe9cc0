"""A case moves only with the record each stage needs, only by someone whose scope covers
it, and the counsellor's list of new applications holds only new applications (issue 16)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from waypoint.accounts.models import Role, User
from waypoint.accounts.services import assignment_add, user_create
from waypoint.places.models import Site
from waypoint.returns import queries, services
from waypoint.returns.models import Case
from waypoint.returns.stages import Stage

pytestmark = pytest.mark.django_db


def test_a_case_in_counselling_cannot_be_assessed_before_a_session_is_recorded(
    linked_case: Case, personas: dict[str, User]
) -> None:
    services.stage_move(actor=personas["counsellor"], case=linked_case, to=Stage.COUNSELLING)
    with pytest.raises(ValidationError) as refused:
        services.eligibility_decide(actor=personas["counsellor"], case=linked_case, approved=True)
    assert refused.value.messages == [
        "Record a counselling session before the eligibility assessment."
    ]
    services.counselling_record(
        actor=personas["counsellor"],
        case=linked_case,
        held_on=date(2026, 12, 1),
        language="fa",
        outcome="wishes_to_return",
    )
    services.eligibility_decide(actor=personas["counsellor"], case=linked_case, approved=True)
    assert Case.objects.get(pk=linked_case.pk).stage == Stage.TRAVEL_DOCUMENTS


def test_a_counsellor_assigned_to_another_centre_cannot_act_on_a_lipa_case(
    linked_case: Case,
) -> None:
    elsewhere = user_create(actor=None, email="counsellor.borici@waypoint.test", full_name="B C")
    assignment_add(
        actor=None,
        user=elsewhere,
        role=Role.AVRR_COUNSELLOR,
        site=Site.objects.get(code="TRC-BOR"),
    )
    with pytest.raises(PermissionDenied):
        services.counselling_record(
            actor=elsewhere,
            case=linked_case,
            held_on=date(2026, 12, 1),
            language="fa",
            outcome="wishes_to_return",
        )
    assert not linked_case.sessions.exists()


def test_the_new_applications_list_holds_only_applications_nobody_holds(
    linked_case: Case, personas: dict[str, User]
) -> None:
    Case.objects.filter(pk=linked_case.pk).update(counsellor=None)
    workspace = queries.workspace(personas["counsellor"])
    assert [case.pk for case in workspace["unassigned"]] == [linked_case.pk]
    Case.objects.filter(pk=linked_case.pk).update(stage=Stage.TRAVEL_BOOKED)
    workspace = queries.workspace(personas["counsellor"])
    assert list(workspace["unassigned"]) == []
    assert queries.returns_panel(personas["counsellor"])["returns_new"] == 0
