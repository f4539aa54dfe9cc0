"""The people search lists the registrations holding the typed name as written before
those that only sound alike, whatever their family names sort as."""

import datetime

from waypoint.people.queries import persons_search, search_order
from waypoint.people.services import person_register
from waypoint.places.models import Site


def _registered(given_name: str, family_name: str, **details):  # type: ignore[no-untyped-def]
    return person_register(
        actor=None,
        site=Site.objects.get(code="TRC-USI"),
        given_name=given_name,
        family_name=family_name,
        sex="M",
        birth_date=datetime.date(1990, 5, 5),
        nationality="AFG",
        registered_on=datetime.date(2024, 3, 2),
        **details,
    )


def test_a_family_name_search_lists_its_holders_first(personas):
    alike = [_registered("Rahim", "Akbari"), _registered("Rahima", "Azizi")]
    rahimis = [_registered("Farid", "Rahimi"), _registered("Zahra", "Rahimi")]
    found = list(persons_search(personas["admin"], "Rahimi"))
    assert found[:2] == sorted(rahimis, key=lambda person: -person.pk)
    assert set(found[2:]) == set(alike)  # same key (rhm), another name


def test_a_full_name_lists_the_person_above_namesakes(personas):
    _registered("Farid", "Karimi")
    _registered("Ahmad", "Rahimi")
    farid = _registered("Farid", "Rahimi")
    assert persons_search(personas["admin"], "Farid Rahimi").first() == farid
    assert persons_search(personas["admin"], "rahimi farid").first() == farid


def test_the_registration_number_comes_first(personas):
    farid = _registered("Farid", "Rahimi")
    found = list(persons_search(personas["admin"], farid.registration_number.lower()))
    assert found == [farid]


def test_the_order_without_the_database():
    rows = [
        (1, "USI-1", "Rahim", "Akbari", "", ""),
        (2, "USI-2", "Farid", "Rahimi", "", ""),
        (3, "USI-3", "Farid", "Rehimi", "", ""),
    ]
    # 3 sounds alike and matched more keys; the name as written still comes first
    matched = {1: 1, 2: 1, 3: 2}
    assert search_order("Rahimi", matched, rows) == [2, 3, 1]
    assert search_order("USI-3", {}, rows[2:3]) == [3]
