"""Correcting a registration records which fields changed, never their values, and whether
the person asked for the correction."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from waypoint.audit.models import Action, AuditEvent
from waypoint.people.models import Person
from waypoint.people.queries import persons_search
from waypoint.privacy.services import RECTIFICATION, person_rectify
from waypoint.privacy.tests.conftest import register


@pytest.fixture
def misspelt(admin, lipa):
    return register(
        admin,
        lipa,
        "Mohamad",
        date(2026, 5, 4),
        family_name="Rezaie",
        sex="M",
        birth_date=date(1990, 1, 1),
    )


def last_update(person: Person) -> AuditEvent:
    return AuditEvent.objects.filter(person_id=person.pk, action=Action.UPDATE).order_by(
        "-sequence"
    )[0]


def test_a_correction_the_person_asked_for_is_audited_as_rectification(personas, misspelt):
    person_rectify(
        actor=personas["registrar.lipa"],
        person=misspelt,
        requested_by_person=True,
        family_name="Rezaei",
    )
    event = last_update(misspelt)
    assert event.changed_fields == ["family_name"]
    assert event.purpose == RECTIFICATION
    assert "Rezaei" not in str(event.changed_fields) + event.purpose
    # The search keys follow the corrected name.
    assert persons_search(personas["admin"], "Rezaei").filter(pk=misspelt.pk).exists()


def test_a_role_that_does_not_edit_registrations_may_not_rectify(personas, misspelt):
    with pytest.raises(PermissionDenied):
        person_rectify(
            actor=personas["caseworker.lipa"],
            person=misspelt,
            requested_by_person=True,
            family_name="Rezaei",
        )


def test_the_rectification_page_saves_only_what_changed(client, personas, misspelt):
    client.force_login(personas["registrar.lipa"])
    url = reverse("privacy:rectify", args=[misspelt.pk])
    assert client.get(url).status_code == 200
    form = {
        "given_name": "Mohammad",
        "family_name": "Rezaie",
        "sex": "M",
        "birth_date": "1990-01-01",
        "birth_date_precision": "exact",
        "nationality": "",
        "requested_by_person": "on",
    }
    answer = client.post(url, form)
    assert answer.status_code == 302, answer.content.decode()[:2000]
    assert Person.objects.get(pk=misspelt.pk).given_name == "Mohammad"
    event = last_update(misspelt)
    assert (event.changed_fields, event.purpose) == (["given_name"], RECTIFICATION)


def test_the_rectification_page_is_not_found_out_of_scope(client, personas, misspelt):
    client.force_login(personas["registrar.usivak"])
    assert client.get(reverse("privacy:rectify", args=[misspelt.pk])).status_code == 404
