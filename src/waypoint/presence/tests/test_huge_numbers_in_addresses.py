"""Round numbers in addresses too large for any database column answer 404, not 500."""

from __future__ import annotations

import pytest
from django.test import Client

HUGE = "9" * 30


@pytest.mark.parametrize(
    "path",
    [
        f"/presence/rounds/{HUGE}/",
        f"/presence/rounds/{HUGE}/enter/",
        f"/presence/rounds/{HUGE}/observations/BIH-1/",
        f"/presence/rounds/{HUGE}/figures.csv",
    ],
)
def test_a_huge_round_number_is_not_found(analyst, baseline, path):
    client = Client(raise_request_exception=False)
    client.force_login(analyst)
    assert client.get(path).status_code == 404


def test_a_huge_round_number_cannot_be_advanced(analyst, baseline):
    client = Client(raise_request_exception=False)
    client.force_login(analyst)
    assert client.post(f"/presence/rounds/{HUGE}/advance/").status_code == 404
