"""Identity groups from pairs: connected components that never join two "different" people.

Pure computation over plain data. Joining edges are taken strongest first (a reviewer's
"same" before any automatic link, then by falling probability); an edge that would put two
registrations a reviewer called different into one group is skipped. Without such
"cannot link" decisions this is plain connected components.

``Grouper`` does the same in steps: edges are added in tiers (a reviewer's "same", the
automatic links above a strict cut-off, the other automatic links, the pairs waiting for
review), and the number of joins is read after each tier. Because the tiers are nested,
one pass gives the count of unique people at every cut-off. It also keeps, for each group,
its *weakest link*: the lowest strength among the edges that joined it, which is the
highest cut-off at which the group would still hold together.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Generic, TypeVar

Key = TypeVar("Key", bound=Hashable)


class Grouper(Generic[Key]):
    """Union-find with "cannot link" pairs, fed strongest edges first."""

    def __init__(self, apart: Iterable[tuple[Key, Key]] = ()) -> None:
        self._members: dict[Key, set[Key]] = {}  # root -> its members
        self._root_of: dict[Key, Key] = {}
        self._weakest: dict[Key, float] = {}  # root -> lowest strength that joined it
        self._cannot: dict[Key, set[Key]] = {}
        # root -> every record one of its members must not share a group with
        self._blocked: dict[Key, set[Key]] = {}
        self.joins = 0  # how many edges joined two groups: registrations - groups
        for a, b in apart:
            self._cannot.setdefault(a, set()).add(b)
            self._cannot.setdefault(b, set()).add(a)
        self._block()

    def _block(self) -> None:
        self._blocked = {}
        for record, others in self._cannot.items():
            if others:
                self._blocked.setdefault(self.root(record), set()).update(others)

    def add(self, edges: Iterable[tuple[Key, Key, float]]) -> None:
        """Join along ``edges`` (``(a, b, strength)``), strongest first, where allowed."""
        blocked, members, root_of = self._blocked, self._members, self._root_of
        for a, b, strength in sorted(edges, key=lambda edge: -edge[2]):
            # A record seen for the first time is a group of its own (inlined: this loop
            # runs once per pair of a national registry).
            root_a = root_of.get(a)
            if root_a is None:
                root_a = root_of[a] = a
                members[a] = {a}
            root_b = root_of.get(b)
            if root_b is None:
                root_b = root_of[b] = b
                members[b] = {b}
            if root_a == root_b:
                continue
            small, large = root_a, root_b
            if len(members[small]) > len(members[large]):
                small, large = large, small
            # "Cannot link" is symmetric: a conflict shows from the smaller group's side.
            blocked_small = blocked.get(small)
            if blocked_small is not None and not blocked_small.isdisjoint(members[large]):
                continue
            for member in members[small]:
                root_of[member] = large
            members[large] |= members.pop(small)
            if blocked_small is not None:
                blocked.setdefault(large, set()).update(blocked.pop(small))
            self._weakest[large] = min(
                strength, self._weakest.pop(small, strength), self._weakest.get(large, strength)
            )
            self.joins += 1

    def release(self, pairs: Iterable[tuple[Key, Key]]) -> None:
        """Let ``pairs`` be joined from now on (their "cannot link" no longer holds)."""
        cannot, released = self._cannot, False
        for a, b in pairs:
            if b in cannot.get(a, ()):
                cannot[a].discard(b)
                cannot[b].discard(a)
                released = True
        if released:
            self._block()

    def root(self, record: Key) -> Key:
        """The record's group (itself when it was never joined)."""
        return self._root_of.get(record, record)

    def count_groups(self, records: Iterable[Key]) -> int:
        """How many groups ``records`` fall in (a record never joined is a group of one)."""
        root_of = self._root_of
        alone = 0
        roots: set[Key] = set()
        for record in records:
            root = root_of.get(record)
            if root is None:
                alone += 1
            else:
                roots.add(root)
        return alone + len(roots)

    def canonical(self) -> dict[Key, Key]:
        """Each record that shares a group with another -> the group's smallest record."""
        canonical: dict[Key, Key] = {}
        for group_members in self._members.values():
            if len(group_members) < 2:
                continue
            first = min(group_members)  # type: ignore[type-var]
            for member in group_members:
                canonical[member] = first
        return canonical

    def weakest_links(self) -> dict[Key, tuple[int, float]]:
        """Each group of two or more, by its smallest record -> (size, weakest link)."""
        return {
            min(members): (len(members), self._weakest[root])  # type: ignore[type-var]
            for root, members in self._members.items()
            if len(members) > 1
        }


def identity_groups(
    edges: Iterable[tuple[Key, Key, float]],
    *,
    apart: Iterable[tuple[Key, Key]] = (),
) -> dict[Key, Key]:
    """Each record that shares a group with another -> the group's smallest record.

    ``edges`` are ``(a, b, strength)``; ``apart`` are pairs that must not share a group.
    Records in no joined edge are left out (each is a group of its own).
    """
    grouper: Grouper[Key] = Grouper(apart)
    grouper.add(edges)
    return grouper.canonical()


# A pair's status, as ``models.PairStatus`` spells it (kept as text: this module is pure).
SAME, DIFFERENT, AUTO, PENDING, UNSURE = "same", "different", "auto", "pending", "unsure"
# The steps ``groups_by_cutoff`` reports after, loosest last.
DECIDED, STRICT, CHOSEN, LOOSE = "decided", "strict", "chosen", "loose"
TIERS = (DECIDED, STRICT, CHOSEN, LOOSE)


def groups_by_cutoff(
    pairs: Iterable[tuple[Key, Key, float, str]],
    *,
    together: Iterable[tuple[Key, Key]] = (),
    strict: float,
    loose: float,
    after: Callable[[str, Grouper[Key]], None],
) -> Grouper[Key]:
    """Group ``pairs`` (``(a, b, probability, status)``) in nested steps, calling
    ``after(step, grouper)`` once each step is in:

    1. ``decided``: pairs a reviewer called the same person (strength 1.0);
    2. ``strict``: automatic links at or above ``strict``;
    3. ``chosen``: the other automatic links: the registry's groups as they stand;
    4. ``loose``: pairs waiting for review or marked unsure at or above ``loose``, as if
       each were linked, members of one household included (a registration entered twice
       is what a reviewer of such a pair looks for).

    Pairs a reviewer called different never share a group; members of one household
    (``together``) a reviewer did not call the same share one only through their own
    pair, in the last step.
    """
    same: set[tuple[Key, Key]] = set()
    tiers: dict[str, list[tuple[Key, Key, float]]] = {tier: [] for tier in TIERS}
    apart: list[tuple[Key, Key]] = []
    for a, b, probability, status in pairs:
        if status == SAME:
            tiers[DECIDED].append((a, b, 1.0))
            same.add((a, b))
        elif status == DIFFERENT:
            apart.append((a, b))
        elif status == AUTO:
            tiers[STRICT if probability >= strict else CHOSEN].append((a, b, probability))
        elif status in (PENDING, UNSURE) and probability >= loose:
            tiers[LOOSE].append((a, b, probability))
    apart.extend(pair for pair in together if pair not in same)
    grouper: Grouper[Key] = Grouper(apart)
    for tier in TIERS:
        if tier == LOOSE:
            grouper.release((a, b) for a, b, _probability in tiers[LOOSE])
        grouper.add(tiers[tier])
        after(tier, grouper)
    return grouper
