"""The published-figures box on the landing page: the latest published round."""

from __future__ import annotations

from typing import Any

from waypoint.reports import queries


def reports_panel(user: Any) -> dict[str, Any]:
    return {"latest_published": queries.published_rounds_for(user).first()}
