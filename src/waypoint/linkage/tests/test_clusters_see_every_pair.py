"""Clusters from scored pairs: the pairs blocking never compared are scored before two
clusters are joined, so a strong chain cannot glue two people together."""

from waypoint.linkage.clustering import COMPLETION_LIMIT, average_linkage, complete_pairs


def test_an_uncompared_pair_inside_a_candidate_cluster_is_scored() -> None:
    asked: list[tuple[int, int]] = []

    def score(pairs: list[tuple[int, int]]) -> list[float]:
        asked.extend(pairs)
        return [0.9 for _ in pairs]

    pairs = complete_pairs(4, [(0, 1, 0.99), (1, 2, 0.95), (3, 3, 1.0)], 0.5, score)
    assert asked == [(0, 2)]
    assert (0, 2, 0.9) in pairs
    assert average_linkage(4, pairs, 0.8) == [0, 0, 0, 3]


def test_a_chain_whose_ends_differ_is_not_one_person() -> None:
    pairs = complete_pairs(3, [(0, 1, 0.99), (1, 2, 0.97)], 0.5, lambda found: [0.0] * len(found))
    assert average_linkage(3, pairs, 0.8) == [0, 0, 2]


def test_clusters_past_the_limit_are_left_as_scored() -> None:
    size = COMPLETION_LIMIT + 1
    chain = [(index, index + 1, 0.99) for index in range(size - 1)]

    def refuse(found: list[tuple[int, int]]) -> list[float]:
        raise AssertionError("a cluster past the limit must not be completed")

    assert len(complete_pairs(size, chain, 0.5, refuse)) == size - 1
