import datetime

import pytest
from django.http import Http404
from django.urls import reverse

from waypoint.accounts.scoping import scope_for
from waypoint.accounts.services import assignment_add
from waypoint.people.models import Person
from waypoint.people.queries import person_for, persons_visible_to
from waypoint.places.models import Area, Site

pytestmark = pytest.mark.django_db


def register(site_code: str, serial: int) -> Person:
    site = Site.objects.get(code=site_code)
    return Person.objects.create(
        registration_number=f"{site.registration_prefix}-{serial:07d}-0",
        given_name="Test",
        family_name="Person",
        registered_at=site,
        registered_on=datetime.date(2025, 5, 1),
    )


def test_an_officer_in_lipa_gets_404_for_a_person_registered_in_borici(client, personas):
    in_borici = register("TRC-BOR", 1)
    client.force_login(personas["registrar.lipa"])
    response = client.get(reverse("people:person", args=[in_borici.pk]))
    assert response.status_code == 404
    with pytest.raises(Http404):
        person_for(personas["registrar.lipa"], in_borici.pk)


def test_an_officer_in_lipa_sees_a_person_registered_in_lipa(client, personas):
    in_lipa = register("TRC-LIP", 2)
    client.force_login(personas["registrar.lipa"])
    response = client.get(reverse("people:person", args=[in_lipa.pk]))
    assert response.status_code == 200
    assert in_lipa.registration_number in response.content.decode()


def test_a_canton_assignment_reaches_every_centre_in_the_canton_and_no_other(personas):
    officer = personas["caseworker.lipa"]
    assignment_add(
        actor=personas["admin"],
        user=officer,
        role="case_worker",
        area=Area.objects.get(code="BA0101"),
    )
    in_borici, in_usivak = register("TRC-BOR", 3), register("TRC-USI", 4)
    visible = set(persons_visible_to(officer))
    assert in_borici in visible
    assert in_usivak not in visible


def test_a_national_role_sees_every_centre(personas):
    people = [register(code, serial) for serial, code in enumerate(["TRC-LIP", "TRC-USI"], 5)]
    assert set(persons_visible_to(personas["counsellor"])) >= set(people)


@pytest.mark.parametrize("name", ["analyst", "partner", "enumerator"])
def test_aggregate_roles_see_no_personal_records(personas, name):
    register("TRC-LIP", 9)
    assert not persons_visible_to(personas[name]).exists()


def test_a_deactivated_account_has_an_empty_scope(personas):
    officer = personas["registrar.lipa"]
    officer.is_active = False
    assert scope_for(officer).is_empty


def test_a_person_id_beyond_any_integer_is_simply_not_found(client, personas):
    client.force_login(personas["admin"])
    response = client.get(f"/people/{10**30}/")
    assert response.status_code == 404
