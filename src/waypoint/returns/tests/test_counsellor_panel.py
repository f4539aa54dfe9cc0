from __future__ import annotations

from typing import Any

import pytest

from waypoint.returns.models import Case

pytestmark = pytest.mark.django_db


def test_the_counsellor_landing_page_counts_their_cases(
    client: Any, personas: dict, linked_case: Case
) -> None:
    client.force_login(personas["counsellor"])
    page = client.get("/accounts/home/").content.decode()
    assert "open case of yours" in page
    assert "Open the workspace" in page


def test_other_roles_get_no_returns_panel(client: Any, personas: dict) -> None:
    client.force_login(personas["registrar.lipa"])
    assert "Open the workspace" not in client.get("/accounts/home/").content.decode()
