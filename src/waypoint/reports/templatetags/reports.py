"""``shown``: a published cell as a reader sees it (grouped number, or its mark)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import template
from django.utils.formats import number_format

if TYPE_CHECKING:
    from waypoint.reports.disclosure import Shown

register = template.Library()


@register.filter
def shown(item: Shown | None) -> str:
    if item is None:
        return ""
    if item.value is None:
        return item.text
    return number_format(item.value, force_grouping=True)
