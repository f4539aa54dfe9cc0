"""Session lifetimes: an absolute limit beside the idle timeout, and a shorter idle timeout
for the roles that read protection records.

``SESSION_COOKIE_AGE`` (30 minutes, renewed by every request) is the idle timeout for most
staff. A session also ends ``WAYPOINT_SESSION_MAX_HOURS`` (10) after sign-in however busy it
is, and for protection officers and case workers after ``WAYPOINT_PROTECTION_IDLE_MINUTES``
(15) without a request.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from waypoint.accounts.models import Role

SIGNED_IN_AT = "waypoint_signed_in_at"
LAST_REQUEST_AT = "waypoint_last_request_at"
SHORT_IDLE_ROLES = frozenset({Role.PROTECTION_OFFICER, Role.CASE_WORKER})


class SessionLifetimeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            ended = self._ended(request, user)
            if ended:
                logout(request)
                messages.info(request, ended)
                return redirect(settings.LOGIN_URL)
        return self.get_response(request)

    def _ended(self, request: HttpRequest, user: Any) -> str:
        """Why the session ends now ("" if it does not); notes this request's time."""
        now = timezone.now().timestamp()
        started = float(request.session.setdefault(SIGNED_IN_AT, now))
        last = float(request.session.get(LAST_REQUEST_AT, now))
        request.session[LAST_REQUEST_AT] = now
        hours = settings.WAYPOINT_SESSION_MAX_HOURS
        if now - started > hours * 3600:
            return _("Your session ended %(hours)s hours after you signed in; sign in again.") % {
                "hours": hours
            }
        minutes = settings.WAYPOINT_PROTECTION_IDLE_MINUTES
        if now - last > minutes * 60 and set(user.role_names()) & SHORT_IDLE_ROLES:
            return _(
                "Your session ended after %(minutes)s minutes without activity, as for every "
                "role that reads protection records; sign in again."
            ) % {"minutes": minutes}
        return ""
