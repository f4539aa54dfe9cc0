"""The staff navigation: each app registers its entries; the layout shows what roles allow.

Apps register in ``AppConfig.ready`` so the core layout never imports a domain app.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    roles: frozenset[str] | None = None  # None: every signed-in user
    order: int = 50

    def __init__(
        self,
        label: str | Promise,
        url_name: str,
        roles: Iterable[str] | None = None,
        order: int = 50,
    ) -> None:
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "url_name", url_name)
        object.__setattr__(self, "roles", None if roles is None else frozenset(roles))
        object.__setattr__(self, "order", order)


_registry: dict[str, NavItem] = {}


def register(item: NavItem) -> None:
    _registry[item.url_name] = item


def items_for(roles: set[str]) -> list[dict[str, str]]:
    """Entries for a user with these role names, in order, as label and URL."""
    entries = []
    for item in sorted(_registry.values(), key=lambda entry: (entry.order, entry.url_name)):
        if item.roles is not None and not (item.roles & roles):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        entries.append({"label": str(item.label), "url": url, "name": item.url_name})
    return entries


@dataclass(frozen=True)
class Panel:
    """A box on the landing page, filled by its app for the signed-in user."""

    template: str
    context: Callable[[Any], dict[str, Any]]
    roles: frozenset[str] | None = None
    order: int = 50


_panels: list[Panel] = []


def register_panel(panel: Panel) -> None:
    if panel not in _panels:
        _panels.append(panel)


def panels_for(user: Any, roles: set[str]) -> list[dict[str, Any]]:
    shown = []
    for panel in sorted(_panels, key=lambda entry: (entry.order, entry.template)):
        if panel.roles is not None and not (panel.roles & roles):
            continue
        shown.append({"template": panel.template, **panel.context(user)})
    return shown


@dataclass(frozen=True)
class Fragment:
    """A section an app adds to another app's page (a "slot"), e.g. stays on a person's page.

    ``context(user, obj)`` returns the template's context, or None to show nothing.
    """

    template: str
    context: Callable[[Any, Any], dict[str, Any] | None]
    order: int = 50


_fragments: dict[str, list[Fragment]] = {}


def register_fragment(slot: str, fragment: Fragment) -> None:
    entries = _fragments.setdefault(slot, [])
    if fragment not in entries:
        entries.append(fragment)


def fragments_for(slot: str, user: Any, obj: Any) -> list[dict[str, Any]]:
    shown = []
    for fragment in sorted(_fragments.get(slot, []), key=lambda entry: entry.order):
        context = fragment.context(user, obj)
        if context is not None:
            shown.append({"template": fragment.template, **context})
    return shown
