from __future__ import annotations

import tracemalloc
from datetime import date

from waypoint.demo.generator import population_generate


def test_generating_keeps_memory_bounded_whatever_the_population_size():
    # Held in a list, the 16,500 records of 15,000 people take over 6 MB; streamed, a
    # few pending second registrations are all that is kept.
    tracemalloc.start()
    try:
        count = 0
        for _record in population_generate(people=15_000, seed=1, until=date(2025, 6, 30)):
            count += 1
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert count > 15_000
    assert peak < 1_000_000
