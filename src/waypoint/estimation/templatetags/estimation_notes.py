"""``{% estimate_warnings %}`` and ``{% estimate_method %}``: a stored estimate's warnings and
method in the reader's language, with the lists by the names readers know.

    {% load estimation_notes %}
    {% estimate_warnings estimate.result estimate.lists list_names as warnings %}
    {% estimate_method estimate.result estimate.lists list_names %}

``result`` is ``StoredEstimate.result``; ``keys`` the lists' keys (``StoredEstimate.lists``)
and ``names`` their names in the same order. A result stored before notes were kept shows its
English "warnings" and "method".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django import template

from waypoint.estimation.notes import render

register = template.Library()


def _english(result: Mapping[str, Any], key: str) -> list[str]:
    stored = result.get(key)
    return [str(item) for item in stored] if isinstance(stored, list) else []


def _result(result: Any) -> Mapping[str, Any]:
    return result if isinstance(result, Mapping) else {}


@register.simple_tag
def estimate_warnings(result: Any, keys: Sequence[str], names: Sequence[str]) -> list[str]:
    result = _result(result)
    english = _english(result, "warnings")
    notes = result.get("notes")
    if not isinstance(notes, list):
        return english
    return render(notes, list_names=dict(zip(keys, names, strict=False)), fallback=english)


@register.simple_tag
def estimate_method(result: Any, keys: Sequence[str], names: Sequence[str]) -> str:
    result = _result(result)
    english = str(result.get("method", ""))
    note = result.get("method_note")
    if not isinstance(note, Mapping):
        return english
    return render([note], list_names=dict(zip(keys, names, strict=False)), fallback=[english])[0]
