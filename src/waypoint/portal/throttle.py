"""Per-address limits for the public forms, kept in Django's cache (no third-party service).

The address is the socket's (``REMOTE_ADDR``): behind a proxy, set the proxy to pass the
client's address there. A fixed one-hour window is enough to stop a script filling the
returns workspace; a person who needs more gets a clear page telling them to wait.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

WINDOW_SECONDS = 3600


def limit_for(bucket: str) -> int:
    limits = {"apply": 3, "status": 30, **getattr(settings, "PORTAL_HOURLY_LIMITS", {})}
    return int(limits[bucket])


def _key(request: HttpRequest, bucket: str) -> str:
    window = int(time.time() // WINDOW_SECONDS)
    address = request.META.get("REMOTE_ADDR") or "unknown"
    return f"portal-throttle:{bucket}:{address}:{window}"


def is_exhausted(request: HttpRequest, bucket: str) -> bool:
    """True when this address has used up ``bucket`` for the current hour."""
    return int(cache.get(_key(request, bucket), 0)) >= limit_for(bucket)


def spend(request: HttpRequest, bucket: str) -> None:
    key = _key(request, bucket)
    if not cache.add(key, 1, timeout=WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=WINDOW_SECONDS)
