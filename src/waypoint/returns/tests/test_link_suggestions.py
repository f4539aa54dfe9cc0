from __future__ import annotations

from typing import Any

import pytest

from waypoint.people.models import Person
from waypoint.returns.models import Case
from waypoint.returns.queries import link_suggestions
from waypoint.returns.services import application_submit, member_link

from .conftest import application, resident

pytestmark = pytest.mark.django_db


def test_unlinked_members_get_registrations_with_their_names_suggested(
    personas: dict, lipa_resident: Person, site: Any
) -> None:
    other = resident(personas["registrar.lipa"], site("TRC-LIP"), "Maryam", birth_date=None)
    case = Case.objects.get(reference=application_submit(application=application()).reference)
    suggestions = link_suggestions(personas["counsellor"], case)
    by_member = {(s.member_id, s.person_id) for s in suggestions}
    principal = case.members.get(is_principal=True)
    spouse = case.members.get(name="Maryam Ahmadi")
    assert (principal.pk, lipa_resident.pk) in by_member
    assert (spouse.pk, other.pk) in by_member


def test_linked_members_get_no_more_suggestions(personas: dict, lipa_resident: Person) -> None:
    case = Case.objects.get(
        reference=application_submit(application=application(family_members=())).reference
    )
    member_link(actor=personas["counsellor"], member=case.members.get(), person=lipa_resident)
    case.refresh_from_db()
    assert link_suggestions(personas["counsellor"], case) == []
    assert case.principal == lipa_resident
    assert case.site == lipa_resident.last_seen_at
