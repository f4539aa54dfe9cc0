"""Words, not codes: ``{{ person.nationality|country }}``, ``{{ person.languages|languages }}``."""

from __future__ import annotations

from collections.abc import Iterable

from django import template

from waypoint.core.countries import country_name
from waypoint.core.spoken import language_name

register = template.Library()


@register.filter
def country(code: str | None) -> str:
    return country_name(code) if code else ""


@register.filter
def languages(codes: Iterable[str] | str | None) -> str:
    if not codes:
        return ""
    if isinstance(codes, str):
        codes = [code for code in codes.split(",") if code.strip()]
    return ", ".join(language_name(code.strip()) for code in codes)
