"""Multiple systems estimation (capture-recapture) for people found on several lists.

``estimate`` chooses the method: Chapman's estimator for two lists (``two_lists``), Poisson
log-linear models for three or more (``loglinear``), searched, ranked by AIC or BIC, averaged
over those within 2 of the best with Akaike weights; it attaches a 95% interval (a parametric
bootstrap by default) and plain-language warnings, kept as ``notes.Note`` so that they can be
shown in the reader's language. ``fixed_model_estimate`` estimates under one given log-linear
model.

What callers can rely on:

* Every public function takes a ``Histories`` (already validated) and returns an ``Estimate``;
  bad data raise ``EstimationInputError`` (bad options raise ``ValueError``).
* In a returned ``Estimate``: ``observed <= ci_low <= estimate <= ci_high``; ``ci_high`` may be
  ``inf`` when no interval could be computed (a warning then says so).
* Results are deterministic for a given ``seed``.
* ``Estimate.as_json()`` has exactly the keys estimate, ci_low, ci_high, observed, model,
  method and warnings (in English, whatever language is active), method_note and notes (the
  same as ``Note.as_json()``, for showing them in another language).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from waypoint.estimation.histories import EstimationInputError, Histories, check_linkable
from waypoint.estimation.intervals import (
    add_size_warnings,
    lognormal_interval,
    ordered_interval,
    rounded_for_json,
)
from waypoint.estimation.loglinear import (
    MAX_ABS_COEF,
    MAX_CONDITION,
    Criterion,
    LoglinearFit,
    Pair,
    condition_numbers,
    design_matrix,
    fit_loglinear,
    log_factorial_sum,
    model_label,
    model_terms,
    newton_poisson,
    observed_cells,
    search_models,
    supported_pairs,
)
from waypoint.estimation.notes import Note

__all__ = [
    "Estimate",
    "ModelSummary",
    "estimate",
    "fixed_model_estimate",
]

# Averaging window (Burnham & Anderson: models within 2 have substantial support).
_DELTA = 2.0


@dataclass(frozen=True)
class ModelSummary:
    """One compared log-linear model: its two-list interactions (by list name), readable
    label, AIC, BIC, deviance and residual degrees of freedom, the population estimate
    (observed + unseen) and its weight in the averaged estimate (0 when outside the window)."""

    terms: tuple[tuple[str, str], ...]
    label: str
    aic: float
    bic: float
    deviance: float
    df: int
    estimate: float
    unobserved: float
    weight: float


@dataclass(frozen=True)
class Estimate:
    """A population-size estimate with its 95% interval and what it rests on.

    ``observed`` is the number of distinct people on any list; ``estimate`` the estimated total
    (observed + unseen); ``model`` a readable model ("A*B + C"); ``method`` says how the
    estimate and interval were made; ``warnings`` are short sentences for the reader (both
    ``Note``: ``.text()`` in the active language, ``.english()``);
    ``models`` the log-linear models compared (empty for two-list estimators); ``draws`` the
    bootstrap population totals the interval was read from (the replicates that could be
    fitted, in order; empty when the interval did not come from a bootstrap), kept so that
    estimates of disjoint groups can be added with an interval (see ``strata``).
    """

    estimate: float
    ci_low: float
    ci_high: float
    observed: int
    model: str
    method: Note
    warnings: tuple[Note, ...] = ()
    models: tuple[ModelSummary, ...] = ()
    draws: tuple[float, ...] = field(default=(), repr=False)

    def as_json(self) -> dict[str, object]:
        """The headline figures for an API or report: estimate and bounds rounded to one
        decimal (``None`` for an infinite bound), observed as an int, method and warnings in
        English, and the same as notes (``Note.as_json()``) to show in the reader's language."""

        return {
            "estimate": rounded_for_json(self.estimate),
            "ci_low": rounded_for_json(self.ci_low),
            "ci_high": rounded_for_json(self.ci_high),
            "observed": int(self.observed),
            "model": self.model,
            "method": self.method.english(),
            "warnings": [note.english() for note in self.warnings],
            "method_note": self.method.as_json(),
            "notes": [note.as_json() for note in self.warnings],
        }


# --------------------------------------------------------------------------------------------
# Model averaging


def _weights(fits: Sequence[LoglinearFit], criterion: Criterion) -> list[float]:
    """Akaike (or Schwarz) weights over the models within ``_DELTA`` of the best; 0 outside."""
    best = fits[0].score(criterion)
    raw = [
        math.exp(-(f.score(criterion) - best) / 2.0) if f.score(criterion) - best <= _DELTA else 0.0
        for f in fits
    ]
    total = sum(raw)
    return [w / total for w in raw]


