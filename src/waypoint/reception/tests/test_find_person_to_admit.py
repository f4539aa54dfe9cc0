import pytest
from django.http import Http404

from waypoint.reception.queries import person_to_admit, persons_to_admit
from waypoint.reception.services import stay_admit

pytestmark = pytest.mark.django_db


def test_a_name_finds_registrations_in_scope_only(registrar, lipa, register):
    here = register("TRC-LIP", family_name="Rahimi")
    register("TRC-BOR", family_name="Rahimi")
    assert [person.pk for person in persons_to_admit(registrar, lipa, search="rahimi")] == [here.pk]


def test_an_exact_number_finds_a_registration_anywhere(registrar, lipa, register):
    elsewhere = register("TRC-USI")
    found = persons_to_admit(registrar, lipa, search=elsewhere.registration_number.lower())
    assert [person.pk for person in found] == [elsewhere.pk]
    assert person_to_admit(registrar, lipa, elsewhere.registration_number) == elsewhere


def test_a_person_staying_elsewhere_is_shown_with_that_centre(
    admin, registrar, lipa, borici, register
):
    person = register("TRC-BOR")
    stay_admit(actor=admin, person=person, site=borici)
    found = persons_to_admit(registrar, lipa, search=person.registration_number)
    assert found[0].open_stay_site == "Borići"


def test_someone_who_may_not_admit_finds_nobody(personas, lipa, register):
    person = register()
    with pytest.raises(Http404):
        persons_to_admit(personas["caseworker.lipa"], lipa, search=person.registration_number)
