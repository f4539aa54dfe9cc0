"""Multiple systems estimation (capture-recapture) for people found on several lists.

Two lists: Chapman's and the Lincoln-Petersen estimator. Three or more lists: Poisson
log-linear models on the 2^k - 1 observed cells (main effects plus a chosen set of two-list
interactions); the unseen count is exp(intercept). ``estimate`` searches the models, ranks them
by AIC or BIC, averages those within 2 of the best with Akaike weights, attaches a 95% interval
and plain-language warnings.

What callers can rely on:

* Every public function takes a ``Histories`` (already validated) or plain integers and returns
  an ``Estimate``; bad data raise ``EstimationInputError`` (bad options raise ``ValueError``).
* In a returned ``Estimate``: ``observed <= ci_low <= estimate <= ci_high``; ``ci_high`` may be
  ``inf`` when no interval could be computed (a warning then says so).
* Results are deterministic for a given ``seed``.
* ``Estimate.as_json()`` has exactly the keys estimate, ci_low, ci_high, observed, model,
  method, warnings.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import warnings as pywarnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from waypoint.estimation.histories import EstimationInputError, Histories, check_linkable

__all__ = [
    "Estimate",
    "LoglinearFit",
    "ModelSummary",
    "chapman",
    "estimate",
    "fit_loglinear",
    "fixed_model_estimate",
    "lincoln_petersen",
    "model_label",
    "search_models",
]

Pair = tuple[int, int]
Criterion = Literal["aic", "bic"]

Z95 = 1.959963984540054
# A coefficient this large means the likelihood is maximised on the boundary (an interaction
# or cell driven to zero), i.e. the maximum likelihood estimate does not really exist.
_MAX_ABS_COEF = 25.0
# Fisher information this ill-conditioned means the model is not identifiable from the data.
_MAX_CONDITION = 1e10
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
    estimate and interval were made; ``warnings`` are short sentences for the reader;
    ``models`` the log-linear models compared (empty for two-list estimators).
    """

    estimate: float
    ci_low: float
    ci_high: float
    observed: int
    model: str
    method: str
    warnings: tuple[str, ...] = ()
    models: tuple[ModelSummary, ...] = ()

    def as_json(self) -> dict[str, object]:
        """The headline figures for an API or report: estimate and bounds rounded to one
        decimal (``None`` for an infinite bound), observed as an int, warnings as a list."""

        def rounded(value: float) -> float | None:
            return round(value, 1) if math.isfinite(value) else None

        return {
            "estimate": rounded(self.estimate),
            "ci_low": rounded(self.ci_low),
            "ci_high": rounded(self.ci_high),
            "observed": int(self.observed),
            "model": self.model,
            "method": self.method,
            "warnings": list(self.warnings),
        }


# --------------------------------------------------------------------------------------------
# Two lists


def _lognormal_interval(observed: float, total: float, variance: float) -> tuple[float, float]:
    """Chao (1987): log-normal interval for the unseen part, so the bounds never fall below the
    number already seen and are skewed upwards like the estimator itself."""
    unseen = total - observed
    if unseen <= 0 or variance <= 0:
        return total, total
    c = math.exp(Z95 * math.sqrt(math.log(1.0 + variance / unseen**2)))
    return observed + unseen / c, observed + unseen * c


def _check_two_list_counts(n1: int, n2: int, m: int) -> None:
    for name, value in (("n1", n1), ("n2", n2), ("m", m)):
        if isinstance(value, bool) or int(value) != value or value < 0:
            raise EstimationInputError(f"{name} must be a non-negative whole number, got {value}")
    if m > min(n1, n2):
        raise EstimationInputError(
            f"m (on both lists) is {m}, more than a list's own total ({n1}, {n2})"
        )


def _two_list_warnings(n1: int, n2: int, m: int, names: tuple[str, str]) -> list[str]:
    notes = [
        "With two lists the independence of the lists cannot be checked; if being on one list "
        "makes being on the other more likely, the estimate is too low."
    ]
    if m < 5:
        notes.append(
            f"Lists {names[0]} and {names[1]} share only {m} people; the estimate is fragile."
        )
    return notes


