"""API: persons and households, scoped to the token's user and audited."""

from __future__ import annotations

from django.urls import URLPattern

router_urls: list[URLPattern] = []
