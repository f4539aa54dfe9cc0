"""What a linkage run found, read as a person would check it: pure functions, plain data.

- the match-weight distribution of the compared pairs, and the cut-off that the model's
  own probabilities say gives the best F1 (``choose_threshold``);
- the number of unique people with a range: at the cut-off, at a stricter one and at a
  looser one (``STRICTER_BITS`` either side), so that a count is never read as exact;
- with a column of known answers (``--truth-column``): pairs-completeness (the share of
  true pairs that blocking compared at all), pairwise precision, recall and F1, and
  cluster purity (the share of records whose cluster's most common true person is theirs).

No database, no settings: the engine and ``waypoint link`` call these.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from itertools import combinations
from typing import Any

# The stricter and looser cut-offs are this many bits of match weight either side of the
# chosen one: odds 8 times higher or lower (0.8 -> 0.97 and 0.33).
STRICTER_BITS = 3.0
# A cut-off chosen from the data stays within these bounds: below 0.2 the model would
# link pairs it thinks four times more likely different; above 0.99 a single field
# decides. (The best F1 of well-calibrated probabilities is reached at a cut-off of half
# that F1, so the best cut-off may well lie below 0.5.)
AUTO_LOWEST, AUTO_HIGHEST = 0.2, 0.99

# The prior learnt from the scores moves by at most this many bits from training's.
PRIOR_SHIFT_LIMIT = 8.0


@dataclass(frozen=True)
class WeightBin:
    """Compared pairs whose match weight lies in [low, low + 1)."""

    low: int
    pairs: int
    expected_matches: float  # the sum of the pairs' match probabilities


@dataclass(frozen=True)
class CountRange:
    """Unique people at the chosen cut-off and at a stricter and a looser one."""

    figure: int
    low: int  # at the looser cut-off: more links, fewer people
    high: int  # at the stricter cut-off
    threshold: float
    looser: float
    stricter: float


@dataclass(frozen=True)
class TruthCheck:
    true_pairs: int
    compared_true_pairs: int
    pairs_completeness: float
    precision: float
    recall: float
    f1: float
    cluster_purity: float | None  # deduplication only


def weight_of(probability: float) -> float:
    probability = min(max(probability, 1e-12), 1 - 1e-12)
    return math.log2(probability / (1 - probability))


def probability_at(weight: float) -> float:
    return 1 / (1 + 2.0 ** (-weight))


def stricter_and_looser(threshold: float) -> tuple[float, float]:
    weight = weight_of(threshold)
    return (
        round(probability_at(weight + STRICTER_BITS), 4),
        round(probability_at(weight - STRICTER_BITS), 4),
    )


def prior_shift(weights: Iterable[tuple[float, int]], prior: float, all_pairs: int) -> float:
    """How many bits to add to every match weight so that the prior agrees with the scores.

    Training estimates the prior (the share of all pairs that are one person) from a few
    exact rules and a guess of their recall; in a list where a third of the records are
    repeats it came out several times too low, and every probability with it. Here the
    prior is re-estimated as EM would: the expected number of matches (the sum of the
    compared pairs' probabilities under the prior) over all pairs, until it settles.
    ``weights`` are (match weight, how many compared pairs have it) under ``prior``;
    ``all_pairs`` counts every pair of the list, compared or not.
    """
    grouped = [(weight, count) for weight, count in weights if count]
    if not grouped or all_pairs <= 0 or not 0 < prior < 1:
        return 0.0
    start = weight_of(prior)
    shift = 0.0
    for _ in range(100):
        expected = sum(count * probability_at(weight + shift) for weight, count in grouped)
        share = min(max(expected / all_pairs, 1e-15), 0.5)
        moved = min(max(weight_of(share) - start, -PRIOR_SHIFT_LIMIT), PRIOR_SHIFT_LIMIT)
        if abs(moved - shift) < 1e-4:
            return moved
        shift = moved
    return shift


def choose_threshold(bins: Sequence[WeightBin], below_floor: float = 0.0) -> float:
    """The cut-off (a bin edge) with the best expected F1, from the model's probabilities.

    Taking the probabilities at their word, linking every pair from a bin up gives
    ``sum(expected matches)`` true links among ``sum(pairs)`` links, out of an expected
    total of matches over all compared pairs (``below_floor`` adds those not kept). The
    cut-off is kept between ``AUTO_LOWEST`` and ``AUTO_HIGHEST``.
    """
    total = sum(one.expected_matches for one in bins) + below_floor
    if total <= 0:
        return AUTO_HIGHEST
    best, best_f1 = AUTO_HIGHEST, -1.0
    linked = expected = 0.0
    for one in sorted(bins, key=lambda item: -item.low):
        linked += one.pairs
        expected += one.expected_matches
        cut = min(max(probability_at(one.low), AUTO_LOWEST), AUTO_HIGHEST)
        f1 = 2 * expected / (linked + total)
        if f1 > best_f1 + 1e-12:
            best, best_f1 = cut, f1
    return round(best, 4)


def expected_quality(
    bins: Sequence[WeightBin], threshold: float, below_floor: float = 0.0
) -> tuple[float, float]:
    """Precision and recall the model expects of itself at ``threshold``."""
    total = sum(one.expected_matches for one in bins) + below_floor
    kept = [one for one in bins if probability_at(one.low) >= threshold - 1e-9]
    linked = sum(one.pairs for one in kept)
    expected = sum(one.expected_matches for one in kept)
    return (expected / linked if linked else 1.0, expected / total if total else 1.0)


def histogram_lines(bins: Sequence[WeightBin], threshold: float, width: int = 40) -> list[str]:
    """The match-weight distribution as text: one line per bin, the cut-off marked."""
    if not bins:
        return []
    widest = max(one.pairs for one in bins)
    cut = weight_of(threshold)
    lines = []
    marked = False
    for one in sorted(bins, key=lambda item: -item.low):
        if not marked and one.low < cut:
            lines.append(f"{'-' * 16} cut-off {threshold:.2f} (weight {cut:+.1f}) {'-' * 16}")
            marked = True
        bar = "#" * max(1, round(width * math.sqrt(one.pairs / widest))) if one.pairs else ""
        lines.append(f"{one.low:+4d} .. {one.low + 1:+4d} {one.pairs:>10,} {bar}")
    return lines


def true_pairs_of(entities: Sequence[str]) -> int:
    """How many pairs of records share a true person (blank entities share nothing)."""
    sizes = Counter(entity for entity in entities if entity)
    return sum(size * (size - 1) // 2 for size in sizes.values())


def cluster_purity(clusters: Mapping[str, str], entity_of: Mapping[str, str]) -> float:
    """The share of records whose cluster's most common true person is their own."""
    members: dict[str, list[str]] = defaultdict(list)
    for record, cluster in clusters.items():
        members[cluster].append(entity_of.get(record, ""))
    pure = sum(Counter(group).most_common(1)[0][1] for group in members.values())
    return pure / len(clusters) if clusters else 1.0


def clustered_pairs(clusters: Mapping[str, str]) -> Iterable[tuple[str, str]]:
    members: dict[str, list[str]] = defaultdict(list)
    for record, cluster in clusters.items():
        members[cluster].append(record)
    for group in members.values():
        yield from combinations(sorted(group), 2)


def truth_check(
    *,
    linked: Iterable[tuple[str, str]],
    entity_of: Mapping[str, str],
    true_pairs: int,
    compared_true_pairs: int,
    clusters: Mapping[str, str] | None = None,
) -> TruthCheck:
    """Precision, recall, F1 of the linked pairs and pairs-completeness of blocking."""
    found = correct = 0
    for left, right in linked:
        found += 1
        entity = entity_of.get(left, "")
        correct += bool(entity) and entity == entity_of.get(right, "")
    precision = correct / found if found else 1.0
    recall = correct / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return TruthCheck(
        true_pairs=true_pairs,
        compared_true_pairs=compared_true_pairs,
        pairs_completeness=compared_true_pairs / true_pairs if true_pairs else 1.0,
        precision=precision,
        recall=recall,
        f1=f1,
        cluster_purity=None if clusters is None else cluster_purity(clusters, entity_of),
    )


def as_json(value: Any) -> Any:
    """A report value as plain JSON data (dataclasses become dicts)."""
    if hasattr(value, "__dataclass_fields__"):
        return {key: as_json(item) for key, item in asdict(value).items()}
    if isinstance(value, list | tuple):
        return [as_json(item) for item in value]
    if isinstance(value, dict):
        return {str(key): as_json(item) for key, item in value.items()}
    return value
