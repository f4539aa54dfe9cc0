"""Batches of ids for the database: ``IN`` lists and bulk writes of a bounded size."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """``items`` in slices of ``size``: for ``IN`` lists and batches the database takes."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
