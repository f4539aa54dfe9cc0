from __future__ import annotations

import pytest

from waypoint.returns.sustainability import (
    DIMENSION_WEIGHTS,
    DIMENSIONS,
    INDICATORS,
    scores_compute,
)


def _answers(position: int) -> dict[str, str]:
    return {i.code: i.answers[min(position, len(i.answers) - 1)][0] for i in INDICATORS}


def test_indicator_weights_sum_to_one_within_each_dimension() -> None:
    for dimension in DIMENSIONS:
        total = sum(i.weight for i in INDICATORS if i.dimension == dimension)
        assert total == pytest.approx(1.0)
    assert sum(DIMENSION_WEIGHTS.values()) == pytest.approx(1.0)


def test_the_best_answers_score_one_and_the_worst_zero() -> None:
    best = scores_compute(_answers(0))
    assert (best.economic, best.social, best.psychosocial, best.composite) == (1, 1, 1, 1)
    worst = scores_compute(_answers(9))
    assert (worst.economic, worst.social, worst.psychosocial, worst.composite) == (0, 0, 0, 0)


def test_a_dimension_score_is_the_weighted_sum_of_its_indicators() -> None:
    answers = _answers(0)
    answers["work"] = "no"  # economic weight 0.20 lost
    answers["distress"] = "sometimes"  # psychosocial: 0.25 * 0.5 lost
    scores = scores_compute(answers)
    assert scores.economic == pytest.approx(0.8)
    assert scores.social == pytest.approx(1.0)
    assert scores.psychosocial == pytest.approx(0.875)
    assert scores.composite == pytest.approx(round((0.8 + 1.0 + 0.875) / 3, 3))


def test_a_missing_or_unknown_answer_is_refused() -> None:
    answers = _answers(0)
    del answers["housing"]
    with pytest.raises(ValueError, match="housing"):
        scores_compute(answers)
    with pytest.raises(ValueError, match="work"):
        scores_compute({**_answers(0), "work": "maybe"})
