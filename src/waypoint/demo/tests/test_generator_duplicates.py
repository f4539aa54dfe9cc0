"""A share of individuals registers a second time, elsewhere and a little differently."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from waypoint.demo.generator import SyntheticRecord, population_generate

UNTIL = date(2025, 6, 30)
COMPARED = (
    "given_name",
    "family_name",
    "father_name",
    "given_name_original",
    "family_name_original",
    "birth_date",
    "birth_date_precision",
)


@pytest.fixture(scope="module")
def records() -> list[SyntheticRecord]:
    return list(population_generate(people=20_000, seed=9, until=UNTIL))


@pytest.fixture(scope="module")
def pairs(records) -> list[tuple[SyntheticRecord, SyntheticRecord]]:
    firsts = {r.true_person_id: r for r in records if not r.is_duplicate}
    return [(firsts[r.true_person_id], r) for r in records if r.is_duplicate]


def test_about_one_individual_in_ten_registers_twice(records, pairs):
    assert 0.085 <= len(pairs) / 20_000 <= 0.115
    assert max(Counter(r.true_person_id for r in records).values()) == 2


@pytest.mark.parametrize(("rate", "low", "high"), [(0.0, 0.0, 0.0), (0.3, 0.27, 0.33)])
def test_the_duplicate_rate_is_a_parameter(rate, low, high):
    records = list(population_generate(people=10_000, seed=2, duplicate_rate=rate, until=UNTIL))

    assert low <= sum(r.is_duplicate for r in records) / 10_000 <= high


def test_a_second_registration_is_later_and_at_another_centre(pairs):
    for first, second in pairs:
        assert second.site_code != first.site_code
        assert first.registered_on < second.registered_on <= UNTIL
        assert (second.nationality, second.sex, second.household_id) == (
            first.nationality,
            first.sex,
            first.household_id,
        )


def test_a_second_registration_always_differs_in_name_script_or_birth_date(pairs):
    for first, second in pairs:
        assert second.noise
        assert any(getattr(first, field) != getattr(second, field) for field in COMPARED)


def test_every_kind_of_noise_real_registrations_show_occurs(pairs):
    kinds = Counter(kind for _first, second in pairs for kind in second.noise)

    assert set(kinds) == {
        "romanisation",
        "swap",
        "family_missing",
        "father_missing",
        "father_variant",
        "birth_year_only",
        "birth_day_month_swap",
        "birth_year_shift",
        "typo",
        "script_only",
    }


def test_the_noise_does_what_it_says(pairs):
    for first, second in pairs:
        if second.noise == ("script_only",):
            assert (second.given_name, second.family_name, second.birth_date) == (
                first.given_name,
                first.family_name,
                first.birth_date,
            )
            assert (second.given_name_original, second.family_name_original) != (
                first.given_name_original,
                first.family_name_original,
            )
        if second.noise == ("swap",):
            assert (second.given_name, second.family_name) == (first.family_name, first.given_name)
        if second.noise == ("family_missing",):
            assert second.family_name == ""
            assert second.given_name == first.given_name
        if "birth_year_only" in second.noise:
            assert (second.birth_date.month, second.birth_date.day) == (1, 1)
        if second.noise == ("birth_year_shift",):
            assert abs(second.birth_date.year - first.birth_date.year) == 1


def test_a_family_registers_again_together(pairs):
    by_household: dict[int, set[tuple[str, date]]] = {}
    for _first, second in pairs:
        if second.household_id is not None:
            by_household.setdefault(second.household_id, set()).add(
                (second.site_code, second.registered_on)
            )

    assert by_household
    assert all(len(places) == 1 for places in by_household.values())


def test_second_registrations_follow_within_the_window():
    window = 200
    records = list(population_generate(people=5000, seed=4, until=UNTIL, window=window))
    last_first = max(i for i, record in enumerate(records) if not record.is_duplicate)
    position_of = {r.true_person_id: i for i, r in enumerate(records) if not r.is_duplicate}
    delays = [
        position - position_of[record.true_person_id]
        for position, record in enumerate(records[:last_first])
        if record.is_duplicate
    ]

    assert delays
    # A family's members come out one after another, so allow a few places more.
    assert min(delays) > 0 and max(delays) <= window + 12


def test_a_second_registration_often_has_another_phone_and_shows_the_same_passport(pairs):
    digits = lambda text: "".join(ch for ch in text if ch.isdigit())[-8:]  # noqa: E731
    with_phone = [(one, two) for one, two in pairs if one.phone]
    kept = sum(1 for one, two in with_phone if two.phone and digits(two.phone) == digits(one.phone))
    with_passport = [(one, two) for one, two in pairs if one.document_number]
    shown = sum(1 for one, two in with_passport if two.document_number)
    same = sum(1 for one, two in with_passport if two.document_number == one.document_number)

    assert 0.33 <= kept / len(with_phone) <= 0.47
    assert 0.6 <= shown / len(with_passport) <= 0.8
    assert same < shown  # now and then a digit is mistyped