def chapman(n1: int, n2: int, m: int, *, names: tuple[str, str] = ("1", "2")) -> Estimate:
    """Chapman's nearly unbiased two-list estimator.

    ``n1``, ``n2``: people on each list; ``m``: people on both. N = (n1+1)(n2+1)/(m+1) - 1,
    variance (n1+1)(n2+1)(n1-m)(n2-m) / ((m+1)^2 (m+2)) (Seber 1982), 95% interval log-normal
    on the unseen count (Chao 1987). Finite even when m = 0, but then warned about.
    """
    _check_two_list_counts(n1, n2, m)
    observed = n1 + n2 - m
    if observed == 0:
        raise EstimationInputError("both lists are empty: there is nothing to estimate")
    total = (n1 + 1) * (n2 + 1) / (m + 1) - 1
    variance = (n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m) / ((m + 1) ** 2 * (m + 2))
    method = (
        f"chapman: Chapman's estimator on lists {names[0]} and {names[1]}; Seber's variance; "
        "95% log-normal interval on the unseen count (Chao 1987)"
    )
    return _two_list_estimate(n1, n2, m, names, total=total, variance=variance, method=method)


def _two_list_estimate(
    n1: int,
    n2: int,
    m: int,
    names: tuple[str, str],
    *,
    total: float,
    variance: float,
    method: str,
) -> Estimate:
    observed = n1 + n2 - m
    low, high = _lognormal_interval(observed, total, variance)
    notes = _two_list_warnings(n1, n2, m, names)
    _add_size_warnings(notes, observed, total, low, high)
    return Estimate(
        estimate=total,
        ci_low=low,
        ci_high=high,
        observed=observed,
        model=f"{names[0]} + {names[1]}",
        method=method,
        warnings=tuple(notes),
    )


def lincoln_petersen(n1: int, n2: int, m: int, *, names: tuple[str, str] = ("1", "2")) -> Estimate:
    """The Lincoln-Petersen estimator N = n1 n2 / m with variance n1 n2 (n1-m)(n2-m) / m^3 and
    the same log-normal interval as ``chapman``. Biased upwards for small m; prefer
    ``chapman``. Raises ``EstimationInputError`` when m = 0 (the estimate is infinite)."""
    _check_two_list_counts(n1, n2, m)
    if m == 0:
        raise EstimationInputError(
            "no person is on both lists: the lists cannot be linked, and no estimate is possible"
        )
    total = n1 * n2 / m
    variance = n1 * n2 * (n1 - m) * (n2 - m) / m**3
    method = (
        f"lincoln_petersen: Lincoln-Petersen estimator on lists {names[0]} and {names[1]}; "
        "95% log-normal interval on the unseen count (Chao 1987)"
    )
    return _two_list_estimate(n1, n2, m, names, total=total, variance=variance, method=method)


# --------------------------------------------------------------------------------------------
# Log-linear models


@dataclass(frozen=True)
class LoglinearFit:
    """A fitted Poisson log-linear model on the observed cells.

    ``interactions`` are pairs of list indices; ``unobserved`` is exp(intercept), the expected
    count on no list, and ``estimate`` = observed + unobserved. ``valid`` is False (with
    ``reason``) when the model is not supported by the data: an interaction whose two lists
    share fewer than ``min_overlap`` people, no convergence, an infinite or boundary estimate,
    or a model that is not identifiable. Only valid fits take part in selection.
    """

    interactions: tuple[Pair, ...]
    valid: bool
    reason: str
    unobserved: float = math.nan
    estimate: float = math.nan
    se_log_unobserved: float = math.nan
    loglik: float = math.nan
    deviance: float = math.nan
    df: int = 0
    n_params: int = 0
    aic: float = math.inf
    bic: float = math.inf
    params: tuple[float, ...] = ()

    def score(self, criterion: Criterion) -> float:
        return self.aic if criterion == "aic" else self.bic


