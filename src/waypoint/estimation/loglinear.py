"""Poisson log-linear models for three or more lists, and the search among them.

A model has main effects for every list plus a chosen set of two-list interactions, fitted to
the 2^k - 1 observed cells; the unseen count is exp(intercept).

What callers can rely on:

* ``fit_loglinear`` never raises for a model the data do not support: it returns a
  ``LoglinearFit`` with ``valid=False`` and a reason; bad options raise ``ValueError``.
* ``search_models`` returns every fitted model, valid ones first, best by the criterion first.
* ``observed_cells``, ``design_matrix``, ``newton_poisson``, ``log_factorial_sum``,
  ``condition_numbers``, ``supported_pairs`` and the two validity limits are shared with the
  bootstrap in ``mse``, which refits thousands of tables with the same checks.
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

from waypoint.estimation.histories import Histories
from waypoint.estimation.notes import Note

__all__ = [
    "Criterion",
    "LoglinearFit",
    "Pair",
    "fit_loglinear",
    "model_label",
    "model_terms",
    "search_models",
]

Pair = tuple[int, int]
Criterion = Literal["aic", "bic"]

# A coefficient this large means the likelihood is maximised on the boundary (an interaction
# or cell driven to zero), i.e. the maximum likelihood estimate does not really exist.
MAX_ABS_COEF = 25.0
# Fisher information this ill-conditioned means the model is not identifiable from the data.
MAX_CONDITION = 1e10


@dataclass(frozen=True)
class LoglinearFit:
    """A fitted Poisson log-linear model on the observed cells.

    ``interactions`` are pairs of list indices; ``unobserved`` is exp(intercept), the expected
    count on no list, and ``estimate`` = observed + unobserved. ``valid`` is False (with
    ``reason``) when the model is not supported by the data: an interaction whose two lists
    share fewer than ``min_overlap`` people, no convergence, an infinite or boundary estimate,
    or a model that is not identifiable (``reason`` is ``None`` for a valid fit). Only valid
    fits take part in selection.
    """

    interactions: tuple[Pair, ...]
    valid: bool
    reason: Note | None
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


def model_terms(lists: Sequence[str], interactions: Sequence[Pair]) -> tuple[tuple[str, ...], ...]:
    """A hierarchical model's terms by list name: the interactions as pairs, then every list
    in no interaction alone (the ``model`` parameter of a ``Note``)."""
    terms = [(lists[i], lists[j]) for i, j in sorted(interactions)]
    used = {i for pair in interactions for i in pair}
    return (*terms, *((name,) for i, name in enumerate(lists) if i not in used))


def model_label(lists: Sequence[str], interactions: Sequence[Pair]) -> str:
    """Readable hierarchical model: interactions as ``A*B``, lists in no interaction alone,
    joined with `` + ``; the independence model reads ``A + B + C``."""
    return " + ".join("*".join(term) for term in model_terms(lists, interactions))


def condition_numbers(info: np.ndarray) -> np.ndarray:
    """Condition numbers of a stack of information matrices; inf where not computable."""
    result = np.full(len(info), np.inf)
    finite = np.isfinite(info).all(axis=(1, 2))
    if finite.any():
        # An SVD that fails leaves inf: treated as not identifiable.
        with np.errstate(all="ignore"), contextlib.suppress(np.linalg.LinAlgError):
            result[finite] = np.linalg.cond(info[finite])
    result[~np.isfinite(result)] = np.inf
    return result


def observed_cells(k: int) -> np.ndarray:
    return np.array([h for h in itertools.product((0, 1), repeat=k) if any(h)], dtype=float)


def design_matrix(cells: np.ndarray, interactions: Sequence[Pair]) -> np.ndarray:
    columns = [np.ones(len(cells)), *cells.T]
    columns += [cells[:, i] * cells[:, j] for i, j in interactions]
    return np.column_stack(columns)


def _counts(histories: Histories) -> np.ndarray:
    return np.array([histories.count(h) for h in histories.all_histories()], dtype=float)


def log_factorial_sum(y: np.ndarray) -> float:
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
        return LoglinearFit(interactions, False, Note("reason.not_converged"))
    if np.max(np.abs(beta)) > MAX_ABS_COEF:
        return LoglinearFit(interactions, False, Note("reason.boundary"))
    eta = x @ beta
    mu = np.exp(eta)
    if np.min(mu) < 1e-8:
        return LoglinearFit(interactions, False, Note("reason.zero_cell"))
    info = (x.T * mu) @ x
    if not condition_numbers(info[None])[0] <= MAX_CONDITION:
        return LoglinearFit(interactions, False, Note("reason.not_identifiable"))
    unobserved = math.exp(beta[0])
    if not math.isfinite(unobserved):
        return LoglinearFit(interactions, False, Note("reason.not_finite"))
    covariance = np.linalg.pinv(info)
    positive = y > 0
    loglik = float(np.sum(y * eta - mu)) - log_factorial_sum(y)
    deviance = float(
        2.0 * np.sum(y[positive] * np.log(y[positive] / mu[positive])) - 2.0 * np.sum(y - mu)
    )
    p = x.shape[1]
    return LoglinearFit(
        interactions=interactions,
        valid=True,
        reason=None,
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


def _unsupported(
    histories: Histories, interactions: Sequence[Pair], min_overlap: int
) -> Note | None:
    for i, j in interactions:
        shared = histories.overlap(i, j)
        if shared < min_overlap:
            return Note(
                "reason.few_shared",
                {
                    "first_list": histories.lists[i],
                    "second_list": histories.lists[j],
                    "shared": shared,
                },
            )
    return None


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
    if reason is not None:
        return LoglinearFit(pairs, False, reason)
    cells = observed_cells(histories.k)
    x = design_matrix(cells, pairs)
    y = _counts(histories)
    if x.shape[1] > len(y):
        return LoglinearFit(pairs, False, Note("reason.too_many_parameters"))
    with pywarnings.catch_warnings():
        # No convergence means "not supported". "Perfect prediction" is normal for a saturated
        # model (it fits every cell exactly); boundary fits are caught by _finish_fit instead.
        pywarnings.simplefilter("ignore")  # rank deficiency etc. are judged by _finish_fit
        pywarnings.simplefilter("error", ConvergenceWarning)
        try:
            result = sm.GLM(y, x, family=sm.families.Poisson()).fit(maxiter=100)
        except Exception:  # any failure inside statsmodels means: this model is not usable
            return LoglinearFit(pairs, False, Note("reason.not_converged"))
        converged = bool(getattr(result, "converged", True))
        beta = np.asarray(result.params, dtype=float)
    return _finish_fit(pairs, x, y, beta, converged, float(histories.observed))


def newton_poisson(
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
            | (np.max(np.abs(candidate), axis=1) > 2 * MAX_ABS_COEF)
        )
        converged[active[done]] = True
    return beta, converged


def supported_pairs(histories: Histories, min_overlap: int) -> list[Pair]:
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
    pairs = supported_pairs(histories, min_overlap)
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