def _summaries(
    histories: Histories, fits: Sequence[LoglinearFit], weights: Sequence[float]
) -> tuple[ModelSummary, ...]:
    return tuple(
        ModelSummary(
            terms=tuple((histories.lists[i], histories.lists[j]) for i, j in f.interactions),
            label=model_label(histories.lists, f.interactions),
            aic=f.aic,
            bic=f.bic,
            deviance=f.deviance,
            df=f.df,
            estimate=f.estimate,
            unobserved=f.unobserved,
            weight=w,
        )
        for f, w in zip(fits, weights, strict=True)
    )


# --------------------------------------------------------------------------------------------
# Bootstrap


def _bootstrap(
    histories: Histories,
    generator: LoglinearFit,
    candidates: Sequence[LoglinearFit],
    *,
    criterion: Criterion,
    replicates: int,
    seed: int,
    min_overlap: int,
) -> np.ndarray:
    """Population estimates from tables simulated under ``generator``: Poisson counts for the
    observed cells, each replicate re-selecting (and averaging) among ``candidates`` exactly as
    ``estimate`` does on the data. Failed replicates (no valid candidate) are NaN."""
    rng = np.random.default_rng(seed)
    cells = observed_cells(histories.k)
    mu = np.exp(design_matrix(cells, generator.interactions) @ np.array(generator.params))
    y = rng.poisson(mu, size=(replicates, len(mu))).astype(float)
    observed = y.sum(axis=1)
    lgamma = np.array([log_factorial_sum(row) for row in y])
    log_m = np.log(np.maximum(observed, 2.0))
    scores = np.full((len(candidates), replicates), np.inf)
    unseen = np.full((len(candidates), replicates), np.nan)
    for c, fit in enumerate(candidates):
        x = design_matrix(cells, fit.interactions)
        ok = observed > 0
        for i, j in fit.interactions:
            ok &= y @ (cells[:, i] * cells[:, j]) >= min_overlap
        if not ok.any():
            continue
        rows = np.flatnonzero(ok)
        beta, converged = newton_poisson(x, y[rows], np.array(fit.params))
        eta = beta @ x.T
        fitted = np.exp(np.minimum(eta, 50.0))
        cond = condition_numbers(np.einsum("bc,cp,cq->bpq", fitted, x, x))
        good = (
            converged
            & (np.max(np.abs(beta), axis=1) <= MAX_ABS_COEF)
            & (np.min(fitted, axis=1) >= 1e-8)
            & (cond <= MAX_CONDITION)
        )
        rows, beta, eta, fitted = rows[good], beta[good], eta[good], fitted[good]
        loglik = np.sum(y[rows] * eta - fitted, axis=1) - lgamma[rows]
        p = x.shape[1]
        penalty = 2.0 * p if criterion == "aic" else p * log_m[rows]
        scores[c, rows] = penalty - 2.0 * loglik
        unseen[c, rows] = np.exp(beta[:, 0])
    best = scores.min(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):  # inf - inf where nothing fitted
        delta = scores - best
        weights = np.where(delta <= _DELTA, np.exp(-delta / 2.0), 0.0)
        averaged = np.nansum(weights * np.nan_to_num(unseen), axis=0) / weights.sum(axis=0)
    return np.where(np.isfinite(best), observed + averaged, np.nan)


# --------------------------------------------------------------------------------------------
# Warnings


def _overlap_warnings(histories: Histories) -> list[Note]:
    notes = []
    thin = [
        Note(
            "fragment.lists_shared",
            {
                "first_list": histories.lists[i],
                "second_list": histories.lists[j],
                "shared": histories.overlap(i, j),
            },
        )
        for i, j in itertools.combinations(range(histories.k), 2)
        if histories.overlap(i, j) < 5
    ]
    if thin:
        notes.append(Note("warning.overlap.thin", {"pairs": thin}))
    several = histories.on_several_lists()
    if several < 20 or several < 0.05 * histories.observed:
        notes.append(
            Note(
                "warning.overlap.few_links",
                {
                    "several": several,
                    "observed": histories.observed,
                    "percent": round(several / histories.observed * 100),
                },
            )
        )
    return notes