def model_label(lists: Sequence[str], interactions: Sequence[Pair]) -> str:
    """Readable hierarchical model: interactions as ``A*B``, lists in no interaction alone,
    joined with `` + ``; the independence model reads ``A + B + C``."""
    terms = [f"{lists[i]}*{lists[j]}" for i, j in sorted(interactions)]
    used = {i for pair in interactions for i in pair}
    terms += [name for i, name in enumerate(lists) if i not in used]
    return " + ".join(terms)


def _condition(info: np.ndarray) -> np.ndarray:
    """Condition numbers of a stack of information matrices; inf where not computable."""
    result = np.full(len(info), np.inf)
    finite = np.isfinite(info).all(axis=(1, 2))
    if finite.any():
        # An SVD that fails leaves inf: treated as not identifiable.
        with np.errstate(all="ignore"), contextlib.suppress(np.linalg.LinAlgError):
            result[finite] = np.linalg.cond(info[finite])
    result[~np.isfinite(result)] = np.inf
    return result


def _cells(k: int) -> np.ndarray:
    return np.array([h for h in itertools.product((0, 1), repeat=k) if any(h)], dtype=float)


def _design(cells: np.ndarray, interactions: Sequence[Pair]) -> np.ndarray:
    columns = [np.ones(len(cells)), *cells.T]
    columns += [cells[:, i] * cells[:, j] for i, j in interactions]
    return np.column_stack(columns)


def _counts(histories: Histories) -> np.ndarray:
    return np.array([histories.count(h) for h in histories.all_histories()], dtype=float)


def _lgamma_sum(y: np.ndarray) -> float:
    return float(sum(math.lgamma(v + 1.0) for v in y))


def _finish_fit(
    interactions: tuple[Pair, ...],
    x: np.ndarray,
    y: np.ndarray,
    beta: np.ndarray,
    converged: bool,
    observed: float,
) -> LoglinearFit:
    """Checks shared by the statsmodels fit and the fast refits in the bootstrap."""
    if not converged or not np.all(np.isfinite(beta)):
        return LoglinearFit(interactions, False, "the fit did not converge")
    if np.max(np.abs(beta)) > _MAX_ABS_COEF:
        return LoglinearFit(
            interactions, False, "the likelihood is maximised on the boundary (estimate absent)"
        )
    eta = x @ beta
    mu = np.exp(eta)
    if np.min(mu) < 1e-8:
        return LoglinearFit(
            interactions, False, "a cell is fitted as zero (the estimate is on the boundary)"
        )
    info = (x.T * mu) @ x
    if not _condition(info[None])[0] <= _MAX_CONDITION:
        return LoglinearFit(interactions, False, "the model is not identifiable from these data")
    unobserved = math.exp(beta[0])
    if not math.isfinite(unobserved):
        return LoglinearFit(interactions, False, "the estimate is not finite")
    covariance = np.linalg.pinv(info)
    positive = y > 0
    loglik = float(np.sum(y * eta - mu)) - _lgamma_sum(y)
    deviance = float(
        2.0 * np.sum(y[positive] * np.log(y[positive] / mu[positive])) - 2.0 * np.sum(y - mu)
    )
    p = x.shape[1]
    return LoglinearFit(
        interactions=interactions,
        valid=True,
        reason="",
        unobserved=unobserved,
        estimate=observed + unobserved,
        se_log_unobserved=math.sqrt(max(covariance[0, 0], 0.0)),
        loglik=loglik,
        deviance=max(deviance, 0.0),
        df=len(y) - p,
        n_params=p,
        aic=2.0 * p - 2.0 * loglik,
        bic=p * math.log(max(observed, 2.0)) - 2.0 * loglik,
        params=tuple(float(b) for b in beta),
    )


def _unsupported(histories: Histories, interactions: Sequence[Pair], min_overlap: int) -> str:
    for i, j in interactions:
        shared = histories.overlap(i, j)
        if shared < min_overlap:
            return (
                f"lists {histories.lists[i]} and {histories.lists[j]} share {shared} people, "
                f"too few to estimate their interaction"
            )
    return ""


