"""Search before register is more than advice: a likely match stops the registration until
the officer opens it or says why this is someone else (issue 16: "Mohamad Habibi,
1996-01-01, AFG" was saved as new beside "Mohammad Habibi, 01.01.1996, AFG, 41% likely")."""

import datetime
import re

import pytest
from django.urls import reverse

from waypoint.audit.models import AuditEvent
from waypoint.people import queries
from waypoint.people.models import Person
from waypoint.people.services import person_register
from waypoint.people.tests.test_register_person import form
from waypoint.places.models import Site

pytestmark = pytest.mark.django_db

BORN = datetime.date(1996, 1, 1)


@pytest.fixture
def earlier(personas):
    return person_register(
        actor=personas["registrar.usivak"],
        site=Site.objects.get(code="TRC-USI"),
        given_name="Mohammad",
        family_name="Habibi",
        given_name_original="محمد",
        family_name_original="حبیبی",
        sex="M",
        birth_date=BORN,
        nationality="AFG",
    )


def habibi(**changes):
    typed = {
        "given_name": "Mohamad",
        "family_name": "Habibi",
        "given_name_original": "",
        "family_name_original": "",
        "birth_date": "01.01.1996",
        "nationality": "Afghanistan",
    }
    return form(**{**typed, **changes})


def test_the_same_name_date_and_nationality_stops_the_registration(client, personas, earlier):
    client.force_login(personas["registrar.lipa"])
    answer = client.post(reverse("people:register"), habibi())
    assert answer.status_code == 409
    page = answer.content.decode()
    assert "This person may already be registered" in page
    assert earlier.registration_number in page
    assert re.search(r"(99|100)% likely the same person", page)
    assert "Male · 01.01.1996 · Afghanistan" in page
    assert Person.objects.count() == 1


def test_the_same_person_typed_in_arabic_script_is_stopped_too(client, personas, earlier):
    client.force_login(personas["registrar.lipa"])
    typed = habibi(given_name="", family_name="")
    typed.update(given_name_original="محمد", family_name_original="حبیبی")
    assert client.post(reverse("people:register"), typed).status_code == 409
    assert Person.objects.count() == 1


def test_a_different_person_needs_a_reason_and_the_reason_is_audited(client, personas, earlier):
    client.force_login(personas["registrar.lipa"])
    no_reason = client.post(reverse("people:register"), habibi(different_person="yes"))
    assert no_reason.status_code == 400
    assert "Say why this is a different person." in no_reason.content.decode()
    assert Person.objects.count() == 1

    answer = client.post(
        reverse("people:register"),
        habibi(different_person="yes", different_reason="Another father: Karim, not Ahmad."),
    )
    assert answer.status_code == 302
    newcomer = Person.objects.exclude(pk=earlier.pk).get()
    event = AuditEvent.objects.get(
        person_id=newcomer.pk, purpose__startswith="registered as a different person"
    )
    assert event.purpose.endswith("Another father: Karim, not Ahmad.")
    assert [int(i) for i in event.object_ids] == [earlier.pk]


def test_a_real_newcomer_registers_at_once(client, personas, earlier):
    client.force_login(personas["registrar.lipa"])
    answer = client.post(
        reverse("people:register"),
        habibi(given_name="Farid", family_name="Rahimi", birth_date="14.03.1990"),
    )
    assert answer.status_code == 302
    assert Person.objects.count() == 2


def test_unrelated_people_are_never_shown_as_zero_percent_likely(personas, earlier):
    hits = queries.identification_search(
        personas["registrar.lipa"], name="Zarina Qasimova", birth_date=datetime.date(2001, 5, 5)
    )
    assert all(hit.likelihood_percent != 0 for hit in hits)
