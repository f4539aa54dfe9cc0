import datetime

import pytest
from django.urls import reverse

from waypoint.audit.models import Action, AuditEvent
from waypoint.people.queries import identification_search
from waypoint.people.services import document_add, person_register
from waypoint.places.models import Site

pytestmark = pytest.mark.django_db


def _in_usivak(given_name: str, family_name: str, born: datetime.date, **details):  # type: ignore[no-untyped-def]
    return person_register(
        actor=None,
        site=Site.objects.get(code="TRC-USI"),
        given_name=given_name,
        family_name=family_name,
        sex="M",
        birth_date=born,
        nationality="AFG",
        registered_on=datetime.date(2024, 3, 2),
        **details,
    )


@pytest.fixture
def earlier_in_usivak(places):
    return _in_usivak("Muhammad", "Rahimi", datetime.date(1995, 1, 1), father_name="Abdul Rahman")


def test_an_arabic_script_spelling_finds_the_earlier_latin_registration(
    personas, earlier_in_usivak
):
    hits = identification_search(personas["registrar.lipa"], name="محمد رحیمی")
    assert [hit.registration_number for hit in hits] == [earlier_in_usivak.registration_number]
    assert hits[0].last_seen_at == "Ušivak"
    assert hits[0].in_scope is False  # identity fields only; the record stays in Ušivak


@pytest.mark.parametrize("typed", ["Mohammed Rahimi", "Rahimi Mohamad", "MUHAMAD RAHIMY"])
def test_other_romanisations_and_swapped_names_find_it(personas, earlier_in_usivak, typed):
    hits = identification_search(personas["registrar.lipa"], name=typed)
    assert hits and hits[0].person_id == earlier_in_usivak.pk


@pytest.mark.parametrize("typed", ["Abdul Rahman Karimi", "عبد الرحمن کریمی", "Abdurrahman Karimi"])
def test_a_name_written_in_two_words_finds_the_one_word_registration(personas, places, typed):
    earlier = _in_usivak("Abdulrahman", "Karimi", datetime.date(1990, 1, 1))
    hits = identification_search(personas["registrar.lipa"], name=typed)
    assert [hit.person_id for hit in hits] == [earlier.pk]


def test_a_document_or_registration_number_finds_it(personas, earlier_in_usivak):
    document_add(actor=None, person=earlier_in_usivak, kind="passport", number="p1234567")
    officer = personas["registrar.lipa"]
    assert identification_search(officer, number="P1234567")[0].person_id == earlier_in_usivak.pk
    found = identification_search(officer, number=earlier_in_usivak.registration_number)
    assert found[0].person_id == earlier_in_usivak.pk


def test_each_search_is_audited_without_its_terms(personas, earlier_in_usivak):
    identification_search(personas["registrar.lipa"], name="Mohammed Rahimi")
    event = AuditEvent.objects.filter(action=Action.SEARCH).latest("sequence")
    assert event.actor == personas["registrar.lipa"]
    assert "Rahimi" not in event.canonical()


@pytest.mark.parametrize("name", ["caseworker.lipa", "protection.borici", "analyst"])
def test_only_registration_roles_search_nationally(personas, earlier_in_usivak, name):
    assert identification_search(personas[name], name="Mohammed Rahimi") == []


def test_the_record_itself_stays_out_of_reach_of_another_centre(
    client, personas, earlier_in_usivak
):
    client.force_login(personas["registrar.lipa"])
    response = client.get(reverse("people:person", args=[earlier_in_usivak.pk]))
    assert response.status_code == 404


def test_the_registration_form_shows_matches_as_the_officer_types(
    client, personas, earlier_in_usivak
):
    client.force_login(personas["registrar.lipa"])
    response = client.get(
        reverse("people:identify"),
        {"given_name_original": "محمد", "family_name": "Rahimi"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert earlier_in_usivak.registration_number in response.content.decode()
    assert "Ušivak" in response.content.decode()
