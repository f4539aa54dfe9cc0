"""Log-linear fitting, model search, bootstrap and the result object."""

import itertools
import json

import numpy as np
import pytest

from waypoint.estimation.histories import Histories
from waypoint.estimation.loglinear import (
    design_matrix,
    fit_loglinear,
    model_label,
    newton_poisson,
    observed_cells,
    search_models,
)
from waypoint.estimation.mse import estimate

HAV = Histories(
    ("P", "Q", "E"),
    {
        (1, 0, 0): 69,
        (0, 1, 0): 55,
        (0, 0, 1): 63,
        (1, 1, 0): 21,
        (1, 0, 1): 17,
        (0, 1, 1): 18,
        (1, 1, 1): 28,
    },
)


def independent_table(n: int, probabilities: list[float]) -> Histories:
    """Expected counts under independence, rounded: the independence model must recover n."""
    counts = {}
    for history in itertools.product((0, 1), repeat=len(probabilities)):
        if any(history):
            p = np.prod([q if h else 1 - q for h, q in zip(history, probabilities, strict=True)])
            counts[history] = round(n * p)
    return Histories(tuple("ABCD"[: len(probabilities)]), counts)


def test_three_list_interval_reduces_to_lincoln_petersen_variance_with_two_lists():
    # The model variance + unseen count is the multinomial variance; with two lists that is
    # Lincoln-Petersen's n1 n2 (n1 - m)(n2 - m) / m^3, so the intervals coincide.
    from waypoint.estimation.mse import _wald_interval
    from waypoint.estimation.two_lists import lincoln_petersen

    table = Histories(("A", "B"), {(1, 0): 50, (0, 1): 70, (1, 1): 30})
    low, high = _wald_interval(fit_loglinear(table), table.observed)
    reference = lincoln_petersen(80, 100, 30)
    assert low == pytest.approx(reference.ci_low, rel=1e-5)
    assert high == pytest.approx(reference.ci_high, rel=1e-5)


def test_independence_model_recovers_expected_table():
    table = independent_table(100_000, [0.3, 0.4, 0.5])
    fit = fit_loglinear(table)
    assert fit.valid
    assert fit.estimate == pytest.approx(100_000, rel=1e-3)


def test_newton_matches_statsmodels():
    cells = observed_cells(4)
    rng = np.random.default_rng(1)
    for interactions in [(), ((0, 1),), ((0, 1), (1, 2), (2, 3))]:
        x = design_matrix(cells, interactions)
        y = rng.poisson(40, size=len(cells)).astype(float)
        table = Histories(
            ("A", "B", "C", "D"),
            {tuple(int(v) for v in h): int(c) for h, c in zip(cells, y, strict=True)},
        )
        reference = fit_loglinear(table, interactions)
        beta, converged = newton_poisson(x, y[None, :], np.zeros(x.shape[1]))
        assert converged[0]
        np.testing.assert_allclose(beta[0], reference.params, rtol=1e-6, atol=1e-6)


def test_unsupported_interaction_is_skipped():
    table = Histories(
        ("A", "B", "C"),
        {(1, 0, 0): 30, (0, 1, 0): 20, (0, 0, 1): 25, (1, 0, 1): 6, (0, 1, 1): 5},
    )
    fit = fit_loglinear(table, [(0, 1)])
    assert not fit.valid and "share 0 people" in fit.reason.english()
    assert all((0, 1) not in f.interactions for f in search_models(table))


def test_search_ranks_by_criterion_and_labels():
    fits = [f for f in search_models(HAV) if f.valid]
    assert len(fits) == 8
    assert [f.aic for f in fits] == sorted(f.aic for f in fits)
    assert model_label(HAV.lists, ((0, 1), (1, 2))) == "P*Q + Q*E"
    assert model_label(HAV.lists, ()) == "P + Q + E"


def test_weights_sum_to_one_and_only_within_two():
    result = estimate(HAV, bootstrap=0)
    weights = [m.weight for m in result.models]
    assert sum(weights) == pytest.approx(1.0)
    best = result.models[0].aic
    assert all(m.weight == 0 for m in result.models if m.aic - best > 2)


def test_bootstrap_is_seeded_and_ordered():
    a = estimate(HAV, bootstrap=100, seed=3)
    b = estimate(HAV, bootstrap=100, seed=3)
    c = estimate(HAV, bootstrap=100, seed=4)
    assert (a.ci_low, a.ci_high) == (b.ci_low, b.ci_high)
    assert (a.ci_low, a.ci_high) != (c.ci_low, c.ci_high)
    assert a.observed <= a.ci_low <= a.estimate <= a.ci_high
    assert "bootstrap" in a.method.english()


def test_model_variance_interval_without_bootstrap():
    result = estimate(independent_table(5_000, [0.3, 0.4, 0.5, 0.2]), bootstrap=0)
    assert "log-normal" in result.method.english()
    assert result.ci_low <= 5_000 <= result.ci_high


def test_bic_and_chapman_methods():
    table = independent_table(5_000, [0.3, 0.4, 0.5, 0.2])
    assert "BIC" in estimate(table, criterion="bic", bootstrap=0).method.english()
    chap = estimate(table, method="chapman")
    assert chap.method.english().startswith("chapman") and chap.observed == table.observed


def test_as_json_has_exactly_the_documented_keys():
    payload = estimate(HAV, bootstrap=50).as_json()
    assert set(payload) == {
        "estimate",
        "ci_low",
        "ci_high",
        "observed",
        "model",
        "method",
        "warnings",
        "method_note",
        "notes",
    }
    json.dumps(payload)
    assert payload["observed"] == 271
    assert isinstance(payload["warnings"], list)


def test_bad_options_are_value_errors():
    with pytest.raises(ValueError):
        estimate(HAV, method="magic")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        estimate(HAV, criterion="dic")  # type: ignore[arg-type]


def test_large_dark_figure_is_warned():
    table = independent_table(200_000, [0.02, 0.03, 0.02])
    result = estimate(table, bootstrap=50)
    assert any("ten times" in w.english() for w in result.warnings)
