"""What a run found, as ``waypoint link`` reports it: pure functions over plain data."""

from waypoint.linkage.outcome import (
    AUTO_LOWEST,
    WeightBin,
    choose_threshold,
    cluster_purity,
    expected_quality,
    histogram_lines,
    stricter_and_looser,
    true_pairs_of,
    truth_check,
)


def test_the_cut_off_falls_between_the_matches_and_the_rest() -> None:
    bins = [
        WeightBin(low=-20, pairs=10_000, expected_matches=0.01),
        WeightBin(low=-2, pairs=40, expected_matches=8.0),
        WeightBin(low=3, pairs=30, expected_matches=27.0),
        WeightBin(low=15, pairs=500, expected_matches=500.0),
    ]
    threshold = choose_threshold(bins)
    assert threshold == round(1 / (1 + 2**-3), 4)
    precision, recall = expected_quality(bins, threshold)
    assert precision > 0.99
    assert 0.9 < recall < 1


def test_the_cut_off_never_links_pairs_more_likely_different() -> None:
    bins = [WeightBin(low=-3, pairs=10, expected_matches=1.0)]
    assert choose_threshold(bins) == AUTO_LOWEST


def test_stricter_and_looser_are_eight_times_the_odds_either_side() -> None:
    stricter, looser = stricter_and_looser(0.8)
    assert stricter == round(32 / 33, 4)
    assert looser == round(0.5 / 1.5, 4)


def test_the_histogram_marks_the_cut_off() -> None:
    bins = [WeightBin(low=-10, pairs=100, expected_matches=0), WeightBin(5, 20, 20)]
    lines = histogram_lines(bins, 0.8)
    assert lines[0].startswith("  +5 ..   +6")
    assert "cut-off 0.80" in lines[1]
    assert lines[2].startswith(" -10 ..   -9")


def test_truth_scores_pairs_and_purity() -> None:
    entity_of = {"a1": "A", "a2": "A", "a3": "A", "b1": "B"}
    clusters = {"a1": "a1", "a2": "a1", "a3": "a3", "b1": "a1"}
    check = truth_check(
        linked=[("a1", "a2"), ("a1", "b1"), ("a2", "b1")],
        entity_of=entity_of,
        true_pairs=true_pairs_of(list(entity_of.values())),
        compared_true_pairs=2,
        clusters=clusters,
    )
    assert check.true_pairs == 3
    assert check.precision == 1 / 3
    assert check.recall == 1 / 3
    assert round(check.pairs_completeness, 4) == round(2 / 3, 4)
    assert check.cluster_purity == 0.75
    assert cluster_purity(clusters, entity_of) == 0.75


def test_blank_truth_values_share_no_person() -> None:
    assert true_pairs_of(["", "", "A", "A"]) == 1
