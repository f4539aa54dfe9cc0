"""An estimate from Waypoint's own lists: people seen in centres, in screenings and in
voluntary return cases in a period, grouped into people by identity review, with the band
the linkage cut-offs give; on the command line as `waypoint estimate --period`."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from waypoint.estimation.lists import histories_from_lists, linkage_band
from waypoint.estimation.sources import registry_lists
from waypoint.linkage.queries import identity_groupings
from waypoint.people.services import person_register
from waypoint.places.models import Site
from waypoint.protection.models import Screening
from waypoint.reception.services import stay_admit


def test_a_person_on_two_lists_through_two_registrations_counts_once():
    lists = {"centres": [1, 2, 3], "screenings": [4, 5]}
    alone = histories_from_lists(lists)
    assert alone.counts == {(1, 0): 3, (0, 1): 2}
    linked = histories_from_lists(lists, group_of={4: 1})  # registration 4 is person 1
    assert linked.counts == {(1, 0): 2, (0, 1): 1, (1, 1): 1}


def test_the_band_covers_the_three_cut_offs():
    lists = {
        "a": list(range(0, 60)),
        "b": [*range(40, 90), 1000, 1001],
        "c": [*range(20, 50), *range(80, 100)],
    }
    same = {1000: 0, 1001: 1}  # the loose cut-off joins two more records to people on a
    band = linkage_band(lists, {"strict": {}, "chosen": {}, "loose": same}, bootstrap=100)
    assert band.loose.observed == band.chosen.observed - 2
    assert band.low <= band.chosen.ci_low and band.high >= band.chosen.ci_high
    answer = band.as_json()
    assert {"estimate", "ci_low", "ci_high", "observed", "linkage"} <= set(answer)


@pytest.fixture
def three_lists(personas):
    admin = personas["admin"]
    lipa = Site.objects.get(code="TRC-LIP")
    at = timezone.make_aware(datetime(2026, 3, 2, 10, 0))
    people = []
    for index in range(60):
        person = person_register(
            actor=admin,
            site=lipa,
            given_name=f"Estim{index:03d}",
            family_name="Testović",
            sex="M",
            birth_date=date(1990, 1, 1 + index % 28),
            nationality="AFG",
        )
        people.append(person)
        if index < 40:
            stay_admit(actor=admin, person=person, site=lipa, at=at)
    for person in people[25:55]:
        Screening.objects.create(
            person=person,
            site=lipa,
            version="test",
            flags=[],
            screened_at=at,
            screened_by=admin,
        )
    return people


def test_the_registry_lists_of_a_period_and_area(three_lists):
    lists = registry_lists(date(2026, 3, 1), date(2026, 3, 31), area_path="BA/BA01/BA0101")
    assert len(lists["centres"]) == 40 and len(lists["screenings"]) == 30
    assert registry_lists(date(2026, 3, 1), date(2026, 3, 31), area_path="BA/BA02") == {}
    groupings = identity_groupings()
    assert set(groupings) == {"strict", "chosen", "loose"}


def test_the_command_estimates_from_the_registry_with_the_linkage_band(three_lists, capsys):
    call_command("estimate", "--period", "2026-03-01:2026-03-31", "--bootstrap", "50")
    answer = json.loads(capsys.readouterr().out)
    assert answer["observed"] == 55
    assert answer["linkage"]["band_low"] <= answer["ci_low"]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--period", "March"], "write the period as YYYY-MM-DD:YYYY-MM-DD"),
        (["--period", "2026-03-31:2026-03-01"], "ends before it begins"),
        (["--period", "2026-03-01:2026-03-31", "--area", "XX99"], "no area with the code XX99"),
        (["--period", "2020-01-01:2020-01-31"], "at least two lists"),
        ([], "give --input F.csv"),
    ],
)
def test_bad_periods_and_areas_get_one_line_and_exit_status_2(places, args, says):
    with pytest.raises(CommandError, match=says) as raised:
        call_command("estimate", *args)
    assert raised.value.returncode == 2
