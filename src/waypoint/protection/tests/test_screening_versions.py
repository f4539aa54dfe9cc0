"""A screening keeps its template version; a new version is data, not a migration."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from waypoint.protection import screening as templates
from waypoint.protection.screening import (
    BIH_2025_1,
    Category,
    Question,
    ScreeningTemplate,
    template_current,
)
from waypoint.protection.services import screening_record

pytestmark = pytest.mark.django_db

NEXT = ScreeningTemplate(
    version="test-next-1",
    title="Next screening",
    valid_from=date.today() - timedelta(days=1),
    questions=(
        *BIH_2025_1.questions,
        Question("statelessness_risk", "Is the person at risk of statelessness?", Category.CHILD),
    ),
)


def test_a_screening_stores_the_version_it_was_made_with(officer, at_borici):
    screening = screening_record(actor=officer, person=at_borici, answers={"disability": "yes"})
    assert screening.version == "bih-2026-1" == template_current().version
    assert screening.flags == ["disability"]
    assert screening.follow_up is True


def test_the_latest_valid_version_becomes_current(monkeypatch):
    monkeypatch.setitem(templates.TEMPLATES, NEXT.version, NEXT)
    assert template_current().version == NEXT.version
    assert template_current(on=date(2025, 6, 1)).version == "bih-2025-1"


def test_an_old_screening_is_read_with_its_own_questions(monkeypatch, officer, at_borici):
    old = screening_record(
        actor=officer, person=at_borici, answers={"pregnant": "yes"}, version="bih-2025-1"
    )
    monkeypatch.setitem(templates.TEMPLATES, NEXT.version, NEXT)
    new = screening_record(actor=officer, person=at_borici, answers={"statelessness_risk": "no"})
    assert new.version == NEXT.version
    old.refresh_from_db()
    assert [question.code for question, _answer in old.answered_questions()] == BIH_2025_1.codes
    assert len(new.answered_questions()) == len(BIH_2025_1.codes) + 1


def test_a_question_of_a_newer_version_is_refused_under_the_old_one(officer, at_borici):
    with pytest.raises(ValidationError):
        screening_record(
            actor=officer,
            person=at_borici,
            answers={"statelessness_risk": "yes"},
            version="bih-2025-1",
        )


def test_an_unknown_version_is_refused(officer, at_borici):
    with pytest.raises(ValidationError):
        screening_record(actor=officer, person=at_borici, answers={}, version="bih-1999-9")


def test_a_screening_of_an_unaccompanied_child_raises_the_categories_from_the_record(
    officer, child_at_borici
):
    screening = screening_record(actor=officer, person=child_at_borici, answers={})
    assert screening.flags == ["unaccompanied_or_separated_child", "child"]
