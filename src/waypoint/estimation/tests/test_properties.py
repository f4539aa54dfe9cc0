"""Random tables: only EstimationInputError may escape, and results are ordered."""

import itertools
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from waypoint.estimation.histories import EstimationInputError, Histories
from waypoint.estimation.mse import estimate


@st.composite
def tables(draw):
    k = draw(st.integers(min_value=2, max_value=4))
    histories = [h for h in itertools.product((0, 1), repeat=k) if any(h)]
    # Mostly small counts with many zeros: the sparse tables where fitting breaks.
    counts = draw(
        st.lists(
            st.one_of(st.just(0), st.integers(0, 5), st.integers(0, 300)),
            min_size=len(histories),
            max_size=len(histories),
        )
    )
    return Histories(tuple("ABCD"[:k]), dict(zip(histories, counts, strict=True)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=tables(), criterion=st.sampled_from(["aic", "bic"]))
def test_random_tables(table, criterion):
    try:
        result = estimate(table, criterion=criterion, bootstrap=40, seed=1)
    except EstimationInputError:
        return
    assert result.observed == table.observed
    assert math.isfinite(result.estimate)
    assert result.estimate >= result.observed
    assert result.ci_low <= result.estimate <= result.ci_high
    assert result.ci_low >= result.observed
