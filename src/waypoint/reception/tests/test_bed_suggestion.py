from datetime import date

import pytest
from django.utils import timezone

from waypoint.people.services import household_register
from waypoint.reception.models import UnitProfile
from waypoint.reception.services import bed_suggest, fitting_profiles, stay_admit

pytestmark = pytest.mark.django_db


def _years_ago(years: int) -> date:
    today = timezone.localdate()
    return today.replace(year=today.year - years, day=1)


def test_a_single_adult_man_fits_a_single_mens_unit_first():
    assert fitting_profiles(sex="M", age=30, unaccompanied=False, with_family=False) == [
        UnitProfile.SINGLE_MEN,
        UnitProfile.MIXED,
    ]


def test_an_unaccompanied_child_fits_only_a_unit_for_children():
    assert fitting_profiles(sex="M", age=15, unaccompanied=True, with_family=False) == [
        UnitProfile.UNACCOMPANIED_CHILDREN
    ]


def test_a_family_fits_a_family_unit_first():
    assert fitting_profiles(sex="M", age=40, unaccompanied=False, with_family=True)[0] == (
        UnitProfile.FAMILIES
    )


def test_a_single_woman_is_not_put_among_single_men():
    assert UnitProfile.SINGLE_MEN not in fitting_profiles(
        sex="F", age=30, unaccompanied=False, with_family=False
    )


def test_the_suggestion_for_a_single_man_is_a_free_bed_in_a_single_mens_unit(
    registrar, lipa, beds, register
):
    stay_admit(actor=registrar, person=register(), site=lipa, bed=beds["A1"])
    suggested = bed_suggest(site=lipa, person=register())
    assert suggested is not None
    assert suggested.unit.profile == UnitProfile.SINGLE_MEN
    assert suggested != beds["A1"]


def test_the_suggestion_for_an_unaccompanied_child_is_in_the_childrens_unit(
    admin, lipa, beds, register
):
    child = register(birth_date=_years_ago(15))
    household_register(actor=admin, head=child)
    child.refresh_from_db()
    assert child.unaccompanied
    assert bed_suggest(site=lipa, person=child).unit.profile == (UnitProfile.UNACCOMPANIED_CHILDREN)


def test_a_family_member_is_suggested_a_bed_where_the_family_sleeps(
    admin, registrar, lipa, beds, register
):
    mother = register(sex="F", birth_date=_years_ago(35))
    child = register(sex="F", birth_date=_years_ago(6))
    household_register(actor=admin, head=mother, members=[(child, "child")])
    stay_admit(actor=registrar, person=mother, site=lipa, bed=beds["F2"])
    assert bed_suggest(site=lipa, person=child).unit == beds["F2"].unit


def test_no_bed_is_suggested_when_every_fitting_bed_is_taken(registrar, lipa, beds, register):
    for label in ("A1", "A2", "A3"):
        stay_admit(actor=registrar, person=register(), site=lipa, bed=beds[label])
    assert bed_suggest(site=lipa, person=register()) is None
