"""The centre's tabs show only the work the user may do there (``reception.access``)."""

from __future__ import annotations

from typing import Any

from django import template

from waypoint.places.models import Site
from waypoint.reception.access import allowed_work

register = template.Library()


@register.simple_tag(takes_context=True)
def centre_work(context: Any, site: Site) -> set[str]:
    """``{% centre_work site as work %}``: the names of ``reception.access.Work`` allowed."""
    return allowed_work(context["request"].user, site)
