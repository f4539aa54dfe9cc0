"""Whatever arrives, the reports pages, their forms and the API never answer 500."""

from __future__ import annotations

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from waypoint.core.tests.strategies import FUZZ, TEXT, form_data
from waypoint.reports.tests.conftest import build_round


@pytest.fixture
def analyst_client(personas):  # type: ignore[no-untyped-def]
    client = Client(raise_request_exception=False)
    client.force_login(personas["analyst"])
    return client


@FUZZ
@given(data=form_data(["kind", "round_number", "month", "language"]))
def test_the_report_form_never_fails(analyst_client, data):
    assert analyst_client.post("/reports/new/", data).status_code < 500


SEGMENTS = st.one_of(
    TEXT.map(lambda text: text.replace("/", "")[:40] or "x"),
    st.sampled_from(["2026-01", "2999-12", "0000-00", "2026-13", "9999-99", "presence_places"]),
)


@FUZZ
@given(month=SEGMENTS, name=SEGMENTS)
def test_month_pages_and_files_never_fail(analyst_client, month, name):
    from urllib.parse import quote

    assert analyst_client.get(f"/reports/months/{quote(month)}/").status_code < 500
    assert analyst_client.get(f"/reports/months/{quote(month)}/{quote(name)}").status_code < 500
    response = analyst_client.get(f"/api/v1/reports/months/{quote(month)}/{quote(name)}/")
    assert response.status_code < 500


@FUZZ
@given(number=st.integers(min_value=0, max_value=10**12), name=SEGMENTS)
def test_round_pages_and_files_never_fail(analyst_client, number, name):
    from urllib.parse import quote

    assert analyst_client.get(f"/reports/rounds/{number}/").status_code < 500
    assert analyst_client.get(f"/reports/rounds/{number}/{quote(name)}").status_code < 500
    assert analyst_client.get(f"/api/v1/reports/rounds/{number}/{quote(name)}/").status_code < 500
    assert analyst_client.get(f"/reports/{number}/").status_code < 500
    assert analyst_client.get(f"/reports/{number}/pdf").status_code < 500


def test_every_page_of_a_published_round_answers(analyst_client, personas):
    round_ = build_round(personas["admin"], number=5)
    for path in [
        "/reports/",
        "/reports/exact/",
        f"/reports/rounds/{round_.number}/",
        f"/reports/rounds/{round_.number}/tables.xlsx",
        "/reports/months/2026-10/",
        "/reports/months/2026-10/tables.xlsx",
        "/api/v1/reports/tables/",
        "/api/v1/dtm/admin2/",
    ]:
        assert analyst_client.get(path).status_code == 200, path
