"""``{{ consent.recipients|recipient_names }}``: who may receive the data, by name."""

from __future__ import annotations

from collections.abc import Iterable

from django import template

from waypoint.people.recipients import recipient_label

register = template.Library()


@register.filter
def recipient_names(codes: Iterable[str] | None) -> str:
    return ", ".join(recipient_label(code) for code in codes or [])