def _model_warnings(
    histories: Histories, valid: Sequence[LoglinearFit], criterion: Criterion
) -> list[Note]:
    from scipy.stats import chi2

    notes = []
    best = valid[0]
    if len(valid) > 1:
        runner = valid[1]
        a, b = best.estimate, runner.estimate
        if min(a, b) > 0 and abs(a - b) / min(a, b) > 0.5:
            notes.append(
                Note(
                    "warning.model.unstable",
                    {
                        "best_model": model_terms(histories.lists, best.interactions),
                        "best_estimate": a,
                        "runner_up_model": model_terms(histories.lists, runner.interactions),
                        "runner_up_estimate": b,
                    },
                )
            )
    n_pairs = histories.k * (histories.k - 1) // 2
    if len(best.interactions) >= 2 and len(best.interactions) * 2 >= n_pairs:
        notes.append(
            Note(
                "warning.model.many_interactions",
                {"interactions": len(best.interactions), "possible": n_pairs},
            )
        )
    if best.df > 0 and chi2.sf(best.deviance, best.df) < 0.01:
        notes.append(Note("warning.model.poor_fit", {"deviance": best.deviance, "df": best.df}))
    if best.df == 0:
        notes.append(Note("warning.model.saturated"))
    return notes


# --------------------------------------------------------------------------------------------
# Entry points


def _wald_interval(fit: LoglinearFit, observed: int) -> tuple[float, float]:
    """Log-normal interval from one model's variance. The Poisson GLM variance of the fitted
    unseen count misses the Poisson variation of the unseen count itself; adding it (+ z0)
    gives the classical multinomial variance (for two lists exactly Lincoln-Petersen's)."""
    unseen = fit.unobserved
    variance = (unseen * fit.se_log_unobserved) ** 2 + unseen
    return lognormal_interval(observed, observed + unseen, variance)


def fixed_model_estimate(
    histories: Histories, interactions: Sequence[Pair] = (), *, min_overlap: int = 1
) -> Estimate:
    """Estimate under one given log-linear model (``()`` = independence of all lists), with a
    log-normal interval from the model's variance (model uncertainty ignored). Raises
    ``EstimationInputError`` when the model is not supported by the data."""
    check_linkable(histories)
    fit = fit_loglinear(histories, interactions, min_overlap=min_overlap)
    if not fit.valid:
        model = model_terms(histories.lists, interactions)
        raise EstimationInputError(
            Note("error.model_unsupported", {"model": model, "reason": fit.reason})
        )
    observed = histories.observed
    low, high = _wald_interval(fit, observed)
    low, high = ordered_interval(fit.estimate, low, high, observed)
    notes = _overlap_warnings(histories)
    add_size_warnings(notes, observed, fit.estimate, low, high)
    return Estimate(
        estimate=fit.estimate,
        ci_low=low,
        ci_high=high,
        observed=observed,
        model=model_label(histories.lists, fit.interactions),
        method=Note("method.loglinear.fixed"),
        warnings=tuple(notes),
        models=_summaries(histories, [fit], [1.0]),
    )


def _chapman_on_first_two(histories: Histories) -> Estimate:
    # Imported here because two_lists builds its results with Estimate from this module.
    from waypoint.estimation.two_lists import chapman

    two = histories.collapse((0, 1))
    result = chapman(
        two.list_total(0), two.list_total(1), two.overlap(0, 1), names=(two.lists[0], two.lists[1])
    )
    if histories.k == 2:
        return result
    # People seen only on the other lists are certainly in the population.
    observed = histories.observed
    notes = list(result.warnings)
    notes.append(
        Note(
            "warning.chapman.other_lists_ignored",
            {"first_list": two.lists[0], "second_list": two.lists[1]},
        )
    )
    total = result.estimate
    if total < observed:
        notes.append(Note("warning.chapman.raised", {"estimate": total, "observed": observed}))
        total = float(observed)
    low, high = ordered_interval(total, result.ci_low, result.ci_high, observed)
    return Estimate(total, low, high, observed, result.model, result.method, tuple(notes))


