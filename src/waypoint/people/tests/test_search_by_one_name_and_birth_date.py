"""Search before register reaches an earlier registration through each typed name with the
date of birth, so one name left out, misspelt or written another way does not hide it."""

import datetime
import random

import pytest

from waypoint.people import queries
from waypoint.people.models import NameKey
from waypoint.people.names import best_by_identity, identity_score, person_name_keys
from waypoint.people.queries import birth_date_variants, identification_search
from waypoint.people.services import person_register, person_update
from waypoint.places.models import Site

BORN = datetime.date(1995, 3, 7)


def _registered(given_name: str, family_name: str, born: datetime.date, **details):  # type: ignore[no-untyped-def]
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


class _Holder:
    def __init__(self, born: datetime.date | None) -> None:
        self.given_name, self.family_name, self.birth_date = "Muhammad", "Rahimi", born


def test_each_name_is_keyed_with_the_birth_year_and_date():
    keys = person_name_keys(_Holder(BORN))
    assert {"mhmd@1995", "mhmd@1995-03-07", "rhm@1995", "rhm@1995-03-07"} <= keys
    assert "mhmd+rhm" in keys and "mhmd" in keys


def test_a_01_01_placeholder_keys_only_the_year():
    keys = person_name_keys(_Holder(datetime.date(1995, 1, 1)))
    assert "mhmd@1995" in keys
    assert not any(key.endswith("-01-01") for key in keys)
    assert not any("@" in key for key in person_name_keys(_Holder(None)))


def test_the_dates_a_second_registration_may_carry():
    years, days = birth_date_variants(BORN)
    assert years == [1994, 1995, 1996]
    assert days == [
        BORN,
        datetime.date(1995, 7, 3),  # day and month swapped
        datetime.date(1994, 3, 7),  # a year off
        datetime.date(1996, 3, 7),
    ]
    # no 29 February in 1999 or 2001, no 29th month; a placeholder gives only the years
    assert birth_date_variants(datetime.date(2000, 2, 29))[1] == [datetime.date(2000, 2, 29)]
    assert birth_date_variants(datetime.date(2000, 1, 1)) == ([1999, 2000, 2001], [])


@pytest.mark.django_db
def test_a_misspelt_family_name_with_the_date_of_birth_finds_it(personas, places):
    earlier = _registered("Muhammad", "Rahimi", BORN)
    officer = personas["registrar.lipa"]
    # "Rahini": another consonant, so the pair of names shares no key with the earlier one
    assert identification_search(officer, name="Mohammed Rahini") == []
    hits = identification_search(officer, name="Mohammed Rahini", birth_date=BORN)
    assert hits and hits[0].person_id == earlier.pk


@pytest.mark.django_db
def test_a_year_off_or_day_and_month_swapped_still_finds_it(personas, places):
    earlier = _registered("Muhammad", "Rahimi", BORN)
    officer = personas["registrar.lipa"]
    for typed in (datetime.date(1996, 3, 7), datetime.date(1995, 7, 3), datetime.date(1995, 1, 1)):
        hits = identification_search(officer, name="Mohammed Rahini", birth_date=typed)
        assert hits and hits[0].person_id == earlier.pk, typed


@pytest.mark.django_db
def test_one_name_and_the_date_find_it_among_many_holders_of_the_name(
    personas, places, monkeypatch
):
    earlier = _registered("Muhammad", "Rahimi", BORN)
    for day in range(1, 9):  # newer holders of the name, born on other days
        _registered("Muhammad", f"Karimi{'y' * day}", datetime.date(1990, 5, day))
    # Fewer candidates than holders, as for a common name among a million records.
    monkeypatch.setattr(queries, "CANDIDATE_LIMIT", 4)
    hits = identification_search(personas["registrar.lipa"], name="Mohammed", birth_date=BORN)
    assert hits[0].person_id == earlier.pk


@pytest.mark.django_db
def test_changing_the_date_of_birth_rekeys_the_registration(places):
    person = _registered("Muhammad", "Rahimi", BORN)
    person_update(actor=None, person=person, birth_date=datetime.date(1993, 6, 2))
    keys = set(NameKey.objects.filter(person=person).values_list("key", flat=True))
    assert "mhmd@1993-06-02" in keys
    assert not any("1995" in key for key in keys)


@pytest.mark.django_db
@pytest.mark.parametrize("born", [None, datetime.date(1983, 9, 25)])
def test_a_family_name_typed_after_the_given_name_is_still_a_name_of_its_own(
    personas, places, born
):
    # Typed as one text, "Mustafa Uddin" reads as one name (as "Nasir ud-Din" should);
    # the registration keyed its given and family names apart.
    earlier = _registered("Mostafa", "Uddin", datetime.date(1983, 9, 25))
    hits = identification_search(personas["registrar.lipa"], name="Mustafa Uddin", birth_date=born)
    assert [hit.person_id for hit in hits] == [earlier.pk]


def test_the_best_candidates_are_the_ones_scoring_every_candidate_would_choose():
    rng = random.Random(3)
    names = ["Muhammad Rahimi Ali", "Mohammed Rahimy", "Ahmad Khan", "Abdul Rahman Karimi"]
    names += ["Hussain Hossain", "Sami Ullah Khan", "Mostafa Uddin", "محمد رحیمی", ""]

    def day() -> datetime.date:
        return datetime.date(1990 + rng.randrange(4), 1 + rng.randrange(12), 1 + rng.randrange(28))

    for _ in range(200):
        typed, born = rng.choice(names), day()
        candidates = [
            (index, float(rng.randrange(6)), rng.choice(names) + rng.choice("ai"), day(), "AFG")
            for index in range(rng.randrange(1, 150))
        ]
        every = sorted(
            (
                (person, so_far + identity_score(typed, name, born, birth, "AFG", country))
                for person, so_far, name, birth, country in candidates
            ),
            key=lambda item: -item[1],
        )
        assert best_by_identity(typed, born, "AFG", candidates, keep=50) == every[:50]
