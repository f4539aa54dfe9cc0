"""Two-list capture-recapture: Chapman's and the Lincoln-Petersen estimator.

What callers can rely on:

* Both take plain integers (people on each list, people on both) and return an
  ``mse.Estimate`` with ``observed <= ci_low <= estimate <= ci_high``; impossible counts raise
  ``EstimationInputError`` with a one-line message.
* The interval is Chao's (1987) log-normal interval on the unseen count.
"""

from __future__ import annotations

from waypoint.estimation.histories import EstimationInputError
from waypoint.estimation.intervals import add_size_warnings, lognormal_interval
from waypoint.estimation.mse import Estimate

__all__ = ["chapman", "lincoln_petersen"]


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
    low, high = lognormal_interval(observed, total, variance)
    notes = _two_list_warnings(n1, n2, m, names)
    add_size_warnings(notes, observed, total, low, high)
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
