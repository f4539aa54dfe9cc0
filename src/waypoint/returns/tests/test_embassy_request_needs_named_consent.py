from __future__ import annotations

import pytest

from waypoint.audit.models import Action, AuditEvent
from waypoint.people.services import ConsentMissing
from waypoint.returns.models import Case, DataTransfer, TravelDocument
from waypoint.returns.services import travel_document_request
from waypoint.returns.stages import Stage
from waypoint.returns.tests.conftest import consent_to_embassy, walk

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(personas: dict, linked_case: Case) -> Case:
    return walk(linked_case, Stage.TRAVEL_DOCUMENTS, personas["counsellor"])


def test_a_request_without_consent_is_refused_and_nothing_is_shared(
    personas: dict, approved: Case
) -> None:
    with pytest.raises(ConsentMissing) as refused:
        travel_document_request(
            actor=personas["counsellor"],
            case=approved,
            member=approved.members.get(),
            kind="passport",
            embassy="AFG",
        )
    assert "has not consented to sharing their data with the embassy of AFG" in str(
        refused.value.messages[0]
    )
    assert not TravelDocument.objects.exists()
    assert not DataTransfer.objects.exists()
    assert not AuditEvent.objects.filter(action=Action.TRANSFER).exists()


def test_consent_naming_another_embassy_does_not_cover_this_one(
    personas: dict, approved: Case
) -> None:
    assert approved.principal is not None
    consent_to_embassy(personas["counsellor"], approved.principal, "PAK")
    with pytest.raises(ConsentMissing):
        travel_document_request(
            actor=personas["counsellor"],
            case=approved,
            member=approved.members.get(),
            kind="passport",
            embassy="AFG",
        )


def test_with_named_consent_the_transfer_is_recorded_and_audited(
    personas: dict, approved: Case
) -> None:
    assert approved.principal is not None
    consent_to_embassy(personas["counsellor"], approved.principal, "AFG")
    travel_document_request(
        actor=personas["counsellor"],
        case=approved,
        member=approved.members.get(),
        kind="emergency",
        embassy="afg",
    )
    transfer = DataTransfer.objects.get()
    assert (transfer.recipient, transfer.legal_basis, transfer.person) == (
        "embassy:AFG",
        "consent",
        approved.principal,
    )
    assert "birth_date" in transfer.fields
    event = AuditEvent.objects.get(action=Action.TRANSFER)
    assert event.person_id == approved.principal.pk
    assert event.actor == personas["counsellor"]


def test_an_unlinked_member_cannot_be_shared(personas: dict, approved: Case) -> None:
    from django.core.exceptions import ValidationError

    from waypoint.returns.models import CaseMember

    child = CaseMember.objects.create(case=approved, name="Ali")
    with pytest.raises(ValidationError) as refused:
        travel_document_request(
            actor=personas["counsellor"],
            case=approved,
            member=child,
            kind="passport",
            embassy="AFG",
        )
    assert "member" in refused.value.message_dict