def fit_loglinear(
    histories: Histories, interactions: Sequence[Pair] = (), *, min_overlap: int = 1
) -> LoglinearFit:
    """Fit one Poisson log-linear model (statsmodels GLM) with main effects for every list and
    the given two-list interactions (pairs of list indices, i < j).

    Never raises for unsupported models: it returns ``valid=False`` with a reason, so a search
    can skip them (Silverman 2014: interactions between lists that barely overlap are dropped).
    AIC = 2p - 2 log L; BIC = p log(observed) - 2 log L, with the full Poisson log-likelihood.
    """
    import statsmodels.api as sm
    from statsmodels.tools.sm_exceptions import ConvergenceWarning

    pairs = tuple(sorted((min(i, j), max(i, j)) for i, j in interactions))
    if len(pairs) != len(set(pairs)) or any(i == j or j >= histories.k for i, j in pairs):
        raise ValueError(f"interactions must be distinct pairs of list indices, got {pairs}")
    reason = _unsupported(histories, pairs, min_overlap)
    if reason:
        return LoglinearFit(pairs, False, reason)
    cells = _cells(histories.k)
    x = _design(cells, pairs)
    y = _counts(histories)
    if x.shape[1] > len(y):
        return LoglinearFit(pairs, False, "the model has more parameters than cells")
    with pywarnings.catch_warnings():
        # No convergence means "not supported". "Perfect prediction" is normal for a saturated
        # model (it fits every cell exactly); boundary fits are caught by _finish_fit instead.
        pywarnings.simplefilter("ignore")  # rank deficiency etc. are judged by _finish_fit
        pywarnings.simplefilter("error", ConvergenceWarning)
        try:
            result = sm.GLM(y, x, family=sm.families.Poisson()).fit(maxiter=100)
        except Exception:  # any failure inside statsmodels means: this model is not usable
            return LoglinearFit(pairs, False, "the fit did not converge")
        converged = bool(getattr(result, "converged", True))
        beta = np.asarray(result.params, dtype=float)
    return _finish_fit(pairs, x, y, beta, converged, float(histories.observed))


def _newton_poisson(
    x: np.ndarray, y: np.ndarray, beta: np.ndarray, *, max_iter: int = 60
) -> tuple[np.ndarray, np.ndarray]:
    """Poisson maximum likelihood by Newton's method with step halving, for many tables at
    once: ``y`` is (tables x cells), ``beta`` the starting coefficients. Returns the
    coefficients (tables x parameters) and which tables converged.

    Used for the thousands of refits in the bootstrap, where statsmodels' per-call overhead
    would dominate; it reaches the same optimum as statsmodels (checked in the tests).
    """
    n = y.shape[0]
    beta = np.tile(np.asarray(beta, dtype=float), (n, 1))
    ridge = 1e-9 * np.eye(x.shape[1])  # keeps a near-singular step solvable; negligible otherwise

    def loglik(b: np.ndarray, counts: np.ndarray) -> np.ndarray:
        eta = np.minimum(b @ x.T, 50.0)
        return np.sum(counts * eta - np.exp(eta), axis=1)

    current = loglik(beta, y)
    converged = np.zeros(n, dtype=bool)
    for _ in range(max_iter):
        active = np.flatnonzero(~converged)
        if len(active) == 0:
            break
        b, counts, before = beta[active], y[active], current[active]
        mu = np.exp(np.minimum(b @ x.T, 50.0))
        gradient = (counts - mu) @ x
        info = np.einsum("bc,cp,cq->bpq", mu, x, x) + ridge
        try:
            step = np.linalg.solve(info, gradient[..., None])[..., 0]
        except np.linalg.LinAlgError:
            # One singular matrix fails the whole batched solve; the pseudo-inverse does not.
            step = (np.linalg.pinv(info) @ gradient[..., None])[..., 0]
        step[~np.isfinite(step)] = 0.0
        scale = np.ones(len(active))
        for _ in range(30):
            candidate = b + scale[:, None] * step
            value = loglik(candidate, counts)
            worse = value < before - 1e-9
            if not worse.any():
                break
            scale[worse] /= 2.0
        moved = np.max(np.abs(scale[:, None] * step), axis=1)
        beta[active] = candidate
        current[active] = value
        done = (
            (moved < 1e-8)
            | (np.abs(value - before) < 1e-10 * (1.0 + np.abs(value)))
            # diverging towards a boundary: stop, the validity checks will reject it
            | (np.max(np.abs(candidate), axis=1) > 2 * _MAX_ABS_COEF)
        )
        converged[active[done]] = True
    return beta, converged


