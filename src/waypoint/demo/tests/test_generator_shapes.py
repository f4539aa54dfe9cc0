"""The population looks like BiH's reception system (checked on 20,000 people)."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

import pytest

from waypoint.demo.generator import (
    FAMILY,
    HISTORY_DAYS,
    SINGLE_MAN,
    SINGLE_WOMAN,
    UASC,
    SyntheticRecord,
    population_generate,
)
from waypoint.demo.names import POOLS

UNTIL = date(2025, 6, 30)
PEOPLE = 20_000


@pytest.fixture(scope="module")
def firsts() -> list[SyntheticRecord]:
    records = population_generate(people=PEOPLE, seed=7, until=UNTIL)
    return [record for record in records if not record.is_duplicate]


def _age(record: SyntheticRecord) -> int:
    born, day = record.birth_date, record.registered_on
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _share(records: list[SyntheticRecord], test) -> float:  # type: ignore[no-untyped-def]
    return sum(1 for record in records if test(record)) / len(records)


def test_about_77_percent_are_single_adult_men(firsts):
    share = _share(firsts, lambda r: r.profile == SINGLE_MAN)

    assert 0.74 <= share <= 0.80
    assert all(r.sex == "M" and _age(r) >= 18 for r in firsts if r.profile == SINGLE_MAN)


def test_about_4_percent_are_unaccompanied_children_mostly_boys_of_14_to_17(firsts):
    children = [r for r in firsts if r.profile == UASC]

    assert 0.03 <= len(children) / len(firsts) <= 0.05
    assert _share(children, lambda r: r.sex == "M") >= 0.85
    assert _share(children, lambda r: 14 <= _age(r) < 18) >= 0.75
    assert all(10 <= _age(r) < 18 for r in children)


def test_a_few_single_women_and_the_rest_in_families(firsts):
    assert 0.01 <= _share(firsts, lambda r: r.profile == SINGLE_WOMAN) <= 0.03
    assert 0.14 <= _share(firsts, lambda r: r.profile == FAMILY) <= 0.20


def test_families_share_one_family_name_and_household_and_have_a_parent(firsts):
    households: dict[int, list[SyntheticRecord]] = defaultdict(list)
    for record in firsts:
        assert (record.household_id is not None) == (record.profile == FAMILY)
        if record.household_id is not None:
            households[record.household_id].append(record)

    for members in households.values():
        assert len({m.family_name for m in members}) == 1
        assert len({(m.site_code, m.registered_on, m.nationality) for m in members}) == 1
        assert len(members) <= 6
        assert any(_age(m) >= 18 for m in members)
    sizes = Counter(len(members) for members in households.values())
    assert sizes[1] <= 2  # only the last family can be cut short


def test_afghans_pakistanis_bangladeshis_and_moroccans_are_the_largest_groups(firsts):
    counts = Counter(r.nationality for r in firsts)

    assert {code for code, _ in counts.most_common(4)} == {"AFG", "PAK", "BGD", "MAR"}
    assert {"IRQ", "IRN", "SYR", "DZA", "TUR", "CUB", "BDI", "IND", "NPL"} <= set(counts)


def test_about_a_third_of_birth_dates_are_recorded_as_the_first_of_january(firsts):
    year_only = [r for r in firsts if r.birth_date_precision == "year"]

    assert 0.32 <= len(year_only) / len(firsts) <= 0.38
    assert all((r.birth_date.month, r.birth_date.day) == (1, 1) for r in year_only)
    assert _share(firsts, lambda r: r.birth_date_precision == "estimated") >= 0.05


def test_adults_are_mostly_between_18_and_45(firsts):
    adults = [r for r in firsts if _age(r) >= 18]

    assert _share(adults, lambda r: _age(r) < 46) >= 0.9


def test_centres_follow_the_profile(firsts):
    by_profile = defaultdict(set)
    for record in firsts:
        by_profile[record.profile].add(record.site_code)

    assert by_profile[SINGLE_MAN] >= {"TRC-LIP", "TRC-BLA", "TRC-MIR", "TRC-USI"}
    assert not by_profile[SINGLE_MAN] & {"TRC-BOR", "AC-DEL"}
    assert by_profile[FAMILY] == {"TRC-BOR", "TRC-USI", "AC-DEL"}
    assert by_profile[UASC] <= {"TRC-BOR", "TRC-USI", "AC-DEL"}


def test_registrations_fall_within_the_last_six_years(firsts):
    days = [(UNTIL - r.registered_on).days for r in firsts]

    assert min(days) >= 0
    assert max(days) < HISTORY_DAYS
    assert len({r.registered_on.year for r in firsts}) >= 6


def test_names_come_from_the_pool_of_the_nationality(firsts):
    for record in firsts[:3000]:
        community_names = {
            variant
            for community in POOLS[record.nationality].communities
            for name in (*community.male, *community.female)
            for variant in name.variants
        }
        assert record.given_name in community_names


def test_a_share_of_people_from_countries_writing_another_script_have_their_names_in_it(
    firsts,
):
    scripted = [r for r in firsts if POOLS[r.nationality].has_original_script]
    latin = [r for r in firsts if not POOLS[r.nationality].has_original_script]

    assert 0.35 <= _share(scripted, lambda r: bool(r.given_name_original)) <= 0.55
    assert not any(r.given_name_original for r in latin)


def test_most_adults_have_a_phone_number_and_young_children_none(firsts):
    singles = [r for r in firsts if r.profile == SINGLE_MAN]
    young = [r for r in firsts if r.profile == FAMILY and _age(r) < 16]

    assert 0.65 <= _share(singles, lambda r: bool(r.phone)) <= 0.75
    assert not any(r.phone for r in young)
    assert all(sum(ch.isdigit() for ch in r.phone) >= 8 for r in firsts if r.phone)


def test_passports_are_recorded_for_few_adults_and_most_cubans(firsts):
    adults = [r for r in firsts if _age(r) >= 18]
    cubans = [r for r in adults if r.nationality == "CUB"]
    afghans = [r for r in adults if r.nationality == "AFG"]

    assert _share(cubans, lambda r: bool(r.document_number)) >= 0.75
    assert _share(afghans, lambda r: bool(r.document_number)) <= 0.12
    assert not any(r.document_number for r in firsts if _age(r) < 18)


def test_the_mothers_name_is_left_out_about_a_third_of_the_time(firsts):
    assert 0.66 <= _share(firsts, lambda r: bool(r.mother_name)) <= 0.74
    assert not any(r.mother_name_original for r in firsts if not r.mother_name)


def test_common_names_are_drawn_more_often_than_rare_ones(firsts):
    pakistani_men = [r for r in firsts if r.nationality == "PAK" and r.sex == "M"]
    pool = POOLS["PAK"].communities[0].male
    counts = Counter(r.father_name for r in pakistani_men)
    head = sum(counts[variant] for name in pool[:5] for variant in name.variants)
    tail = sum(counts[variant] for name in pool[-5:] for variant in name.variants)

    assert head > 2 * tail


def test_brothers_and_sisters_have_their_own_names_and_are_born_apart(firsts):
    children: dict[int, list[SyntheticRecord]] = defaultdict(list)
    for record in firsts:
        if record.relationship == "child":
            children[record.household_id].append(record)
    same_name = same_year = pairs = 0
    for kids in children.values():
        for index, one in enumerate(kids):
            for other in kids[index + 1 :]:
                pairs += 1
                same_name += one.sex == other.sex and one.given_name == other.given_name
                same_year += one.birth_date.year == other.birth_date.year
    assert pairs > 1000
    assert same_name / pairs < 0.01  # only where two spellings of one name met by chance
    assert same_year / pairs < 0.2
