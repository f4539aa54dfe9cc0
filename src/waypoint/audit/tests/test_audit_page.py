import pytest
from django.urls import reverse

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(personas):
    audit_record(
        actor=personas["registrar.lipa"],
        action=Action.VIEW,
        object_type="people.person",
        object_id="11",
        person_id=11,
    )
    audit_record(
        actor=personas["caseworker.lipa"],
        action=Action.EXPORT,
        object_type="people.person",
        object_id="12",
        person_id=12,
    )


def listed(response):
    return [(event.actor_label, event.action) for event in response.context["page"]]


def test_an_administrator_filters_the_trail_by_person(client, personas, events):
    client.force_login(personas["admin"])
    rows = listed(client.get(reverse("audit:events"), {"person": 11}))
    assert rows == [("registrar.lipa@waypoint.test", "view")]


def test_an_administrator_filters_the_trail_by_user_and_action(client, personas, events):
    client.force_login(personas["admin"])
    assert listed(client.get(reverse("audit:events"), {"user": "caseworker"})) == [
        ("caseworker.lipa@waypoint.test", "export")
    ]
    assert ("caseworker.lipa@waypoint.test", "export") in listed(
        client.get(reverse("audit:events"), {"action": "export"})
    )
    assert not [
        row
        for row in listed(client.get(reverse("audit:events"), {"action": "export"}))
        if row[1] != "export"
    ]


def test_a_date_range_after_today_lists_nothing(client, personas, events):
    client.force_login(personas["admin"])
    response = client.get(reverse("audit:events"), {"date_from": "2999-01-01"})
    assert listed(response) == []


def test_a_reversed_date_range_is_a_clear_400(client, personas, events):
    client.force_login(personas["admin"])
    response = client.get(
        reverse("audit:events"), {"date_from": "2025-02-01", "date_to": "2025-01-01"}
    )
    assert response.status_code == 400
    assert "start date is after the end date" in response.content.decode()


@pytest.mark.parametrize("name", ["registrar.lipa", "analyst", "partner"])
def test_other_roles_may_not_read_the_trail(client, personas, name):
    client.force_login(personas[name])
    assert client.get(reverse("audit:events")).status_code == 403
