"""The person's timeline, linkage's part: the identity group's registrations, automatic
links and reviewers' merges and splits, naming only registrations the reader may see."""

from __future__ import annotations

import pytest

from waypoint.linkage import services
from waypoint.linkage.models import PairStatus
from waypoint.linkage.queries import timeline_identity
from waypoint.people.timeline import Kind, identity_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def lipa_and_usivak(register, scored_pair):
    at_lipa = register("TRC-LIP", "Hamid", "Ahmadi")
    at_usivak = register("TRC-USI", "Hameed", "Ahmady")
    return at_lipa, at_usivak, scored_pair(at_lipa, at_usivak, 0.8, PairStatus.PENDING)


def test_a_merge_then_its_undo_read_as_merged_then_split(admin, lipa_and_usivak):
    at_lipa, at_usivak, pair = lipa_and_usivak
    decision = services.pair_decide(actor=admin, pair=pair, decision=PairStatus.SAME)
    services.decision_undo(actor=admin, decision=decision)
    entries = sorted(timeline_identity(admin, [at_lipa]), key=lambda entry: entry.moment)
    assert [entry.title for entry in entries] == [
        "Identity merged: the same person",
        "Identity split: no longer the same person",
    ]
    assert all(entry.kind == Kind.IDENTITY for entry in entries)
    expected = f"{at_lipa.registration_number} and {at_usivak.registration_number}"
    assert {entry.detail for entry in entries} == {expected}
    assert all(entry.url == f"/linkage/review/{pair.pk}/" for entry in entries)


def test_the_group_holds_the_registrations_the_reader_may_see(personas, admin, lipa_and_usivak):
    at_lipa, at_usivak, pair = lipa_and_usivak
    assert identity_group(admin, at_lipa) == [at_lipa]
    services.pair_decide(actor=admin, pair=pair, decision=PairStatus.SAME)
    assert identity_group(admin, at_lipa) == [at_lipa, at_usivak]
    assert identity_group(personas["registrar.lipa"], at_lipa) == [at_lipa]


def test_a_registration_outside_the_scope_is_not_named(personas, admin, lipa_and_usivak):
    at_lipa, at_usivak, pair = lipa_and_usivak
    services.pair_decide(actor=admin, pair=pair, decision=PairStatus.SAME)
    (entry,) = timeline_identity(personas["registrar.lipa"], [at_lipa])
    assert at_usivak.registration_number not in entry.detail
    assert "a registration outside your scope" in entry.detail
    assert entry.url is None  # registration officers do not review pairs


def test_an_automatic_link_says_how_likely_it_was(admin, register, scored_pair):
    first = register("TRC-LIP", "Bashir", "Noori")
    second = register("TRC-LIP", "Basir", "Nuri")
    scored_pair(first, second, 0.97, PairStatus.AUTO)
    (entry,) = timeline_identity(admin, [first, second])
    assert entry.title == "Linked automatically as the same person (match 97%)"
