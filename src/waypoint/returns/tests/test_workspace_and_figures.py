from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from waypoint.returns.models import Case, StageChange
from waypoint.returns.queries import (
    median_days_to_departure,
    returns_by_month,
    withdrawals_by_reason,
    workspace,
)
from waypoint.returns.services import application_submit, case_stop, counselling_record
from waypoint.returns.stages import Stage

from .conftest import application, walk

pytestmark = pytest.mark.django_db


def test_the_workspace_groups_my_cases_and_lists_new_and_overdue_ones(
    personas: dict, linked_case: Case
) -> None:
    counsellor = personas["counsellor"]
    application_submit(application=application())
    Case.objects.filter(pk=linked_case.pk).update(
        stage_entered_at=timezone.now() - timedelta(days=30)
    )
    space = workspace(counsellor)
    assert [(group.stage, len(group.cases)) for group in space["groups"]] == [
        (Stage.APPLICATION, 1)
    ]
    assert len(space["unassigned"]) == 1
    assert [case.pk for case in space["overdue"]] == [linked_case.pk]


def test_upcoming_departures_and_appointments_are_listed(personas: dict, linked_case: Case) -> None:
    counsellor = personas["counsellor"]
    counselling_record(
        actor=counsellor,
        case=linked_case,
        held_on=date.today(),
        language="fa",
        outcome="undecided",
        next_appointment=timezone.now() + timedelta(days=2),
    )
    walk(linked_case, Stage.TRAVEL_BOOKED, counsellor)
    space = workspace(counsellor)
    assert [booking.case_id for booking in space["departures"]] == [linked_case.pk]
    assert [session.case_id for session in space["appointments"]] == [linked_case.pk]


def test_the_managers_figures_count_departures_days_and_withdrawals(
    personas: dict, linked_case: Case
) -> None:
    counsellor = personas["counsellor"]
    walk(linked_case, Stage.DEPARTED, counsellor)
    Case.objects.filter(pk=linked_case.pk).update(created_at=timezone.now() - timedelta(days=40))
    other = Case.objects.get(reference=application_submit(application=application()).reference)
    case_stop(actor=counsellor, case=other, stage=Stage.WITHDRAWN, reason="onward")
    rows = returns_by_month(counsellor)
    assert [(row["country"], row["cases"]) for row in rows] == [("AFG", 1)]
    assert median_days_to_departure(counsellor) == pytest.approx(40, abs=0.1)
    assert [(str(row["reason"]), row["cases"]) for row in withdrawals_by_reason(counsellor)] == [
        ("Moved on irregularly", 1)
    ]
    assert StageChange.objects.filter(to_stage=Stage.DEPARTED).count() == 1


def test_the_pages_show_to_counsellors_and_centre_managers(
    client: Any, personas: dict, linked_case: Case
) -> None:
    client.force_login(personas["counsellor"])
    home = client.get("/returns/").content.decode()
    assert linked_case.reference in home
    assert client.get("/returns/figures/").status_code == 200
    assert client.get("/returns/cases/?stage=application").status_code == 200
    client.force_login(personas["manager.lipa"])
    assert linked_case.reference in client.get("/returns/").content.decode()
