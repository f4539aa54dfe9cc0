"""Reading lists of registrations writes one audit event per page, with the ids shown."""

import datetime

import pytest

from waypoint.audit.models import Action, AuditEvent
from waypoint.audit.tests.list_reads import assert_names_absent, list_reads_during
from waypoint.people.queries import identification_search
from waypoint.people.services import household_register, person_register
from waypoint.places.models import Site

pytestmark = pytest.mark.django_db

LISTS = [
    ("/people/", "people.person"),
    ("/api/v1/persons/", "people.person"),
]


def register(code, name):
    return person_register(
        actor=None,
        site=Site.objects.get(code=code),
        given_name=name,
        family_name="Zahiri",
        birth_date=datetime.date(1990, 1, 1),
    )


@pytest.mark.parametrize(("url", "object_type"), LISTS)
def test_a_list_of_registrations_records_the_ids_it_showed(client, personas, url, object_type):
    in_lipa = [register("TRC-LIP", name) for name in ("Nasrin", "Parwana")]
    register("TRC-BOR", "Soraya")
    client.force_login(personas["registrar.lipa"])
    response, events = list_reads_during(lambda: client.get(url))
    assert response.status_code == 200
    [event] = events
    assert event.object_type == object_type and event.actor == personas["registrar.lipa"]
    assert sorted(event.object_ids) == sorted(str(person.pk) for person in in_lipa)
    assert event.changed_fields == ["page:1"]
    assert_names_absent(event, ["Nasrin", "Parwana", "Zahiri"])


@pytest.mark.parametrize(("url", "object_type"), LISTS)
def test_a_search_records_that_it_filtered_by_name_but_not_the_name(
    client, personas, url, object_type
):
    found = register("TRC-LIP", "Nasrin")
    register("TRC-LIP", "Parwana")
    client.force_login(personas["registrar.lipa"])
    _response, [event] = list_reads_during(lambda: client.get(url, {"q": "Nasrin"}))
    assert event.object_ids == [str(found.pk)]
    assert event.changed_fields == ["filter:q", "page:1"]
    assert_names_absent(event, ["Nasrin"])


@pytest.mark.parametrize(("url", "object_type"), LISTS)
def test_a_search_that_finds_nobody_still_leaves_a_trace(client, personas, url, object_type):
    client.force_login(personas["registrar.lipa"])
    _response, [event] = list_reads_during(lambda: client.get(url, {"q": "Nobody"}))
    assert event.object_ids == [] and event.changed_fields == ["filter:q", "page:1"]


def test_the_second_page_records_its_own_rows(client, personas):
    people = [register("TRC-LIP", f"Person{index}") for index in range(51)]
    client.force_login(personas["registrar.lipa"])
    _response, [first] = list_reads_during(lambda: client.get("/api/v1/persons/"))
    _response, [second] = list_reads_during(lambda: client.get("/api/v1/persons/?page=2"))
    assert len(first.object_ids) == 50 and len(second.object_ids) == 1
    assert sorted(first.object_ids + second.object_ids) == sorted(str(p.pk) for p in people)
    assert second.changed_fields == ["page:2"]


def test_the_household_list_records_the_households_shown(client, personas):
    mother, child = register("TRC-LIP", "Amina"), register("TRC-LIP", "Bilal")
    household = household_register(actor=None, head=mother, members=[(child, "child")])
    household_register(actor=None, head=register("TRC-BOR", "Omar"))
    client.force_login(personas["registrar.lipa"])
    response, [event] = list_reads_during(lambda: client.get("/api/v1/households/"))
    assert [row["id"] for row in response.json()["results"]] == [household.pk]
    assert event.object_type == "people.household"
    assert event.object_ids == [str(household.pk)]


def test_search_before_register_records_the_registrations_it_suggested(personas):
    found = register("TRC-BOR", "Nasrin")
    hits = identification_search(personas["registrar.lipa"], name="Nasrin Zahiri")
    assert [hit.person_id for hit in hits] == [found.pk]
    event = AuditEvent.objects.filter(action=Action.SEARCH).latest("sequence")
    assert event.object_ids == [str(found.pk)]
    assert_names_absent(event, ["Nasrin", "Zahiri"])
