"""Reading accounts: only administrators see and manage other users."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from waypoint.accounts import access
from waypoint.accounts.access import Work
from waypoint.accounts.models import ApiToken, Assignment, User
from waypoint.core.lookups import one_in_scope


def users_visible_to(actor: Any, *, search: str = "") -> QuerySet[User]:
    """All accounts for an administrator, filtered by email or name; nothing for anyone else."""
    if not access.may(actor, Work.MANAGE_USERS):
        return User.objects.none()
    users = User.objects.prefetch_related("assignments__site", "assignments__area")
    if search:
        users = users.filter(Q(email__icontains=search) | Q(full_name__icontains=search))
    return users


def user_for(actor: Any, user_id: int) -> User:
    return one_in_scope(users_visible_to(actor), user_id, "user")


def assignment_for(actor: Any, assignment_id: int) -> Assignment:
    if not access.may(actor, Work.MANAGE_USERS):
        raise Http404("No such assignment.")
    return one_in_scope(Assignment.objects.select_related("user"), assignment_id, "assignment")


def tokens_of(user: Any) -> QuerySet[ApiToken]:
    """The user's own API tokens (digests are never shown; the first characters are)."""
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-pk")


def token_of(user: Any, token_id: int) -> ApiToken:
    found = tokens_of(user).filter(pk=token_id).first()
    if found is None:
        raise Http404("No such token.")
    return found
