"""Staff pages speak the staff languages; only the public portal speaks all of them.

``LocaleMiddleware`` picks a language from the URL prefix, the language cookie or the
browser's Accept-Language. A migrant's browser in Farsi must get Farsi on the portal
(``/fa/...``) but the staff pages (every path without a language prefix) exist only in
``settings.STAFF_LANGUAGES``: there an unsupported choice falls back to English.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation


class StaffLanguageMiddleware:
    """Sits right after ``LocaleMiddleware``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = translation.get_language()
        on_portal = translation.get_language_from_path(request.path_info) is not None
        if on_portal or chosen in settings.STAFF_LANGUAGES:
            return self.get_response(request)
        translation.activate(settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", settings.LANGUAGE_CODE)
        # Give LocaleMiddleware back the visitor's choice: a language-less portal address
        # (/apply/) that 404s here is redirected to that language's page (/fa/apply/).
        translation.activate(chosen)
        return response
