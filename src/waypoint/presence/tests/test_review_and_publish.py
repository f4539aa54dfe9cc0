"""Review: failed checks are corrected or confirmed; publishing freezes the round."""

from __future__ import annotations

from datetime import date

import pytest

from waypoint.audit.models import AuditEvent
from waypoint.presence import services
from waypoint.presence.models import Observation, Round, RoundStatus
from waypoint.presence.quality import CHANGE, NATIONALITIES, NOT_VISITED, SEX_AGE, round_checks


@pytest.fixture
def review_round(baseline):
    previous = Round.objects.create(
        number=1, snapshot_date=date(2026, 9, 30), status=RoundStatus.PUBLISHED
    )
    Observation.objects.create(
        round=previous,
        location=baseline["SA-1"],
        observed_on=date(2026, 9, 30),
        migrants_observed=10,
        not_in_trc=10,
        adult_men=10,
        source="web",
    )
    round_ = Round.objects.create(
        number=2, snapshot_date=date(2026, 10, 31), status=RoundStatus.IN_REVIEW
    )
    Observation.objects.create(
        round=round_,
        location=baseline["BIH-1"],
        observed_on=date(2026, 10, 30),
        migrants_observed=40,
        not_in_trc=30,
        adult_men=30,
        nationalities={"AFG": 45},
        source="web",
    )
    Observation.objects.create(
        round=round_,
        location=baseline["SA-1"],
        observed_on=date(2026, 10, 30),
        migrants_observed=60,
        not_in_trc=60,
        adult_men=60,
        source="web",
    )
    return round_


def test_the_checks_find_every_kind_of_problem(review_round):
    found = {(problem.check, problem.location_code) for problem in round_checks(review_round)}
    assert found == {
        (SEX_AGE, "BIH-1"),
        (NATIONALITIES, "BIH-1"),
        (CHANGE, "SA-1"),
        (NOT_VISITED, "BIH-2"),
    }


def test_publishing_is_refused_while_a_check_fails(review_round, analyst):
    with pytest.raises(services.PresenceError):
        services.round_publish(actor=analyst, round=review_round)
    review_round.refresh_from_db()
    assert review_round.status == RoundStatus.IN_REVIEW


def test_a_corrected_and_confirmed_round_publishes_and_freezes(review_round, analyst):
    observation = review_round.observations.get(location__code="BIH-1")
    cleaned = {
        "observed_on": observation.observed_on,
        "migrants_observed": 45,
        "not_in_trc": 30,
        "adult_men": 40,
        "adult_women": 5,
        "boys": 0,
        "girls": 0,
        "unaccompanied_children": 0,
        "needs": ["food"],
        "team": "",
        "access_notes": "",
        "weather_notes": "",
    }
    changed = services.observation_correct(
        actor=analyst, observation=observation, cleaned=cleaned, nationalities={"AFG": 45}
    )
    assert "migrants_observed" in changed
    assert AuditEvent.objects.filter(object_id=str(observation.pk), action="update").exists()
    services.check_confirm(actor=analyst, round=review_round, check=CHANGE, location_code="SA-1")
    services.check_confirm(
        actor=analyst, round=review_round, check=NOT_VISITED, location_code="BIH-2"
    )

    services.round_publish(actor=analyst, round=review_round)

    review_round.refresh_from_db()
    assert review_round.status == RoundStatus.PUBLISHED
    with pytest.raises(services.PresenceError):
        services.observation_correct(
            actor=analyst, observation=observation, cleaned=cleaned, nationalities={}
        )


def test_an_enumerator_cannot_publish(review_round, enumerator):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.round_publish(actor=enumerator, round=review_round)
