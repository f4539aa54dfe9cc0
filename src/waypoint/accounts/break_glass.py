"""Emergency ("break-glass") access: for a stated reason and a short time, a person with a
personal-data role opens records at a site outside their assignments.

A grant widens ``scoping.scope_for`` for the personal-data roles the user already holds;
it never gives a new role. Starting and ending one are audited with the reason; while one
is active, ``BreakGlassMiddleware`` records every request the user makes as an audit event
naming the grant (in the same request as the events the request's own reads write, so the
two join on ``request_id``) and the base layout shows a red banner.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from waypoint.accounts.models import BreakGlass, User
from waypoint.accounts.scoping import ACTIVE_GRANTS_ATTRIBUTE, PERSONAL_DATA_ROLES, scope_for
from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.places.models import Site

DEFAULT_MINUTES = 60
MAX_MINUTES = 240
# A reason is "at least a sentence": this many characters and words.
REASON_MIN_CHARACTERS = 20
REASON_MIN_WORDS = 4


def may_start(user: User) -> bool:
    """Whether ``user`` may ask for emergency access: active, holding a personal-data role
    that does not already reach every site."""
    if not user.is_active or not user.has_role(*PERSONAL_DATA_ROLES):
        return False
    return not scope_for(user, PERSONAL_DATA_ROLES).national


def reason_problem(reason: str) -> str:
    """Why ``reason`` is not enough ("" when it is)."""
    text = " ".join(reason.split())
    if len(text) < REASON_MIN_CHARACTERS or len(text.split(" ")) < REASON_MIN_WORDS:
        return _("Say in at least a sentence why you need this access.")
    return ""


@transaction.atomic
def break_glass_start(
    *,
    actor: User,
    site: Site | None,
    reason: str,
    minutes: int = DEFAULT_MINUTES,
    at: datetime | None = None,
) -> BreakGlass:
    """Open emergency access for ``actor`` to ``site`` (None: every site) for ``minutes``
    (at most ``MAX_MINUTES``), recorded with its reason. ``PermissionDenied`` for anyone
    without a personal-data role; ``ValidationError`` for a short reason or a bad length."""
    if not may_start(actor):
        raise PermissionDenied(_("Only staff who work with personal records may ask for this."))
    problem = reason_problem(reason)
    if problem:
        raise ValidationError({"reason": problem})
    if not 1 <= minutes <= MAX_MINUTES:
        raise ValidationError(
            _("Emergency access lasts at most %(hours)s hours.") % {"hours": MAX_MINUTES // 60}
        )
    started = at or timezone.now()
    grant = BreakGlass.objects.create(
        user=actor,
        site=site,
        reason=reason.strip(),
        started_at=started,
        expires_at=started + timedelta(minutes=minutes),
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        target=grant,
        purpose=_break_glass_purpose(grant, reason.strip()),
        changed_fields=["site" if site else "national", "reason", "expires_at"],
    )
    return grant


def _break_glass_purpose(grant: BreakGlass, text: str) -> str:
    return f"break-glass #{grant.pk} ({grant.site.code if grant.site else 'national'}): {text}"


@transaction.atomic
def break_glass_end(*, actor: User, grant: BreakGlass, at: datetime | None = None) -> None:
    """End ``grant`` now, before it expires (its owner only; an ended or expired grant is
    left as it is)."""
    if grant.user_id != actor.pk:
        raise PermissionDenied
    moment = at or timezone.now()
    if not grant.is_active(moment):
        return
    grant.ended_at = moment
    grant.save(update_fields=["ended_at"])
    audit_record(
        actor=actor,
        action=Action.UPDATE,
        target=grant,
        purpose=_break_glass_purpose(grant, "ended early"),
        changed_fields=["ended_at"],
    )


def grants_active(user: User, at: datetime | None = None) -> list[BreakGlass]:
    """``user``'s emergency accesses active at ``at`` (now), newest first."""
    return list(BreakGlass.objects.filter(user=user).active(at).select_related("site"))


def grant_of(user: User, grant_id: int) -> BreakGlass:
    """One of ``user``'s own grants; ``BreakGlass.DoesNotExist`` otherwise."""
    return BreakGlass.objects.get(user=user, pk=grant_id)


def grants_for_review() -> QuerySet[BreakGlass]:
    """Every grant, active and past, newest first (for administrators' review)."""
    return BreakGlass.objects.select_related("user", "site")


# Requests not recorded under a grant: the account pages (starting and ending it), signing
# out, switching language and static files. Everything else the user opens is.
UNRECORDED = ("/accounts/", "/i18n/", "/static/", "/favicon", "/healthz")


class BreakGlassMiddleware:
    """While the user has an active grant: ``request.break_glass`` lists the grants (the base
    layout shows the banner), and each request is recorded once per grant, after it is
    answered (``Action.VIEW`` of the grant, the method, path and status as purpose). An API
    request signed with a token is recorded too: its user is known only after the view."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        grants = grants_active(user) if isinstance(user, User) else []
        request.break_glass = grants  # type: ignore[attr-defined]
        if isinstance(user, User):
            setattr(user, ACTIVE_GRANTS_ATTRIBUTE, tuple(grant.site_id for grant in grants))
        response = self.get_response(request)
        after = getattr(request, "user", None)
        if not isinstance(user, User) and isinstance(after, User):
            # Signed in by the view itself: an API token, which DRF checks after middleware.
            user, grants = after, grants_active(after)
        if grants and isinstance(user, User) and not request.path.startswith(UNRECORDED):
            for grant in grants:
                audit_record(
                    actor=user,
                    action=Action.VIEW,
                    target=grant,
                    purpose=_break_glass_purpose(
                        grant, f"{request.method} {request.path} → {response.status_code}"
                    ),
                )
        return response
