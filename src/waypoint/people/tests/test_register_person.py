import datetime

import pytest
from django.urls import reverse

from waypoint.audit.models import Action, AuditEvent
from waypoint.people.identifiers import is_valid_registration_number
from waypoint.people.models import Person

pytestmark = pytest.mark.django_db


def form(**overrides):
    data = {
        "site": "TRC-LIP",
        "given_name": "",
        "given_name_original": "محمد",
        "family_name_original": "رحیمی",
        "sex": "M",
        "birth_date": "01.01.1995",
        "birth_date_precision": "year",
        "nationality": "afg",
        "languages": "ps, fa",
    }
    data.update(overrides)
    return data


def test_an_officer_registers_a_person_typed_in_arabic_script(client, personas):
    client.force_login(personas["registrar.lipa"])
    response = client.post(reverse("people:register"), form())
    assert response.status_code == 302
    person = Person.objects.get(given_name_original="محمد")
    assert person.given_name == "Mhmd"  # suggested from the script, editable later
    assert person.family_name == "Rhimi"
    assert person.nationality == "AFG" and person.languages == ["ps", "fa"]
    assert person.birth_date == datetime.date(1995, 1, 1)
    assert is_valid_registration_number(person.registration_number)
    assert person.registration_number.startswith("LIP-")
    assert person.last_seen_at.code == "TRC-LIP"
    event = AuditEvent.objects.get(action=Action.CREATE, person_id=person.pk)
    assert "nationality" in event.changed_fields and "محمد" not in event.canonical()


def test_a_missing_name_and_a_bad_code_are_named_field_by_field(client, personas):
    client.force_login(personas["registrar.lipa"])
    response = client.post(
        reverse("people:register"), form(given_name_original="", nationality="Afghan")
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "given_name" in errors and "nationality" in errors
    assert not Person.objects.exists()


def test_an_officer_cannot_register_at_a_centre_outside_their_scope(client, personas):
    client.force_login(personas["registrar.lipa"])
    response = client.post(reverse("people:register"), form(site="TRC-BOR"))
    assert response.status_code == 400
    assert "site" in response.context["form"].errors


@pytest.mark.parametrize("name", ["caseworker.lipa", "analyst", "partner"])
def test_roles_that_do_not_register_are_refused(client, personas, name):
    client.force_login(personas[name])
    assert client.post(reverse("people:register"), form()).status_code == 403


def test_registration_numbers_are_unique_across_centres(personas):
    from waypoint.people.services import person_register
    from waypoint.places.models import Site

    numbers = {
        person_register(actor=None, site=Site.objects.get(code=code), given_name="A").serial
        for code in ["TRC-LIP", "TRC-USI", "TRC-LIP"]
    }
    assert len(numbers) == 3
