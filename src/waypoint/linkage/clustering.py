"""Records into clusters: average linkage over pairs whose scores are all known.

Blocking scores only the pairs that some rule compares, so two records of one candidate
cluster may never have been compared (A and B share a name, B and C a date). Counting such
a pair as 0, as average linkage over blocked pairs alone must, splits true clusters of
three or more registrations; counting it as a match lets one strong chain glue two people
together. ``complete_pairs`` scores the missing pairs of every candidate cluster (records
joined by a chain of pairs at the loosest cut-off in use, up to ``COMPLETION_LIMIT``
records) with the same model, so average linkage sees every pair it weighs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import combinations
from typing import Any

from waypoint.linkage.outcome import weight_of

# Candidate clusters larger than this (chains of namesakes through a placeholder date) are
# not completed: their unscored pairs count as 0, as before.
COMPLETION_LIMIT = 60
# Match weights (log2 odds) are clipped to this many bits either way when clusters are
# averaged: beyond it, a pair is certain enough either way.
WEIGHT_CLIP = 10.0

Pair = tuple[int, int, float]


def components(count: int, pairs: Sequence[tuple[Any, Any, Any]], cutoff: float) -> list[int]:
    """Each record's connected component (its smallest member) over pairs >= ``cutoff``."""
    parent = list(range(count))

    def root(record: int) -> int:
        while parent[record] != record:
            parent[record] = parent[parent[record]]
            record = parent[record]
        return record

    for one, other, probability in pairs:
        if float(probability) >= cutoff:
            first, second = root(int(one)), root(int(other))
            if first != second:
                parent[max(first, second)] = min(first, second)
    return [root(record) for record in range(count)]


def complete_pairs(
    count: int,
    pairs: Sequence[tuple[Any, Any, Any]],
    cutoff: float,
    score: Callable[[list[tuple[int, int]]], list[float]],
) -> list[Pair]:
    """``pairs`` and, for every component at ``cutoff`` of three to ``COMPLETION_LIMIT``
    records, the scores of its pairs that were not compared (``score`` gives them)."""
    known: dict[tuple[int, int], float] = {}
    for one, other, probability in pairs:
        first, second = sorted((int(one), int(other)))
        if first != second:
            known[(first, second)] = float(probability)
    members: dict[int, list[int]] = {}
    component_of = components(count, pairs, cutoff)
    for record in {record for pair in known for record in pair}:
        members.setdefault(component_of[record], []).append(record)
    missing = [
        pair
        for group in members.values()
        if 3 <= len(group) <= COMPLETION_LIMIT
        for pair in combinations(sorted(group), 2)
        if pair not in known
    ]
    if missing:
        known.update(zip(missing, score(missing), strict=True))
    return [(first, second, probability) for (first, second), probability in known.items()]


def clusters_at(
    count: int, pairs: Sequence[Pair], thresholds: Mapping[str, float]
) -> dict[str, list[int]]:
    """``average_linkage`` at several cut-offs over one set of pairs."""
    return {name: average_linkage(count, pairs, cut) for name, cut in thresholds.items()}


def average_linkage(
    count: int, pairs: Sequence[tuple[Any, Any, Any]], threshold: float
) -> list[int]:
    """Each record's cluster, named by its first record: pairs are joined strongest
    first, and two clusters only when the match weights of all their pairs average at
    least the threshold's weight. Weights are clipped to ``WEIGHT_CLIP`` bits either
    way, and a pair not scored counts as ``-WEIGHT_CLIP``.

    Plain connected components would let a chain of namesakes (A like B, B like C) pull
    people into one cluster who were never matched to each other: A against C weighs
    against. Averaging weights rather than probabilities keeps one doubtful pair among
    many certain ones (a typo in a date of birth) from splitting a person's records.
    """
    cut = weight_of(threshold)
    weights: dict[tuple[int, int], float] = {}
    neighbours: dict[int, dict[int, float]] = {}
    for one, other, probability in pairs:
        first, second = sorted((int(one), int(other)))
        if first == second:
            continue
        weight = max(min(weight_of(float(probability)), WEIGHT_CLIP), -WEIGHT_CLIP)
        weights[(first, second)] = weight
        neighbours.setdefault(first, {})[second] = weight
        neighbours.setdefault(second, {})[first] = weight
    members: dict[int, list[int]] = {}
    cluster_of = list(range(count))
    for (first, second), _ in sorted(weights.items(), key=lambda item: (-item[1], item[0])):
        left, right = cluster_of[first], cluster_of[second]
        if left == right:
            continue
        left_members = members.get(left, [left])
        right_members = members.get(right, [right])
        if len(left_members) <= len(right_members):
            smaller, other = left_members, right
        else:
            smaller, other = right_members, left
        scored = [
            weight
            for member in smaller
            for neighbour, weight in neighbours.get(member, {}).items()
            if cluster_of[neighbour] == other
        ]
        pairs_between = len(left_members) * len(right_members)
        unscored = pairs_between - len(scored)
        if (sum(scored) - WEIGHT_CLIP * unscored) / pairs_between < cut:
            continue
        keep, gone = min(left, right), max(left, right)
        merged = left_members + right_members
        members[keep] = merged
        members.pop(gone, None)
        for member in merged:
            cluster_of[member] = keep
    return cluster_of
