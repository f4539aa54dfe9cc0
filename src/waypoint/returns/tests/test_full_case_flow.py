from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from waypoint.audit.models import Action, AuditEvent
from waypoint.returns.models import Case
from waypoint.returns.services import member_link, stage_move
from waypoint.returns.stages import Stage
from waypoint.returns.tests.conftest import GOOD_ANSWERS, walk

pytestmark = pytest.mark.django_db


def test_a_case_goes_from_referral_to_closed_with_every_stage_recorded(
    personas: dict, linked_case: Case
) -> None:
    counsellor = personas["counsellor"]
    walk(linked_case, Stage.MONITORING, counsellor)
    stage_move(actor=counsellor, case=linked_case, to=Stage.CLOSED)
    stages = list(linked_case.stage_changes.values_list("to_stage", flat=True))
    assert stages == [
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
    visit = linked_case.visits.get()
    assert visit.composite == 1.0
    assert set(visit.answers) == set(GOOD_ANSWERS)


def test_a_family_case_needs_every_member_linked_and_documented(
    personas: dict, linked_case: Case, site: object
) -> None:
    from waypoint.returns.models import CaseMember
    from waypoint.returns.tests.conftest import resident

    child = CaseMember.objects.create(case=linked_case, name="Ali Ahmadi", relationship="child")
    member_link(
        actor=personas["counsellor"],
        member=child,
        person=resident(personas["registrar.lipa"], site("TRC-LIP"), "Ali"),  # type: ignore[operator]
    )
    walk(linked_case, Stage.TRAVEL_BOOKED, personas["counsellor"])
    assert linked_case.travel_documents.count() == 2


def test_an_old_stage_is_flagged_overdue(linked_case: Case) -> None:
    assert not linked_case.is_overdue()
    later = timezone.now() + timedelta(days=8)
    assert linked_case.is_overdue(later)
    assert linked_case.days_in_stage(later) == 8


def test_stage_changes_are_audited(personas: dict, linked_case: Case) -> None:
    stage_move(actor=personas["counsellor"], case=linked_case, to=Stage.COUNSELLING)
    event = AuditEvent.objects.filter(object_type="returns.case", action=Action.UPDATE).first()
    assert event is not None
    assert event.changed_fields == ["stage"]
    assert event.person_id == linked_case.principal_id