def _supported_pairs(histories: Histories, min_overlap: int) -> list[Pair]:
    return [
        (i, j)
        for i, j in itertools.combinations(range(histories.k), 2)
        if histories.overlap(i, j) >= min_overlap
    ]


def search_models(
    histories: Histories,
    *,
    criterion: Criterion = "aic",
    max_models: int = 1024,
    min_overlap: int = 1,
) -> list[LoglinearFit]:
    """Fit hierarchical two-list-interaction models and rank them.

    Interactions between lists sharing fewer than ``min_overlap`` people are never tried. When
    all subsets of the remaining interactions number at most ``max_models`` (k <= 5 with the
    default), every subset is fitted; otherwise a forward stepwise search from the
    independence model adds, at each step, the interaction that lowers the criterion most, and
    stops when none does. Returns every fitted model, valid ones first by criterion.
    """
    if criterion not in ("aic", "bic"):
        raise ValueError(f"criterion must be 'aic' or 'bic', got {criterion!r}")
    pairs = _supported_pairs(histories, min_overlap)
    fits: dict[tuple[Pair, ...], LoglinearFit] = {}

    def fit(model: tuple[Pair, ...]) -> LoglinearFit:
        if model not in fits:
            fits[model] = fit_loglinear(histories, model, min_overlap=min_overlap)
        return fits[model]

    if 2 ** len(pairs) <= max_models:
        for size in range(len(pairs) + 1):
            for model in itertools.combinations(pairs, size):
                fit(model)
    else:
        current: tuple[Pair, ...] = ()
        best = fit(current)
        while True:
            options = [
                fit(tuple(sorted((*current, pair)))) for pair in pairs if pair not in current
            ]
            options = [f for f in options if f.valid]
            if not options:
                break
            challenger = min(options, key=lambda f: f.score(criterion))
            if best.valid and challenger.score(criterion) >= best.score(criterion):
                break
            current, best = challenger.interactions, challenger
            if len(fits) >= max_models:
                break
    ordered = sorted(
        fits.values(),
        key=lambda f: (not f.valid, f.score(criterion), len(f.interactions)),
    )
    return ordered


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
    cells = _cells(histories.k)
    mu = np.exp(_design(cells, generator.interactions) @ np.array(generator.params))
    y = rng.poisson(mu, size=(replicates, len(mu))).astype(float)
    observed = y.sum(axis=1)
    lgamma = np.array([_lgamma_sum(row) for row in y])
    log_m = np.log(np.maximum(observed, 2.0))
    scores = np.full((len(candidates), replicates), np.inf)
    unseen = np.full((len(candidates), replicates), np.nan)
    for c, fit in enumerate(candidates):
        x = _design(cells, fit.interactions)
        ok = observed > 0
        for i, j in fit.interactions:
            ok &= y @ (cells[:, i] * cells[:, j]) >= min_overlap
        if not ok.any():
            continue
        rows = np.flatnonzero(ok)
        beta, converged = _newton_poisson(x, y[rows], np.array(fit.params))
        eta = beta @ x.T
        fitted = np.exp(np.minimum(eta, 50.0))
        cond = _condition(np.einsum("bc,cp,cq->bpq", fitted, x, x))
        good = (
            converged
            & (np.max(np.abs(beta), axis=1) <= _MAX_ABS_COEF)
            & (np.min(fitted, axis=1) >= 1e-8)
            & (cond <= _MAX_CONDITION)
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


def _add_size_warnings(
    notes: list[str], observed: float, total: float, low: float, high: float
) -> None:
    unseen = total - observed
    if observed > 0 and unseen > 10 * observed:
        notes.append(
            f"The estimated unseen count ({unseen:,.0f}) is more than ten times the number "
            f"observed ({observed:,.0f}); the lists probably capture only a small, special part "
            "of the population."
        )
    if observed > 0 and (not math.isfinite(high) or high - low > 5 * observed):
        notes.append(
            "The 95% interval is more than five times as wide as the number observed; the "
            "estimate is very uncertain."
        )


def _overlap_warnings(histories: Histories) -> list[str]:
    notes = []
    thin = [
        f"{histories.lists[i]} & {histories.lists[j]} ({histories.overlap(i, j)})"
        for i, j in itertools.combinations(range(histories.k), 2)
        if histories.overlap(i, j) < 5
    ]
    if thin:
        shown = ", ".join(thin[:6]) + (f" and {len(thin) - 6} more" if len(thin) > 6 else "")
        notes.append(
            f"Some lists barely overlap: {shown} people in common; interactions between "
            "them cannot be checked, and with no overlap they are left out."
        )
    several = histories.on_several_lists()
    if several < 20 or several < 0.05 * histories.observed:
        notes.append(
            f"Only {several} of {histories.observed} people ({several / histories.observed:.0%}) "
            "are on more than one list; the estimate rests on very few links."
        )
    return notes


def _model_warnings(
    histories: Histories, valid: Sequence[LoglinearFit], criterion: Criterion
) -> list[str]:
    from scipy.stats import chi2

    notes = []
    best = valid[0]
    if len(valid) > 1:
        runner = valid[1]
        a, b = best.estimate, runner.estimate
        if min(a, b) > 0 and abs(a - b) / min(a, b) > 0.5:
            first = model_label(histories.lists, best.interactions)
            second = model_label(histories.lists, runner.interactions)
            notes.append(
                f"The estimate is unstable: the best model ({first}) gives {a:,.0f} and the "
                f"runner-up ({second}) {b:,.0f}."
            )
    n_pairs = histories.k * (histories.k - 1) // 2
    if len(best.interactions) >= 2 and len(best.interactions) * 2 >= n_pairs:
        notes.append(
            f"The chosen model needs {len(best.interactions)} of {n_pairs} possible two-list "
            "interactions; strong dependence between lists or heterogeneity in who gets listed "
            "is likely, which log-linear models capture only in part: treat the estimate with "
            "caution."
        )
    if best.df > 0 and chi2.sf(best.deviance, best.df) < 0.01:
        notes.append(
            f"Even the best model fits poorly (deviance {best.deviance:.1f} on {best.df} "
            "degrees of freedom), which points to heterogeneity or dependence the models do "
            "not capture."
        )
    if best.df == 0:
        notes.append(
            "The chosen model uses every degree of freedom in the table, so its fit cannot be "
            "checked."
        )
    return notes


# --------------------------------------------------------------------------------------------
# Entry points


def _ordered_interval(
    total: float, low: float, high: float, observed: float
) -> tuple[float, float]:
    # The number observed is a hard lower bound; the point estimate must lie inside.
    low = max(min(low, total), observed)
    high = max(high, total)
    return low, high


def _wald_interval(fit: LoglinearFit, observed: int) -> tuple[float, float]:
    """Log-normal interval from one model's variance. The Poisson GLM variance of the fitted
    unseen count misses the Poisson variation of the unseen count itself; adding it (+ z0)
    gives the classical multinomial variance (for two lists exactly Lincoln-Petersen's)."""
    unseen = fit.unobserved
    variance = (unseen * fit.se_log_unobserved) ** 2 + unseen
    return _lognormal_interval(observed, observed + unseen, variance)


def fixed_model_estimate(
    histories: Histories, interactions: Sequence[Pair] = (), *, min_overlap: int = 1
) -> Estimate:
    """Estimate under one given log-linear model (``()`` = independence of all lists), with a
    log-normal interval from the model's variance (model uncertainty ignored). Raises
    ``EstimationInputError`` when the model is not supported by the data."""
    check_linkable(histories)
    fit = fit_loglinear(histories, interactions, min_overlap=min_overlap)
    if not fit.valid:
        raise EstimationInputError(
            f"model {model_label(histories.lists, interactions)}: {fit.reason}"
        )
    observed = histories.observed
    low, high = _wald_interval(fit, observed)
    low, high = _ordered_interval(fit.estimate, low, high, observed)
    notes = _overlap_warnings(histories)
    _add_size_warnings(notes, observed, fit.estimate, low, high)
    return Estimate(
        estimate=fit.estimate,
        ci_low=low,
        ci_high=high,
        observed=observed,
        model=model_label(histories.lists, fit.interactions),
        method=(
            "loglinear: one fixed Poisson log-linear model (statsmodels GLM); 95% interval: "
            "log-normal (Chao 1987) from the model's variance, model uncertainty ignored"
        ),
        warnings=tuple(notes),
        models=_summaries(histories, [fit], [1.0]),
    )


def _chapman_on_first_two(histories: Histories) -> Estimate:
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
        f"Only lists {two.lists[0]} and {two.lists[1]} were used; the other lists were ignored "
        "except for counting who was seen."
    )
    total = result.estimate
    if total < observed:
        notes.append(
            f"Chapman's estimate ({total:,.0f}) is below the number seen on any list; it was "
            f"raised to {observed}."
        )
        total = float(observed)
    low, high = _ordered_interval(total, result.ci_low, result.ci_high, observed)
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
            f"column {empty[0]!r}: no one is on list {empty[0]}; remove the column or check "
            "the linkage"
        )
    if method == "auto":
        method = "chapman" if histories.k == 2 else "loglinear"
    if method == "chapman":
        return _chapman_on_first_two(histories)
    if histories.k < 3:
        raise EstimationInputError(
            "log-linear models need at least three lists; with two lists use Chapman's estimator"
        )

    fits = search_models(
        histories, criterion=criterion, max_models=max_models, min_overlap=min_overlap
    )
    valid = [f for f in fits if f.valid]
    if not valid:
        raise EstimationInputError(
            "no log-linear model could be fitted to this table: "
            + (fits[0].reason if fits else "no model was tried")
        )
    weights = _weights(valid, criterion)
    observed = histories.observed
    total = sum(w * f.estimate for w, f in zip(weights, valid, strict=True))
    best = valid[0]
    label = model_label(histories.lists, best.interactions)
    averaged = sum(1 for w in weights if w > 0)
    name = criterion.upper()
    exhaustive = 2 ** len(_supported_pairs(histories, min_overlap)) <= max_models
    search = "all subsets" if exhaustive else "forward stepwise search"
    description = (
        f"loglinear: Poisson log-linear models (statsmodels GLM), {search} of two-list "
        f"interactions ranked by {name}; estimate averaged over {averaged} model(s) within "
        f"{name} {_DELTA:g} of the best"
    )
    notes = _overlap_warnings(histories) + _model_warnings(histories, valid, criterion)

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
        else:
            low, high = float(observed), math.inf
            notes.append(
                "The bootstrap failed too often to give an interval; the upper bound is unknown."
            )
        if 0 < len(ok) < 0.9 * bootstrap:
            notes.append(
                f"{bootstrap - len(ok)} of {bootstrap} bootstrap tables could not be fitted; the "
                "interval may be too narrow."
            )
        description += (
            f"; 95% interval: parametric bootstrap percentile ({bootstrap} replicates, seed "
            f"{seed}, model re-selected among the {len(candidates)} best models each time)"
        )
    else:
        low, high = _wald_interval(best, observed)
        description += (
            "; 95% interval: log-normal (Chao 1987) from the best model's variance, model "
            "uncertainty ignored"
        )
    low, high = _ordered_interval(total, low, high, observed)
    _add_size_warnings(notes, observed, total, low, high)
    return Estimate(
        estimate=total,
        ci_low=low,
        ci_high=high,
        observed=observed,
        model=label,
        method=description,
        warnings=tuple(notes),
        models=_summaries(histories, valid, weights),
    )
