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
from waypoint.estimation.notes import Note
from waypoint.estimation.notes import gettext as _

__all__ = ["chapman", "lincoln_petersen"]


def _check_two_list_counts(n1: int, n2: int, m: int) -> None:
    for name, value in (("n1", n1), ("n2", n2), ("m", m)):
        if isinstance(value, bool) or int(value) != value or value < 0:
            raise EstimationInputError(
                _("%(name)s must be a non-negative whole number, got %(value)s")
                % {"name": name, "value": value}
            )
    if m > min(n1, n2):
        raise EstimationInputError(
            _("m (on both lists) is %(m)s, more than a list's own total (%(n1)s, %(n2)s)")
            % {"m": m, "n1": n1, "n2": n2}
        )


def _two_lists(names: tuple[str, str]) -> dict[str, str]:
    return {"first_list": names[0], "second_list": names[1]}


def _two_list_warnings(n1: int, n2: int, m: int, names: tuple[str, str]) -> list[Note]:
    notes = [Note("warning.two_lists.independence")]
    if m < 5:
        notes.append(Note("warning.two_lists.few_shared", {**_two_lists(names), "shared": m}))
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
        raise EstimationInputError(_("both lists are empty: there is nothing to estimate"))
    total = (n1 + 1) * (n2 + 1) / (m + 1) - 1
    variance = (n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m) / ((m + 1) ** 2 * (m + 2))
    method = Note("method.chapman", _two_lists(names))
    return _two_list_estimate(n1, n2, m, names, total=total, variance=variance, method=method)


def _two_list_estimate(
    n1: int,
    n2: int,
    m: int,
    names: tuple[str, str],
    *,
    total: float,
    variance: float,
    method: Note,
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
            _("no person is on both lists: the lists cannot be linked, and no estimate is possible")
        )
    total = n1 * n2 / m
    variance = n1 * n2 * (n1 - m) * (n2 - m) / m**3
    method = Note("method.lincoln_petersen", _two_lists(names))
    return _two_list_estimate(n1, n2, m, names, total=total, variance=variance, method=method)
