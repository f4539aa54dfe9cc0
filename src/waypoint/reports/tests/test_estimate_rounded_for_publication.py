"""What a reader sees of a published estimate: figures rounded so that they suggest no false
precision, an unknown upper bound said in words, no small count of people on the lists, and
a method note and caveats of our own in the reader's language (never the analysts' English
method line). Plain functions: no database."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation

from waypoint.estimation.models import Source, StoredEstimate
from waypoint.reports.estimates import (
    EstimateShown,
    estimate_shown,
    interval,
    observed_shown,
    rounded_estimate,
    rounded_high,
    rounded_low,
)
from waypoint.reports.tests.conftest import ESTIMATE_METHOD, estimate_result

LISTS = ("Reception centres (stays)", "Vulnerability screenings", "Voluntary return applications")


def _shown(stored: StoredEstimate, **names: str) -> EstimateShown:
    return estimate_shown(stored, list_names=LISTS, **names)


def _stored(**changes: object) -> StoredEstimate:
    return StoredEstimate(
        source=Source.REGISTRY,
        first_day=date(2026, 7, 1),
        last_day=date(2026, 9, 30),
        area_code="BA0101",
        lists=["centres", "screenings", "avrr"],
        histories=[],
        result=estimate_result(**changes),
    )


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (47.2, 50),
        (462.4, 460),
        (995.0, 1000),
        (1234.6, 1200),
        (1250.0, 1300),
        (9_876.0, 9_900),
        (12_345.0, 12_000),
        (123_456.0, 120_000),
    ],
)
def test_an_estimate_is_rounded_to_ten_or_two_significant_figures(value, shown):
    assert rounded_estimate(value).value == shown


def test_interval_bounds_are_rounded_outwards_so_the_interval_still_holds():
    assert rounded_low(987.2).value == 980
    assert rounded_high(1642.9).value == 1700
    assert rounded_low(12_999.0).value == 12_000
    assert rounded_high(12_001.0).value == 13_000
    assert rounded_low(3.2).value == 0


def test_an_infinite_upper_bound_says_upper_bound_unknown():
    with translation.override("en"):
        shown = interval(987.2, None, 1234.6)
    assert shown.high.value is None
    assert shown.high.text == "upper bound unknown"
    assert shown.text == "980, upper bound unknown"


def test_an_infinite_estimate_is_not_estimable_and_a_tiny_one_is_below_ten():
    with translation.override("en"):
        assert rounded_estimate(None) == rounded_estimate(float("inf"))
        assert rounded_estimate(None).value is None
        assert rounded_estimate(None).text == "not estimable"
    assert rounded_estimate(6.3).value is None
    assert rounded_estimate(6.3).text == "<10"


@pytest.mark.parametrize("observed", [1, 2, 3, 4])
def test_fewer_people_on_the_lists_than_the_threshold_are_never_shown(observed):
    shown = observed_shown(observed)
    assert shown.value is None
    assert shown.text == "<5"
    assert str(observed) not in _shown(_stored(observed=observed)).observed.text


def test_the_reader_sees_rounded_figures_the_band_and_the_people_outside_centres():
    with translation.override("en"):
        shown = _shown(_stored(), area_stored_name="Una-Sana Canton")
    assert shown.total.estimate is not None
    assert (shown.total.estimate.text, shown.total.text) == ("1,200", "980–1,700")
    assert shown.linkage is not None and shown.linkage.text == "960–1,900"
    assert shown.outside is not None and shown.outside.estimate is not None
    assert (shown.outside.estimate.text, shown.outside.text) == ("570", "320–990")
    assert shown.observed.text == "843"
    assert shown.area == "Una-Sana Canton"
    assert shown.lists == LISTS
    assert "1234" not in str(shown) and "1,234" not in str(shown)


def test_the_method_note_is_ours_and_the_caveats_count_the_technical_warnings():
    with translation.override("en"):
        shown = _shown(_stored())
        two_lists = estimate_shown(_stored(linkage=None, warnings=["one"]), list_names=LISTS[:2])
        stratified = _shown(_stored(strata={"M": {"observed": 731}, "F": {"observed": 3}}))
    assert ESTIMATE_METHOD not in shown.method_note
    assert "Multiple systems estimation" in shown.method_note
    assert "95% interval" in shown.method_note
    assert "stricter and with looser matching" in shown.method_note
    assert "stricter" not in two_lists.method_note
    assert "two lists" in two_lists.method_note and "3 lists" in shown.method_note
    assert "groups of people" in stratified.method_note
    assert "groups of people" not in shown.method_note
    assert "731" not in str(stratified)  # a group's own figures are not published
    joined = " ".join(shown.caveats)
    assert "closed population" in joined and "depend on each other" in joined
    assert "2 technical warnings" in joined
    assert "1 technical warning," in " ".join(two_lists.caveats)
    assert not any("barely overlap" in caveat for caveat in shown.caveats)
    assert shown.warnings == 2


def test_a_missing_breakdown_or_area_is_left_out_not_guessed():
    with translation.override("en"):
        shown = estimate_shown(
            StoredEstimate(
                source=Source.REGISTRY,
                first_day=date(2026, 1, 1),
                last_day=date(2026, 3, 31),
                area_code="",
                lists=["centres", "list:7"],
                histories=[],
                result={"estimate": 410.0, "ci_low": 380.0, "ci_high": 470.0, "observed": 350},
            ),
            list_names=["Reception centres (stays)", "SFA asylum intentions"],
        )
    assert shown.linkage is None and shown.outside is None
    assert shown.area == "Bosnia and Herzegovina"
    assert shown.lists == ("Reception centres (stays)", "SFA asylum intentions")
    assert shown.warnings == 0 and len(shown.caveats) == 3


def test_the_reader_in_bosnian_gets_bosnian_area_names():
    with translation.override("bs"):
        shown = _shown(_stored(), area_stored_name="Una-Sana Canton")
    assert shown.area == "Unsko-sanski kanton"
