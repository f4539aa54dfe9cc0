"""The 95% interval pieces shared by the estimators in ``two_lists``, ``mse`` and ``strata``.

What callers can rely on: every function here is pure arithmetic on floats; none raises for
counts that a ``Histories`` can hold.
"""

from __future__ import annotations

import math

from waypoint.estimation.notes import Note

__all__ = [
    "Z95",
    "add_size_warnings",
    "lognormal_interval",
    "ordered_interval",
    "rounded_for_json",
]

Z95 = 1.959963984540054


def lognormal_interval(observed: float, total: float, variance: float) -> tuple[float, float]:
    """Chao (1987): log-normal interval for the unseen part, so the bounds never fall below the
    number already seen and are skewed upwards like the estimator itself."""
    unseen = total - observed
    if unseen <= 0 or variance <= 0:
        return total, total
    c = math.exp(Z95 * math.sqrt(math.log(1.0 + variance / unseen**2)))
    return observed + unseen / c, observed + unseen * c


def ordered_interval(total: float, low: float, high: float, observed: float) -> tuple[float, float]:
    """The interval clipped below at ``observed`` and widened, if need be, to contain
    ``total``: the number observed is a hard lower bound; the point estimate must lie inside."""
    low = max(min(low, total), observed)
    high = max(high, total)
    return low, high


def add_size_warnings(
    notes: list[Note], observed: float, total: float, low: float, high: float
) -> None:
    """Append to ``notes`` the warnings about a very large unseen count or a very wide
    interval."""
    unseen = total - observed
    if observed > 0 and unseen > 10 * observed:
        notes.append(Note("warning.size.unseen_large", {"unseen": unseen, "observed": observed}))
    if observed > 0 and (not math.isfinite(high) or high - low > 5 * observed):
        notes.append(Note("warning.size.interval_wide"))


def rounded_for_json(value: float) -> float | None:
    """A figure for an API or report: rounded to one decimal, ``None`` when infinite (an
    unknown bound)."""
    return round(value, 1) if math.isfinite(value) else None
