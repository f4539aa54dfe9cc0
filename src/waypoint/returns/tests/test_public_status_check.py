from __future__ import annotations

import pytest
from django.utils import timezone, translation

from waypoint.returns.models import Case
from waypoint.returns.queries import MAX_PIN_FAILURES, case_status_public
from waypoint.returns.services import application_submit, stage_move
from waypoint.returns.stages import Stage
from waypoint.returns.tests.conftest import application

pytestmark = pytest.mark.django_db


def test_the_right_pin_shows_the_stage_and_the_day_it_changed(places: None) -> None:
    receipt = application_submit(application=application())
    status = case_status_public(reference=receipt.reference, pin=receipt.pin)
    assert status is not None
    assert status.stage == Stage.APPLICATION
    assert str(status.stage_label) == "Application received"
    # The day as it was where the case is handled, not in UTC.
    assert status.updated_on == timezone.localdate(Case.objects.get().stage_entered_at)


def test_the_status_follows_the_case_stage(personas: dict, places: None) -> None:
    receipt = application_submit(application=application())
    case = Case.objects.get(reference=receipt.reference)
    stage_move(actor=personas["counsellor"], case=case, to=Stage.COUNSELLING)
    status = case_status_public(reference=receipt.reference, pin=receipt.pin)
    assert status is not None and status.stage == Stage.COUNSELLING


def test_a_reference_typed_loosely_still_matches(places: None) -> None:
    receipt = application_submit(application=application())
    typed = receipt.reference.lower().replace("-", " ")
    assert case_status_public(reference=typed, pin=receipt.pin) is not None


def test_a_wrong_pin_or_unknown_reference_answers_nothing(places: None) -> None:
    receipt = application_submit(application=application())
    wrong = "000000" if receipt.pin != "000000" else "111111"
    assert case_status_public(reference=receipt.reference, pin=wrong) is None
    assert case_status_public(reference="R-2222-2222", pin=receipt.pin) is None
    assert case_status_public(reference="", pin="") is None
    assert Case.objects.get().pin_failures == 1


def test_too_many_wrong_pins_lock_the_reference_even_for_the_right_pin(places: None) -> None:
    receipt = application_submit(application=application())
    wrong = "000000" if receipt.pin != "000000" else "111111"
    for _ in range(MAX_PIN_FAILURES):
        assert case_status_public(reference=receipt.reference, pin=wrong) is None
    assert case_status_public(reference=receipt.reference, pin=receipt.pin) is None


def test_a_right_pin_before_the_limit_resets_the_count(places: None) -> None:
    receipt = application_submit(application=application())
    wrong = "000000" if receipt.pin != "000000" else "111111"
    case_status_public(reference=receipt.reference, pin=wrong)
    assert case_status_public(reference=receipt.reference, pin=receipt.pin) is not None
    assert Case.objects.get().pin_failures == 0


def test_the_stage_label_is_translated_in_the_active_language(places: None) -> None:
    receipt = application_submit(application=application())
    status = case_status_public(reference=receipt.reference, pin=receipt.pin)
    assert status is not None
    with translation.override("en"):
        assert str(status.stage_label) == "Application received"
