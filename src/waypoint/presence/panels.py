"""The presence box on the landing page: the latest round the user may see."""

from __future__ import annotations

from typing import Any

from waypoint.presence import queries


def presence_panel(user: Any) -> dict[str, Any]:
    latest = queries.rounds_visible_to(user).order_by("-number").first()
    return {"presence_latest": latest}
