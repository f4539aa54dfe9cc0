from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from waypoint.returns.models import Case
from waypoint.returns.services import fitness_record, stage_move, travel_book
from waypoint.returns.stages import Stage
from waypoint.returns.tests.conftest import walk

pytestmark = pytest.mark.django_db


def _book(case: Case, actor: object) -> None:
    travel_book(
        actor=actor, case=case, departure_at=timezone.now() + timedelta(days=2), itinerary="SJJ-KBL"
    )


def test_booking_before_documents_is_refused_saying_what_is_missing(
    personas: dict, linked_case: Case
) -> None:
    walk(linked_case, Stage.TRAVEL_DOCUMENTS, personas["counsellor"])
    with pytest.raises(ValidationError) as refused:
        _book(linked_case, personas["counsellor"])
    message = refused.value.messages[0]
    assert "travel documents issued for every member" in message
    assert "fit to travel" in message
    assert not linked_case.bookings.exists()


def test_booking_without_a_fit_to_travel_finding_is_refused(
    personas: dict, linked_case: Case
) -> None:
    walk(linked_case, Stage.MEDICAL, personas["counsellor"])
    fitness_record(
        actor=personas["counsellor"], case=linked_case, fit=False, checked_on=date.today()
    )
    with pytest.raises(ValidationError) as refused:
        _book(linked_case, personas["counsellor"])
    assert "fit to travel" in refused.value.messages[0]
    assert "travel documents" not in refused.value.messages[0]


def test_documents_pending_keep_the_case_out_of_the_medical_stage(
    personas: dict, linked_case: Case
) -> None:
    walk(linked_case, Stage.TRAVEL_DOCUMENTS, personas["counsellor"])
    with pytest.raises(ValidationError) as refused:
        stage_move(actor=personas["counsellor"], case=linked_case, to=Stage.MEDICAL)
    assert "travel document is issued" in refused.value.messages[0]


def test_with_documents_and_fitness_travel_is_booked(personas: dict, linked_case: Case) -> None:
    walk(linked_case, Stage.TRAVEL_BOOKED, personas["counsellor"])
    assert linked_case.stage == Stage.TRAVEL_BOOKED
    assert linked_case.bookings.count() == 1