def estimate(
    histories: Histories,
    *,
    method: Literal["auto", "chapman", "loglinear"] = "auto",
    criterion: Criterion = "aic",
    bootstrap: int = 500,
    seed: int = 0,
    max_models: int = 1024,
    min_overlap: int = 1,
    bootstrap_models: int = 16,
) -> Estimate:
    """Estimate the population size from a capture-history table.

    ``method``: "chapman" uses lists 1 and 2 only; "loglinear" (needs k >= 3) searches
    two-list-interaction log-linear models (see ``search_models``), ranks them by
    ``criterion``, and averages the models within 2 of the best with Akaike (Schwarz) weights;
    "auto" is Chapman for two lists and log-linear otherwise.

    Interval (log-linear): with ``bootstrap`` > 0, a parametric bootstrap: ``bootstrap``
    Poisson tables simulated from the best model, each re-running the selection and averaging
    among the ``bootstrap_models`` best models on the data (plus independence); the 95%
    interval is the 2.5-97.5 percentile range (Buckland & Garthwaite 1991). With
    ``bootstrap=0``, a log-normal interval from the best model's variance. Either way
    the interval is clipped below at the number observed and widened, if need be, to contain
    the point estimate. Raises ``EstimationInputError`` when no model can be fitted.
    """
    if method not in ("auto", "chapman", "loglinear"):
        raise ValueError(f"method must be 'auto', 'chapman' or 'loglinear', got {method!r}")
    if criterion not in ("aic", "bic"):
        raise ValueError(f"criterion must be 'aic' or 'bic', got {criterion!r}")
    if bootstrap < 0 or bootstrap_models < 1 or max_models < 1 or min_overlap < 0:
        raise ValueError("bootstrap, bootstrap_models, max_models and min_overlap must be >= 0")
    check_linkable(histories)
    empty = [name for i, name in enumerate(histories.lists) if histories.list_total(i) == 0]
    if empty:
        raise EstimationInputError(
            Note("error.empty_list", {"column": repr(empty[0]), "empty_list": empty[0]})
        )
    if method == "auto":
        method = "chapman" if histories.k == 2 else "loglinear"
    if method == "chapman":
        return _chapman_on_first_two(histories)
    if histories.k < 3:
        raise EstimationInputError(Note("error.loglinear_needs_three"))

    fits = search_models(
        histories, criterion=criterion, max_models=max_models, min_overlap=min_overlap
    )
    valid = [f for f in fits if f.valid]
    if not valid:
        reason = (fits[0].reason if fits else None) or Note("reason.no_model_tried")
        raise EstimationInputError(Note("error.no_model_fitted", {"reason": reason}))
    weights = _weights(valid, criterion)
    observed = histories.observed
    total = sum(w * f.estimate for w, f in zip(weights, valid, strict=True))
    best = valid[0]
    label = model_label(histories.lists, best.interactions)
    exhaustive = 2 ** len(supported_pairs(histories, min_overlap)) <= max_models
    search = "fragment.search.all_subsets" if exhaustive else "fragment.search.stepwise"
    description = {
        "search": Note(search),
        "criterion": criterion.upper(),
        "averaged": sum(1 for w in weights if w > 0),
        "window": _DELTA,
    }
    notes = _overlap_warnings(histories) + _model_warnings(histories, valid, criterion)

    interval_draws: tuple[float, ...] = ()
    if bootstrap > 0:
        candidates = list(valid[:bootstrap_models])
        independence = next((f for f in valid if not f.interactions), None)
        if independence is not None and independence not in candidates:
            candidates.append(independence)
        draws = _bootstrap(
            histories,
            best,
            candidates,
            criterion=criterion,
            replicates=bootstrap,
            seed=seed,
            min_overlap=min_overlap,
        )
        ok = draws[np.isfinite(draws)]
        if len(ok) >= max(10, bootstrap // 2):
            low, high = (float(v) for v in np.percentile(ok, [2.5, 97.5]))
            interval_draws = tuple(float(v) for v in ok)
        else:
            low, high = float(observed), math.inf
            notes.append(Note("warning.bootstrap.failed"))
        if 0 < len(ok) < 0.9 * bootstrap:
            notes.append(
                Note(
                    "warning.bootstrap.some_failed",
                    {"failed": bootstrap - len(ok), "replicates": bootstrap},
                )
            )
        how = Note(
            "method.loglinear.bootstrap",
            {**description, "replicates": bootstrap, "seed": seed, "candidates": len(candidates)},
        )
    else:
        low, high = _wald_interval(best, observed)
        how = Note("method.loglinear.lognormal", description)
    low, high = ordered_interval(total, low, high, observed)
    add_size_warnings(notes, observed, total, low, high)
    return Estimate(
        estimate=total,
        ci_low=low,
        ci_high=high,
        observed=observed,
        model=label,
        method=how,
        warnings=tuple(notes),
        models=_summaries(histories, valid, weights),
        draws=interval_draws,
    )
