"""Stratified multiple systems estimation: one estimate per stratum, and their sum.

When some groups of people (an area, a sex, an age band) are much easier to list than others,
a single estimate over everyone is biased, usually downwards: the lists look more alike than
they are for any one group. Estimating each stratum on its own and adding the results removes
the part of that bias that lies between strata, at the price of smaller tables.

What callers can rely on:

* ``stratified_estimate`` takes disjoint strata (every person in exactly one) over the same
  lists and returns a ``StratifiedEstimate``; bad data raise ``EstimationInputError`` with a
  one-line message, bad options ``ValueError`` (as ``mse.estimate`` does).
* ``estimate`` is the sum of the strata's estimates (plus the people seen in skipped strata),
  and ``observed <= ci_low <= estimate <= ci_high``; ``ci_high`` may be ``inf``.
* A stratum that cannot be estimated never vanishes: it is listed in ``skipped`` and named in
  the warnings.
* Results are deterministic for a given ``seed``, whatever the order of the strata.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

import numpy as np

from waypoint.estimation.histories import EstimationInputError, Histories
from waypoint.estimation.intervals import ordered_interval, rounded_for_json
from waypoint.estimation.loglinear import Criterion
from waypoint.estimation.mse import Estimate, estimate
from waypoint.estimation.notes import Note
from waypoint.estimation.notes import gettext as _

__all__ = [
    "SMALL_STRATUM",
    "SkippedStratum",
    "StratifiedEstimate",
    "strata_warnings",
    "stratified_estimate",
]

# Below this many people seen, a stratum's own estimate rests on a handful of links.
SMALL_STRATUM = 20


@dataclass(frozen=True)
class SkippedStratum:
    """A stratum that could not be estimated: its label, the people seen in it, and why (in
    English; ``note`` is the same reason as a ``Note`` when the error carried one)."""

    label: str
    observed: int
    reason: str
    note: Note | None = field(default=None, compare=False)


@dataclass(frozen=True)
class StratifiedEstimate:
    """A population-size estimate made stratum by stratum.

    ``strata`` maps each estimated stratum's label to its ``Estimate`` (in the order given);
    ``skipped`` lists the strata that could not be estimated. ``estimate``, ``ci_low``,
    ``ci_high`` and ``observed`` are for the whole population; ``method`` says how the total
    and its interval were made; ``warnings`` are short sentences for the reader (the strata's
    own warnings stay in their estimates); both are ``Note``, as in ``Estimate``.
    """

    strata: Mapping[str, Estimate] = field(repr=False)
    skipped: tuple[SkippedStratum, ...]
    estimate: float
    ci_low: float
    ci_high: float
    observed: int
    method: Note
    warnings: tuple[Note, ...] = ()

    def as_json(self) -> dict[str, object]:
        """The total's figures as in ``Estimate.as_json`` (one decimal, ``None`` for an
        infinite bound; method and warnings in English, and as notes), each estimated
        stratum's ``as_json()`` under ``strata`` and the skipped strata (label, observed,
        reason in English) under ``skipped``."""
        return {
            "estimate": rounded_for_json(self.estimate),
            "ci_low": rounded_for_json(self.ci_low),
            "ci_high": rounded_for_json(self.ci_high),
            "observed": int(self.observed),
            "method": self.method.english(),
            "warnings": [note.english() for note in self.warnings],
            "method_note": self.method.as_json(),
            "notes": [note.as_json() for note in self.warnings],
            "strata": {label: result.as_json() for label, result in self.strata.items()},
            "skipped": [
                {"label": s.label, "observed": int(s.observed), "reason": s.reason}
                for s in self.skipped
            ],
        }


def strata_warnings(
    strata: Mapping[str, Histories], *, min_observed: int = SMALL_STRATUM
) -> list[Note]:
    """Warnings about the strata themselves, one sentence each: strata with fewer than
    ``min_observed`` people seen, whose estimates rest on very few links."""
    small = [
        Note("fragment.stratum_seen", {"stratum": label, "observed": h.observed})
        for label, h in strata.items()
        if h.observed < min_observed
    ]
    if not small:
        return []
    return [Note("warning.strata.small", {"minimum": min_observed, "strata": small})]


def _stratum_seed(seed: int, label: str) -> int:
    # Each stratum's bootstrap needs its own random stream: with one shared seed the strata's
    # draws would move together and the total's interval would come out too wide. Deriving
    # it from the label keeps a stratum's result independent of the other strata and their order.
    sequence = np.random.SeedSequence([seed, zlib.crc32(label.encode("utf-8"))])
    return int(sequence.generate_state(1)[0])


def _check_same_lists(strata: Mapping[str, Histories]) -> None:
    if not strata:
        raise EstimationInputError(_("there are no strata to estimate"))
    first, reference = next(iter(strata.items()))
    for label, histories in strata.items():
        if histories.lists != reference.lists:
            raise EstimationInputError(
                _(
                    "stratum %(stratum)s has lists %(lists)s but stratum %(first)s has "
                    "%(first_lists)s; every stratum must use the same lists"
                )
                % {
                    "stratum": repr(label),
                    "lists": ", ".join(histories.lists),
                    "first": repr(first),
                    "first_lists": ", ".join(reference.lists),
                }
            )


def _summed_draws(estimates: Mapping[str, Estimate], seen_elsewhere: int) -> np.ndarray:
    # Strata are independent and each stratum's draws are independent replicates, so pairing
    # the i-th draw of every stratum is a draw of the total; strata with fewer fitted
    # replicates limit how many such totals there are.
    count = min(len(e.draws) for e in estimates.values())
    return sum(
        (np.asarray(e.draws[:count]) for e in estimates.values()),
        start=np.full(count, float(seen_elsewhere)),
    )


def stratified_estimate(
    strata: Mapping[str, Histories],
    *,
    method: Literal["auto", "chapman", "loglinear"] = "auto",
    criterion: Criterion = "aic",
    bootstrap: int = 500,
    seed: int = 0,
    max_models: int = 1024,
    min_overlap: int = 1,
    bootstrap_models: int = 16,
) -> StratifiedEstimate:
    """Estimate each stratum (label -> capture-history table over the same lists) with
    ``mse.estimate`` and the options given, and the total as the sum of the strata's estimates.

    The strata must be disjoint: each person in exactly one. Each stratum's bootstrap gets its
    own seed derived from ``seed`` and the stratum's label (its ``method`` names it), so the
    strata's draws are independent.

    The total's 95% interval: when every estimated stratum has bootstrap draws, the 2.5-97.5
    percentiles of the strata's draws added draw by draw; otherwise (two lists, no bootstrap,
    or a failed bootstrap) the sum of the strata's bounds, which is probably wider than it
    needs to be, and a warning says so. Either way it is clipped below at the number observed
    and widened, if need be, to contain the estimate.

    A stratum that cannot be estimated (``EstimationInputError``: too few people, no one on
    two lists, an empty list) is skipped, not merged: its people count as seen, with no one
    unseen, so they are added to ``observed``, to the estimate and to both bounds; it is listed
    in ``skipped`` and a warning says the total is too low by its unseen part. Raises
    ``EstimationInputError`` when there are no strata, when they use different lists, or when
    no stratum can be estimated.
    """
    _check_same_lists(strata)
    estimates: dict[str, Estimate] = {}
    skipped: list[SkippedStratum] = []
    for label, histories in strata.items():
        try:
            estimates[label] = estimate(
                histories,
                method=method,
                criterion=criterion,
                bootstrap=bootstrap,
                seed=_stratum_seed(seed, label),
                max_models=max_models,
                min_overlap=min_overlap,
                bootstrap_models=bootstrap_models,
            )
        except EstimationInputError as error:
            reason = error.note.english() if error.note is not None else str(error)
            skipped.append(SkippedStratum(label, histories.observed, reason, error.note))
    if not estimates:
        first = skipped[0]
        raise EstimationInputError(
            _("no stratum could be estimated; stratum %(stratum)s: %(reason)s")
            % {
                "stratum": repr(first.label),
                "reason": first.note.text() if first.note is not None else first.reason,
            }
        )

    seen_in_skipped = sum(s.observed for s in skipped)
    observed = sum(e.observed for e in estimates.values()) + seen_in_skipped
    total = sum(e.estimate for e in estimates.values()) + seen_in_skipped
    notes = strata_warnings(strata)
    notes += [
        Note(
            "warning.strata.skipped",
            {"stratum": s.label, "observed": s.observed, "reason": s.note or s.reason},
        )
        for s in skipped
    ]
    counts: dict[str, int] = {"estimated": len(estimates)}
    if skipped:
        counts["skipped"] = len(skipped)
    without_draws = [label for label, e in estimates.items() if not e.draws]
    if without_draws:
        low = sum(e.ci_low for e in estimates.values()) + seen_in_skipped
        high = sum(e.ci_high for e in estimates.values()) + seen_in_skipped
        if len(without_draws) == len(estimates):
            notes.append(Note("warning.strata.no_draws"))
        else:
            notes.append(Note("warning.strata.some_without_draws", {"strata": without_draws}))
        how = Note("method.strata.bounds_skipped" if skipped else "method.strata.bounds", counts)
    else:
        totals = _summed_draws(estimates, seen_in_skipped)
        low, high = (float(v) for v in np.percentile(totals, [2.5, 97.5]))
        how = Note(
            "method.strata.draws_skipped" if skipped else "method.strata.draws",
            {**counts, "draws": len(totals)},
        )
    if not math.isfinite(high):
        notes.append(Note("warning.strata.upper_unknown"))
    others = [label for label, e in estimates.items() if e.warnings]
    if others:
        notes.append(Note("warning.strata.own_warnings", {"strata": others}))
    low, high = ordered_interval(total, low, high, observed)
    return StratifiedEstimate(
        strata=MappingProxyType(estimates),
        skipped=tuple(skipped),
        estimate=total,
        ci_low=low,
        ci_high=high,
        observed=observed,
        method=how,
        warnings=tuple(notes),
    )
