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
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
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


# Paths a signed-in session may reach before its second step: the two-step pages themselves,
# signing out, switching language, and static files.
NO_SECOND_STEP = "waypoint_no_second_step"
TWO_STEP_OPEN = ("/accounts/two-step/", "/accounts/logout/", "/i18n/", "/static/", "/favicon")


class TwoStepMiddleware:
    """Until a session has done its second step, it reaches only the two-step pages: the
    code if the account has an authenticator app, else (for the roles that require it)
    setting one up. API requests with a token are left to the token (issued only with a
    code); an API request riding on an unverified session is refused."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(TWO_STEP_OPEN)
            and not request.session.get(NO_SECOND_STEP)
            and not user.is_verified()
        ):
            step = self._step(user)
            if not step:
                # Neither on nor required: remember it, so later requests ask nothing.
                request.session[NO_SECOND_STEP] = True
            if step:
                if request.path.startswith("/api/") and not request.headers.get("Authorization"):
                    return JsonResponse(
                        {"detail": _("Finish the two-step sign-in first.")}, status=403
                    )
                if not request.path.startswith("/api/"):
                    return redirect(
                        f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}"
                    )
        return self.get_response(request)

    @staticmethod
    def _step(user: Any) -> str:
        from waypoint.accounts import mfa

        if mfa.is_on(user):
            return "accounts:two_step"
        if mfa.required_for(user):
            return "accounts:two_step_setup"
        return ""
