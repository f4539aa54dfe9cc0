"""Identity groups from pairs: components that never join people a reviewer called different."""

from waypoint.linkage.grouping import identity_groups


def test_a_chain_of_pairs_makes_one_group_named_after_its_smallest_record():
    groups = identity_groups([(3, 2, 0.99), (2, 7, 0.97)])
    assert groups == {2: 2, 3: 2, 7: 2}


def test_records_in_no_pair_are_left_out():
    assert identity_groups([]) == {}
    assert 5 not in identity_groups([(1, 2, 0.99)])


def test_a_pair_decided_different_is_never_joined_even_through_a_third_record():
    # 1-3 and 3-2 would chain 1 and 2 together; the reviewer said 1 and 2 differ.
    groups = identity_groups([(1, 3, 0.99), (3, 2, 0.96)], apart=[(1, 2)])
    assert groups == {1: 1, 3: 1}
    assert 2 not in groups


def test_the_stronger_edge_wins_when_two_would_join_people_kept_apart():
    groups = identity_groups([(1, 3, 0.96), (3, 2, 0.99)], apart=[(1, 2)])
    assert groups == {2: 2, 3: 2}
