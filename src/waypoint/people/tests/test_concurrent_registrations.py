"""Officers registering at the same moment each get their own registration number: on
PostgreSQL four concurrent writers used to collide on the number and one got a server error
(found by benchmarks/crash_durability.py and benchmarks/load.py)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from waypoint.people.models import Person
from waypoint.people.services import person_register
from waypoint.places.models import Site

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises write transactions itself; the test database is in memory",
    ),
]


def test_concurrent_registrations_get_distinct_numbers_and_none_fails(places):
    site = Site.objects.get(code="TRC-LIP")
    failures: list[BaseException] = []
    start = threading.Barrier(4)

    def officer(number: int) -> None:
        try:
            start.wait()
            for each in range(6):
                person_register(
                    actor=None, site=site, given_name=f"Writer{number}", family_name=f"N{each}"
                )
        except BaseException as error:
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=officer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    numbers = list(Person.objects.values_list("registration_number", flat=True))
    assert len(numbers) == 24 and len(set(numbers)) == 24
