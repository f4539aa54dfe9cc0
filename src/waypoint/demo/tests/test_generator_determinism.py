from __future__ import annotations

from datetime import date

from waypoint.demo.generator import population_generate

UNTIL = date(2025, 6, 30)


def _records(seed: int, people: int = 2000) -> list:
    return list(population_generate(people=people, seed=seed, until=UNTIL))


def test_the_same_seed_gives_the_same_records():
    assert _records(seed=11) == _records(seed=11)


def test_another_seed_gives_another_population():
    first, other = _records(seed=11), _records(seed=12)

    assert [r.given_name for r in first] != [r.given_name for r in other]
    assert [r.birth_date for r in first] != [r.birth_date for r in other]


def test_the_reference_day_moves_the_dates_but_not_who_is_where():
    earlier = list(population_generate(people=2000, seed=3, until=date(2024, 1, 15)))
    later = list(population_generate(people=2000, seed=3, until=UNTIL))

    assert [(r.record_key, r.true_person_id, r.site_code) for r in earlier] == [
        (r.record_key, r.true_person_id, r.site_code) for r in later
    ]
    assert [(r.given_name, r.family_name) for r in earlier if not r.is_duplicate] == [
        (r.given_name, r.family_name) for r in later if not r.is_duplicate
    ]
    assert max(r.registered_on for r in earlier) <= date(2024, 1, 15)


def test_it_yields_exactly_the_people_asked_for_and_unique_record_keys():
    records = _records(seed=5, people=1234)

    assert len({r.true_person_id for r in records}) == 1234
    assert sum(1 for r in records if not r.is_duplicate) == 1234
    assert len({r.record_key for r in records}) == len(records)


def test_no_people_yields_nothing():
    assert _records(seed=1, people=0) == []
