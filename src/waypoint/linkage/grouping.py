"""Identity groups from pairs: connected components that never join two "different" people.

Pure computation over plain data. Joining edges are taken strongest first (a reviewer's
"same" before any automatic link, then by falling probability); an edge that would put two
registrations a reviewer called different into one group is skipped. Without such
"cannot link" decisions this is plain connected components.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

Key = TypeVar("Key", bound=Hashable)


def identity_groups(
    edges: Iterable[tuple[Key, Key, float]],
    *,
    apart: Iterable[tuple[Key, Key]] = (),
) -> dict[Key, Key]:
    """Each record that shares a group with another -> the group's smallest record.

    ``edges`` are ``(a, b, strength)``; ``apart`` are pairs that must not share a group.
    Records in no joined edge are left out (each is a group of its own).
    """
    members: dict[Key, set[Key]] = {}  # root -> its members
    root_of: dict[Key, Key] = {}
    cannot: dict[Key, set[Key]] = {}
    for a, b in apart:
        cannot.setdefault(a, set()).add(b)
        cannot.setdefault(b, set()).add(a)

    def group(record: Key) -> Key:
        if record not in root_of:
            root_of[record] = record
            members[record] = {record}
        return root_of[record]

    for a, b, _strength in sorted(edges, key=lambda edge: -edge[2]):
        root_a, root_b = group(a), group(b)
        if root_a == root_b:
            continue
        small, large = sorted((root_a, root_b), key=lambda root: len(members[root]))
        if any(cannot.get(member, set()) & members[large] for member in members[small]):
            continue
        for member in members[small]:
            root_of[member] = large
        members[large] |= members.pop(small)
    canonical: dict[Key, Key] = {}
    for group_members in members.values():
        if len(group_members) < 2:
            continue
        first = min(group_members)  # type: ignore[type-var]
        for member in group_members:
            canonical[member] = first
    return canonical
