"""A capture-history table or an outside list past its limits is refused in one line that
names the limit and what the file has."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from waypoint.core.tests.workbooks import bomb_xlsx
from waypoint.estimation import histories
from waypoint.estimation.histories import HISTORY_LIMITS, EstimationInputError, read_histories
from waypoint.estimation.outside import outside_table

HEADER = "a,b,count\n"


def test_a_history_table_over_two_megabytes_is_refused():
    data = (HEADER + "1,0,1\n" * 400_000).encode()
    assert len(data) > HISTORY_LIMITS.max_bytes
    with pytest.raises(EstimationInputError, match=rf"has {len(data):,} bytes; the limit is"):
        read_histories(data, count_column="count")


def test_a_history_table_one_row_past_the_limit_is_refused():
    data = HEADER + "1,1,1\n" * (HISTORY_LIMITS.max_rows + 1)
    with pytest.raises(EstimationInputError, match="row 100002: more than 100,000 rows") as refused:
        read_histories(data, count_column="count")
    assert refused.value.row == HISTORY_LIMITS.max_rows + 2


@settings(max_examples=25, deadline=None, derandomize=True)
@given(rows=st.integers(1, 12), limit=st.integers(1, 12))
def test_a_history_table_is_read_exactly_when_within_the_row_limit(rows, limit):
    data = HEADER + "1,1,1\n1,0,2\n0,1,3\n" + "1,1,1\n" * (rows - 1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            histories, "HISTORY_LIMITS", histories.ImportLimits(max_bytes=10_000, max_rows=limit)
        )
        if rows + 2 <= limit:
            assert read_histories(data, count_column="count").counts[(1, 1)] == rows
        else:
            with pytest.raises(EstimationInputError, match=f"more than {limit} rows"):
                read_histories(data, count_column="count")


def test_an_outside_list_zip_bomb_is_refused_at_once():
    started = time.monotonic()
    with pytest.raises(EstimationInputError, match=r"unpacks to 60\.0 MB; the limit is 50\.0 MB"):
        outside_table(
            "police.xlsx",
            bomb_xlsx(["id", "given_name", "birth_date"]),
            id_column="id",
            mapping="given_name=given_name,birth_date=birth_date",
        )
    assert time.monotonic() - started < 5
