"""Two-list estimators against worked examples."""

import math

import pytest

from waypoint.estimation.histories import EstimationInputError, Histories
from waypoint.estimation.loglinear import fit_loglinear
from waypoint.estimation.mse import estimate
from waypoint.estimation.two_lists import chapman, lincoln_petersen


def test_chapman_small_worked_example():
    # n1 = 10, n2 = 15, m = 5:
    # N = 11 * 16 / 6 - 1 = 28.333...; Var = 11 * 16 * 5 * 10 / (6^2 * 7) = 8800 / 252
    result = chapman(10, 15, 5)
    assert result.estimate == pytest.approx(176 / 6 - 1, abs=1e-12)
    assert result.observed == 20
    variance = 8800 / 252
    unseen = 176 / 6 - 1 - 20
    c = math.exp(1.959963984540054 * math.sqrt(math.log(1 + variance / unseen**2)))
    assert result.ci_low == pytest.approx(20 + unseen / c, rel=1e-12)
    assert result.ci_high == pytest.approx(20 + unseen * c, rel=1e-12)
    assert result.ci_low >= result.observed


def test_chapman_matches_care1_output_for_diabetes_lists_1_and_2():
    # CARE1 (Chao's R package) prints, for lists 1 and 2 of the Casale Monferrato diabetes
    # data (n1 = 1754, n2 = 452, m = 337): Chapman 2351, se 58, interval 2250-2478.
    result = chapman(1754, 452, 337)
    assert round(result.estimate) == 2351
    assert round(result.ci_low) == 2250
    assert round(result.ci_high) == 2478


def test_lincoln_petersen_worked_example():
    # N = 10 * 15 / 5 = 30 exactly.
    result = lincoln_petersen(10, 15, 5)
    assert result.estimate == pytest.approx(30.0)
    assert result.ci_low <= 30.0 <= result.ci_high


def test_lincoln_petersen_is_the_two_list_loglinear_model():
    # With two lists the independence log-linear model is saturated and its unseen count is
    # z10 * z01 / z11, the Lincoln-Petersen unseen count.
    table = Histories(("A", "B"), {(1, 0): 5, (0, 1): 10, (1, 1): 5})
    fit = fit_loglinear(table)
    assert fit.estimate == pytest.approx(lincoln_petersen(10, 15, 5).estimate, rel=1e-6)


def test_no_overlap():
    with pytest.raises(EstimationInputError, match="no person is on both lists"):
        lincoln_petersen(10, 15, 0)
    # Chapman stays finite but says the estimate is fragile.
    result = chapman(10, 15, 0)
    assert math.isfinite(result.estimate)
    assert any("share only 0" in w.english() for w in result.warnings)


def test_estimate_auto_uses_chapman_for_two_lists():
    table = Histories(("A", "B"), {(1, 0): 5, (0, 1): 10, (1, 1): 5})
    result = estimate(table)
    assert result.method.code == "method.chapman"
    assert result.estimate == pytest.approx(chapman(10, 15, 5).estimate)
    assert result.model == "A + B"


def test_impossible_counts():
    with pytest.raises(EstimationInputError):
        chapman(3, 4, 5)
    with pytest.raises(EstimationInputError):
        chapman(-1, 4, 0)
