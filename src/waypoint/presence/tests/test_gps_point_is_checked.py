"""A location assessment carries the phone's GPS point; the reviewer is told when it lies
far from the location the enumerator picked (issue 17: ``geopoint`` with a quality check)."""

from __future__ import annotations

import pytest

from waypoint.presence.forms import LocationAssessmentForm
from waypoint.presence.models import ObservationSource
from waypoint.presence.quality import FAR_FROM_LOCATION, metres_between, round_checks
from waypoint.presence.services import observation_save

pytestmark = pytest.mark.django_db

FIGURES = {
    "round_number": "7",
    "observed_on": "2026-10-30",
    "migrants_observed": "4",
    "not_in_trc": "4",
    "adult_men": "4",
    "adult_women": "0",
    "boys": "0",
    "girls": "0",
    "unaccompanied_children": "0",
}


def _saved(analyst, round_, location, gps: str):  # type: ignore[no-untyped-def]
    form = LocationAssessmentForm(data={**FIGURES, "location_code": location.code, "gps": gps})
    assert form.is_valid(), form.errors
    return observation_save(
        actor=analyst,
        round=round_,
        location=location,
        cleaned=form.cleaned_data,
        nationalities={},
        source=ObservationSource.PHONE,
    )


def test_a_point_a_few_hundred_metres_off_is_fine_and_one_in_sarajevo_is_flagged(
    analyst, baseline, collecting_round
):
    near = _saved(analyst, collecting_round, baseline["BIH-1"], "44.8120 15.8720 230 8")
    far = _saved(analyst, collecting_round, baseline["BIH-2"], "43.8563 18.4131 520 5")
    assert (near.gps_latitude, near.gps_longitude, near.gps_accuracy) == (44.812, 15.872, 8)
    flagged = [p for p in round_checks(collecting_round) if p.check == FAR_FROM_LOCATION]
    assert [p.location_code for p in flagged] == [far.location.code]
    assert "km from this location" in flagged[0].message


def test_a_poor_fix_widens_the_allowance_by_its_accuracy(analyst, baseline, collecting_round):
    _saved(analyst, collecting_round, baseline["BIH-1"], "44.8250 15.8700 230 2500")
    assert not [p for p in round_checks(collecting_round) if p.check == FAR_FROM_LOCATION]


@pytest.mark.parametrize("bad", ["44.8", "north", "91 15", "44.8 15.8 1 2 3", "nan nan"])
def test_a_point_that_is_not_one_is_refused_by_name(bad):
    form = LocationAssessmentForm(data={**FIGURES, "location_code": "BIH-1", "gps": bad})
    assert not form.is_valid() and "gps" in form.errors


def test_the_distance_is_a_great_circle():
    # Bihać to Sarajevo: about 200 km as the crow flies
    assert 190_000 < metres_between((44.8169, 15.8708), (43.8563, 18.4131)) < 230_000
