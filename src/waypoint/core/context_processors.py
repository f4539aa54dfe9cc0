from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language, get_language_bidi

from waypoint.core.navigation import items_for


def layout(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    navigation: list[dict[str, str]] = []
    if user is not None and user.is_authenticated:
        role_names = getattr(user, "role_names", None)
        roles = set(role_names()) if callable(role_names) else set()
        navigation = items_for(roles)
    language = get_language() or settings.LANGUAGE_CODE
    return {
        "navigation": navigation,
        "staff_languages": [
            (code, name) for code, name in settings.LANGUAGES if code in settings.STAFF_LANGUAGES
        ],
        "text_direction": "rtl" if get_language_bidi() else "ltr",
        "current_language": language,
    }
