"""For the tests of every app's lists: the one ``READ_LIST`` event a request wrote."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from waypoint.audit.models import Action, AuditEvent


def list_reads_during(request: Callable[[], Any]) -> tuple[Any, list[AuditEvent]]:
    """Run ``request`` (a test client call); its response and the list reads it recorded."""
    before = AuditEvent.objects.order_by("-sequence").values_list("sequence", flat=True).first()
    response = request()
    events = AuditEvent.objects.filter(action=Action.READ_LIST, sequence__gt=before or 0).order_by(
        "sequence"
    )
    return response, list(events)


def assert_names_absent(event: AuditEvent, names: Iterable[str]) -> None:
    """The event's hashed text holds none of ``names`` (nor any search text)."""
    text = event.canonical()
    for name in names:
        assert name not in text, name
