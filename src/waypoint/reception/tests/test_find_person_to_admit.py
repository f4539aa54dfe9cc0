import pytest
from django.http import Http404

from waypoint.people.services import person_register
from waypoint.reception.queries import person_to_admit, persons_to_admit
from waypoint.reception.services import stay_admit

pytestmark = pytest.mark.django_db


def test_a_name_finds_registrations_in_scope_only(registrar, lipa, register):
    here = register("TRC-LIP", family_name="Rahimi")
    register("TRC-BOR", family_name="Rahimi")
    assert [person.pk for person in persons_to_admit(registrar, lipa, search="rahimi")] == [here.pk]


def test_an_exact_number_finds_a_registration_in_scope_only(registrar, lipa, register):
    here = register("TRC-LIP")
    elsewhere = register("TRC-USI")
    found = persons_to_admit(registrar, lipa, search=here.registration_number.lower())
    assert [person.pk for person in found] == [here.pk]
    assert persons_to_admit(registrar, lipa, search=elsewhere.registration_number) == []
    # Out of scope and non-existent give the same answer: nothing tells which numbers exist.
    with pytest.raises(Http404) as out_of_scope:
        person_to_admit(registrar, lipa, elsewhere.registration_number)
    with pytest.raises(Http404) as missing:
        person_to_admit(registrar, lipa, "LIP-9999999-9")
    assert str(out_of_scope.value) == str(missing.value)


def test_a_full_name_finds_the_person(registrar, lipa, register):
    person = register("TRC-LIP", family_name="Rahimi")
    found = persons_to_admit(registrar, lipa, search=f"{person.given_name} Rahimi")
    assert [found_person.pk for found_person in found] == [person.pk]


def test_a_person_staying_at_a_centre_out_of_scope_is_shown_without_its_name(
    admin, registrar, lipa, borici, register
):
    person = register("TRC-LIP")
    stay_admit(actor=admin, person=person, site=borici)
    found = persons_to_admit(registrar, lipa, search=person.registration_number)
    assert found[0].open_stay_site is None
    assert persons_to_admit(admin, lipa, search=person.registration_number)[0].open_stay_site == (
        "Borići"
    )


def test_someone_who_may_not_admit_finds_nobody(personas, lipa, register):
    person = register()
    with pytest.raises(Http404):
        persons_to_admit(personas["caseworker.lipa"], lipa, search=person.registration_number)


def test_the_admit_search_is_the_one_people_search_any_script_or_spelling(admin, registrar, lipa):
    # Issue 16: right after registering Farid Rahimi, "Farid Rahimi" found nobody.
    person = person_register(
        actor=admin,
        site=lipa,
        given_name="Farid",
        family_name="Rahimi",
        given_name_original="فرید",
        sex="M",
    )
    for typed in ("Farid Rahimi", "Rahimi Farid", "Fareed Rahimy", "فرید", "farid  RAHIMI"):
        found = persons_to_admit(registrar, lipa, search=typed)
        assert person.pk in [found_person.pk for found_person in found], typed
