"""A page of a list of personal data writes one event with the ids shown, never values."""

import pytest
from django.db import connection
from django.urls import reverse

from waypoint.audit.models import Action, AuditEvent
from waypoint.audit.services import audit_chain_verify, audit_list_read, audit_record

pytestmark = pytest.mark.django_db


def test_a_page_writes_one_event_with_the_ids_in_the_order_shown(personas):
    event = audit_list_read(
        actor=personas["registrar.lipa"],
        object_type="people.person",
        ids=[12, 3, 7],
        purpose="people list",
        page=2,
    )
    assert AuditEvent.objects.filter(action=Action.READ_LIST).get() == event
    assert event.action == Action.READ_LIST and event.object_type == "people.person"
    assert event.object_ids == ["12", "3", "7"]
    assert event.changed_fields == ["page:2"]
    assert event.person_id is None and event.object_id == ""


def test_the_filters_are_recorded_by_name_and_never_by_value(personas):
    event = audit_list_read(
        actor=personas["registrar.lipa"],
        object_type="people.person",
        ids=[1],
        purpose="people list",
        query={"q": "Ahmad Karimi", "stage": "", "open": False, "site": None},
    )
    assert event.changed_fields == ["filter:open", "filter:q"]
    assert "Ahmad" not in event.canonical()


def test_an_empty_page_writes_its_event_with_no_ids(personas):
    event = audit_list_read(
        actor=personas["registrar.lipa"],
        object_type="people.person",
        ids=[],
        purpose="people list",
        query={"q": "nobody"},
    )
    assert event.object_ids == [] and event.changed_fields == ["filter:q"]
    assert audit_chain_verify().intact


def test_events_without_ids_hash_as_they_did_before_the_ids_were_kept():
    event = audit_record(actor=None, action=Action.VIEW, object_type="people.person")
    assert "object_ids" not in event.canonical()


def test_verify_finds_an_id_removed_from_a_list_event(personas):
    event = audit_list_read(
        actor=personas["admin"], object_type="people.person", ids=[5, 6], purpose="people list"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE audit_auditevent SET object_ids = %s WHERE id = %s", ['["5"]', event.pk]
        )
    report = audit_chain_verify()
    assert report.broken_at == event.sequence


def test_the_trail_of_a_person_includes_the_lists_that_showed_them(client, personas):
    audit_list_read(
        actor=personas["registrar.lipa"],
        object_type="people.person",
        ids=[11, 110],
        purpose="people list",
    )
    audit_list_read(
        actor=personas["caseworker.lipa"],
        object_type="people.person",
        ids=[111],
        purpose="people list",
    )
    audit_list_read(
        actor=personas["caseworker.lipa"],
        object_type="reception.stay",
        ids=[11],
        purpose="residents",
    )
    client.force_login(personas["admin"])
    response = client.get(reverse("audit:events"), {"person": 11})
    shown = [(event.actor_label, event.object_type) for event in response.context["page"]]
    assert shown == [("registrar.lipa@waypoint.test", "people.person")]
    assert "11, 110" in response.content.decode()
