"""From lists of records to capture histories of people, through identity groups.

A list is the set of records (registrations) it saw; identity groups say which records
are one person. A person's capture history is the set of lists any of their records is on.
Missed links split a person in two (each half on fewer lists: fewer overlaps, a higher
estimate); false links join two people (more overlap, a lower estimate). So an estimate is
computed at the strict, chosen and loose cut-offs of the identity groups and shown as a band.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from waypoint.estimation.histories import EstimationInputError, Histories
from waypoint.estimation.mse import Estimate, estimate
from waypoint.estimation.notes import gettext as _
from waypoint.estimation.strata import StratifiedEstimate, stratified_estimate

Key = TypeVar("Key", bound=Hashable)


def histories_from_lists(
    lists: Mapping[str, Iterable[Key]],
    *,
    group_of: Mapping[Key, Key] | None = None,
) -> Histories:
    """The capture histories of the people on ``lists`` (name -> records on it).

    ``group_of`` maps a record to its identity group; a record not in it is a person of its
    own. Lists keep the order given. ``EstimationInputError`` for fewer than two lists or
    no one on any list.
    """
    names = list(lists)
    if len(names) < 2:
        raise EstimationInputError(_("at least two lists are needed"))
    group_of = group_of or {}
    seen: dict[Key, set[int]] = {}
    for position, name in enumerate(names):
        for record in lists[name]:
            seen.setdefault(group_of.get(record, record), set()).add(position)
    if not seen:
        raise EstimationInputError(_("no one is on any of the lists"))
    counts = Counter(
        tuple(1 if position in positions else 0 for position in range(len(names)))
        for positions in seen.values()
    )
    return Histories(tuple(names), dict(counts))


def histories_by_stratum(
    lists: Mapping[str, Iterable[Key]],
    *,
    group_of: Mapping[Key, Key],
    stratum_of: Mapping[Key, str],
) -> dict[str, Histories]:
    """The capture histories of each stratum: a person falls in the stratum of their
    identity group (``stratum_of`` maps a group, or a record alone, to its stratum label;
    missing means "unknown"). Every stratum keeps all lists, even one nobody in it is on;
    strata with nobody at all are left out."""
    frozen = {name: list(records) for name, records in lists.items()}
    labels = sorted(
        {stratum_of.get(group_of.get(r, r), "") for records in frozen.values() for r in records}
    )
    found: dict[str, Histories] = {}
    for label in labels:
        members = {
            name: [r for r in records if stratum_of.get(group_of.get(r, r), "") == label]
            for name, records in frozen.items()
        }
        found[label] = histories_from_lists(members, group_of=group_of)
    return found


Estimated = Estimate | StratifiedEstimate


@dataclass(frozen=True)
class Band:
    """An estimate at the chosen linkage cut-off, and at the stricter and looser ones."""

    chosen: Estimated
    strict: Estimated
    loose: Estimated

    @property
    def low(self) -> float:
        return min(self.chosen.ci_low, self.strict.ci_low, self.loose.ci_low)

    @property
    def high(self) -> float:
        return max(self.chosen.ci_high, self.strict.ci_high, self.loose.ci_high)

    def as_json(self) -> dict[str, Any]:
        def bound(value: float) -> float | None:
            return round(value, 1) if math.isfinite(value) else None

        return {
            **self.chosen.as_json(),
            "linkage": {
                "strict": self.strict.as_json(),
                "loose": self.loose.as_json(),
                "band_low": bound(self.low),
                "band_high": bound(self.high),
            },
        }


def linkage_band(
    lists: Mapping[str, Iterable[Key]],
    groupings: Mapping[str, Mapping[Key, Key]],
    *,
    stratum_of: Mapping[Key, str] | None = None,
    **options: Any,
) -> Band:
    """``estimate`` on the histories made with each of ``groupings`` ("strict", "chosen",
    "loose": record -> group), with the same ``options``; with ``stratum_of`` (record or
    group -> stratum label), a stratified estimate at each cut-off."""
    frozen = {name: list(records) for name, records in lists.items()}
    results: dict[str, Estimated] = {}
    for tier in ("chosen", "strict", "loose"):
        if stratum_of is None:
            results[tier] = estimate(
                histories_from_lists(frozen, group_of=groupings[tier]), **options
            )
        else:
            strata = histories_by_stratum(frozen, group_of=groupings[tier], stratum_of=stratum_of)
            results[tier] = stratified_estimate(strata, **options)
    return Band(results["chosen"], results["strict"], results["loose"])
