from __future__ import annotations

from itertools import pairwise

import pytest
from django.core.exceptions import ValidationError

from waypoint.returns.models import Case, StageChange
from waypoint.returns.services import stage_move
from waypoint.returns.stages import STAGE_DAYS, TERMINAL, TRANSITIONS, Stage, is_allowed

pytestmark = pytest.mark.django_db


def test_every_stage_has_its_moves_and_its_time_limit_written_down() -> None:
    assert set(TRANSITIONS) == set(Stage.values) == set(STAGE_DAYS)


def test_a_case_can_be_withdrawn_or_abandoned_from_every_open_stage_and_never_after_closing() -> (
    None
):
    for stage in Stage.values:
        expected = stage not in TERMINAL
        assert is_allowed(stage, Stage.WITHDRAWN) is expected
        assert is_allowed(stage, Stage.ABANDONED) is expected


def test_the_forward_path_reaches_closed_from_the_application() -> None:
    path = [
        Stage.APPLICATION,
        Stage.COUNSELLING,
        Stage.ELIGIBILITY,
        Stage.TRAVEL_DOCUMENTS,
        Stage.MEDICAL,
        Stage.TRAVEL_BOOKED,
        Stage.DEPARTED,
        Stage.ARRIVED,
        Stage.REINTEGRATION_PLANNED,
        Stage.ASSISTANCE_DELIVERED,
        Stage.MONITORING,
        Stage.CLOSED,
    ]
    assert all(is_allowed(a, b) for a, b in pairwise(path))


def test_travel_cannot_be_reached_without_passing_documents_and_the_medical_check() -> None:
    reach = {stage for stage, nexts in TRANSITIONS.items() if Stage.TRAVEL_BOOKED in nexts}
    assert reach == {Stage.MEDICAL}
    assert {s for s, n in TRANSITIONS.items() if Stage.MEDICAL in n} == {
        Stage.TRAVEL_DOCUMENTS,
        Stage.TRAVEL_BOOKED,
    }


def test_an_illegal_transition_is_refused_with_a_clear_message(linked_case: Case) -> None:
    with pytest.raises(ValidationError) as refused:
        stage_move(actor=None, case=linked_case, to=Stage.DEPARTED)
    assert refused.value.messages == [
        "A case in stage “Application received” cannot move to “Departed”."
    ]
    linked_case.refresh_from_db()
    assert linked_case.stage == Stage.APPLICATION
    assert StageChange.objects.filter(case=linked_case).count() == 1


def test_a_withdrawal_needs_a_reason(linked_case: Case) -> None:
    with pytest.raises(ValidationError) as refused:
        stage_move(actor=None, case=linked_case, to=Stage.WITHDRAWN)
    assert "reason" in refused.value.message_dict


def test_each_move_records_who_when_and_why(personas: dict, linked_case: Case) -> None:
    stage_move(actor=personas["counsellor"], case=linked_case, to=Stage.COUNSELLING, reason="met")
    change = linked_case.stage_changes.last()
    assert change is not None
    assert (change.from_stage, change.to_stage, change.changed_by, change.reason) == (
        Stage.APPLICATION,
        Stage.COUNSELLING,
        personas["counsellor"],
        "met",
    )
    assert linked_case.stage_entered_at == change.changed_at
