"""A counsellor drives a portal application to departure through the case page forms."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from waypoint.people.models import Person
from waypoint.returns.models import Case
from waypoint.returns.queries import case_status_public
from waypoint.returns.services import application_submit
from waypoint.returns.stages import Stage

from .conftest import application

pytestmark = pytest.mark.django_db


def _post(client: Any, case: Case, action: str, **fields: Any) -> Any:
    data = {f"{action}-{name}": value for name, value in fields.items()}
    return client.post(f"/returns/cases/{case.pk}/{action}/", data)


def test_a_counsellor_takes_links_and_advances_a_portal_application_to_departure(
    client: Any, personas: dict, lipa_resident: Person
) -> None:
    receipt = application_submit(application=application(family_members=()))
    case = Case.objects.get(reference=receipt.reference)
    client.force_login(personas["counsellor"])
    page = client.get(f"/returns/cases/{case.pk}/").content.decode()
    assert lipa_resident.registration_number in page  # suggested from the name
    today = date.today().isoformat()
    member = case.members.get()
    steps = [
        ("take", {}),
        ("link", {"member": member.pk, "registration_number": lipa_resident.registration_number}),
        ("counselling", {"held_on": today, "language": "fa", "outcome": "wishes_to_return"}),
        ("consent", {"member": member.pk, "embassy": "AFG", "method": "signed"}),
        ("eligibility", {"decision": "approve"}),
        ("document_request", {"member": member.pk, "kind": "emergency", "embassy": "AFG"}),
    ]
    for action, fields in steps:
        response = _post(client, case, action, **fields)
        assert response.status_code == 302, (action, response.content.decode()[-3000:])
    document = case.travel_documents.get()
    later = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    for action, fields in [
        ("document_issue", {"document": document.pk, "issued_on": today, "number": "x1"}),
        ("fitness", {"fit": "yes", "checked_on": today}),
        ("booking", {"departure_at": later, "itinerary": "SJJ-IST-KBL"}),
        ("depart", {"departed_on": today}),
    ]:
        response = _post(client, case, action, **fields)
        assert response.status_code == 302, (action, response.content.decode()[-3000:])
    case.refresh_from_db()
    assert case.stage == Stage.DEPARTED
    assert case.principal == lipa_resident
    assert case.counsellor == personas["counsellor"]
    status = case_status_public(reference=receipt.reference, pin=receipt.pin)
    assert status is not None and status.stage == Stage.DEPARTED


def test_an_embassy_request_without_consent_is_refused_on_the_page(
    client: Any, personas: dict, linked_case: Case
) -> None:
    from .conftest import walk

    walk(linked_case, Stage.TRAVEL_DOCUMENTS, personas["counsellor"])
    client.force_login(personas["counsellor"])
    member = linked_case.members.get()
    response = _post(
        client, linked_case, "document_request", member=member.pk, kind="passport", embassy="AFG"
    )
    assert response.status_code == 400
    assert "has not consented to sharing their data with the embassy of AFG" in (
        response.content.decode()
    )
    assert not linked_case.travel_documents.exists()


def test_a_move_the_rules_forbid_is_refused_with_a_clear_message(
    client: Any, personas: dict, linked_case: Case
) -> None:
    from .conftest import walk

    walk(linked_case, Stage.TRAVEL_DOCUMENTS, personas["counsellor"])
    client.force_login(personas["counsellor"])
    response = _post(client, linked_case, "advance", to=Stage.MEDICAL)
    assert response.status_code == 400
    assert "once every member" in response.content.decode()
    response = _post(client, linked_case, "advance", to=Stage.DEPARTED)
    assert response.status_code == 400
    linked_case.refresh_from_db()
    assert linked_case.stage == Stage.TRAVEL_DOCUMENTS


def test_an_action_not_offered_at_this_stage_answers_404(
    client: Any, personas: dict, linked_case: Case
) -> None:
    client.force_login(personas["counsellor"])
    assert _post(client, linked_case, "depart", departed_on="2026-01-01").status_code == 404
    assert _post(client, linked_case, "no-such-action").status_code == 404


def test_a_withdrawal_records_the_reason(client: Any, personas: dict, linked_case: Case) -> None:
    client.force_login(personas["counsellor"])
    response = _post(
        client, linked_case, "stop", stage=Stage.WITHDRAWN, reason="asylum", note="Lodged claim"
    )
    assert response.status_code == 302
    linked_case.refresh_from_db()
    assert (linked_case.stage, linked_case.closure_reason) == (Stage.WITHDRAWN, "asylum")
    last = linked_case.stage_changes.last()
    assert last is not None and last.reason == "Applied for asylum in BiH. Lodged claim"
