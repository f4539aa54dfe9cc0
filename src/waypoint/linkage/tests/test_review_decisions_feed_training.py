"""Reviewers' "same person" decisions are labels for the next run's training."""

import pytest

from waypoint.linkage import services
from waypoint.linkage.models import CandidatePair, PairStatus

pytestmark = pytest.mark.django_db


def _run(admin):
    return services.run_execute(
        run=services.run_request(
            actor=admin, threshold=0.9999999, review_floor=0.01, background=False
        )
    )


def _m_probabilities(model):
    return [
        level.get("m_probability")
        for comparison in model["comparisons"]
        for level in comparison["comparison_levels"]
    ]


def test_a_same_decision_changes_the_next_model_and_raises_alike_pairs(admin, twins):
    first, second, _other = twins
    before = _run(admin)
    assert _m_probabilities(_run(admin).model) == _m_probabilities(before.model)  # no labels

    pair = CandidatePair.objects.get(left=first, right=second)
    scored_before = pair.probability
    services.pair_decide(actor=admin, pair=pair, decision=PairStatus.SAME)
    after = _run(admin)

    assert _m_probabilities(after.model) != _m_probabilities(before.model)
    pair.refresh_from_db()
    assert pair.status == PairStatus.SAME
    assert pair.probability > scored_before


def test_a_different_decision_is_not_a_label(admin, twins):
    first, second, _other = twins
    before = _run(admin)
    pair = CandidatePair.objects.get(left=first, right=second)
    services.pair_decide(actor=admin, pair=pair, decision=PairStatus.DIFFERENT)
    assert _m_probabilities(_run(admin).model) == _m_probabilities(before.model)
