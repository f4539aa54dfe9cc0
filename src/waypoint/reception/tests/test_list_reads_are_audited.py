"""Reading lists of residents, stays and services writes one audit event per page with the
ids shown, never a name or the search text."""

from datetime import timedelta

import pytest
from django.utils import timezone

from waypoint.audit.tests.list_reads import assert_names_absent, list_reads_during
from waypoint.reception.models import ServiceKind
from waypoint.reception.services import service_record, stay_admit

pytestmark = pytest.mark.django_db


@pytest.fixture
def stays(admin, registrar, lipa, borici, register):
    """Two residents of Lipa (one unseen for 50 hours) and one at Borići."""
    gone_quiet = stay_admit(
        actor=registrar,
        person=register(family_name="Nasrin"),
        site=lipa,
        at=timezone.now() - timedelta(hours=50),
    )
    here = stay_admit(actor=registrar, person=register(family_name="Parwana"), site=lipa)
    stay_admit(actor=admin, person=register("TRC-BOR", family_name="Soraya"), site=borici)
    return {"absent": gone_quiet, "present": here}


def _ids(*rows):
    return sorted(str(row.pk) for row in rows)


@pytest.mark.parametrize(
    ("url", "object_type", "shown"),
    [
        ("/reception/TRC-LIP/residents/", "reception.stay", ("absent", "present")),
        ("/reception/TRC-LIP/roll-call/", "reception.stay", ("absent", "present")),
        ("/reception/TRC-LIP/absences/", "reception.stay", ("absent",)),
        ("/api/v1/stays/", "reception.stay", ("absent", "present")),
    ],
)
def test_a_list_of_stays_records_the_ids_it_showed(
    client, personas, stays, url, object_type, shown
):
    client.force_login(personas["manager.lipa"])
    response, [event] = list_reads_during(lambda: client.get(url))
    assert response.status_code == 200
    assert event.object_type == object_type and event.actor == personas["manager.lipa"]
    assert sorted(event.object_ids) == _ids(*(stays[key] for key in shown))
    assert_names_absent(event, ["Nasrin", "Parwana", "Person"])


def test_searching_residents_records_the_filter_name_but_not_the_text(client, personas, stays):
    client.force_login(personas["manager.lipa"])
    url = "/reception/TRC-LIP/residents/"
    _response, [event] = list_reads_during(lambda: client.get(url, {"q": "Parwana"}))
    assert event.object_ids == [str(stays["present"].pk)]
    assert event.changed_fields == ["filter:q", "page:1"]
    assert_names_absent(event, ["Parwana"])


def test_the_stays_api_records_its_filters_by_name(client, personas, stays):
    client.force_login(personas["manager.lipa"])
    _response, [event] = list_reads_during(
        lambda: client.get("/api/v1/stays/", {"site": "TRC-LIP", "open": "true"})
    )
    assert event.changed_fields == ["filter:open", "filter:site", "page:1"]


def test_the_admission_search_records_the_registrations_it_found(client, personas, register, stays):
    waiting = register(family_name="Zarina")
    client.force_login(personas["manager.lipa"])
    url = "/reception/TRC-LIP/admit/"
    _response, none_yet = list_reads_during(lambda: client.get(url))
    assert none_yet == []  # no search, nobody listed
    response, [event] = list_reads_during(lambda: client.get(url, {"q": "Zarina"}))
    assert response.status_code == 200
    assert event.object_type == "people.person" and event.object_ids == [str(waiting.pk)]
    assert_names_absent(event, ["Zarina"])


@pytest.mark.parametrize("url", ["/reception/TRC-LIP/services/", "/api/v1/services/"])
def test_the_services_recorded_list_records_the_deliveries_shown(
    client, personas, lipa, stays, url
):
    delivery = service_record(
        actor=personas["manager.lipa"],
        site=lipa,
        kind=ServiceKind.MEALS,
        delivered_on=timezone.localdate(),
        person=stays["present"].person,
    )
    client.force_login(personas["manager.lipa"])
    response, [event] = list_reads_during(lambda: client.get(url))
    assert response.status_code == 200
    assert event.object_type == "reception.servicedelivery"
    assert event.object_ids == [str(delivery.pk)]


def test_an_empty_list_writes_its_event_with_no_ids(client, personas, lipa):
    client.force_login(personas["manager.lipa"])
    _response, [event] = list_reads_during(
        lambda: client.get("/reception/TRC-LIP/residents/", {"q": "nobody"})
    )
    assert event.object_ids == [] and event.changed_fields == ["filter:q", "page:1"]
