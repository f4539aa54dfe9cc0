"""Changing accounts. Each function writes its own audit event."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from waypoint.accounts.models import Assignment, Role, User
from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.places.models import Area, Site

_USER_FIELDS = ("full_name", "preferred_language", "is_active")


def password_generate() -> str:
    """A one-time password a person can type: 4 groups of 4 letters and digits."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(4))


@transaction.atomic
def user_create(
    *,
    actor: Any,
    email: str,
    full_name: str,
    password: str | None = None,
    preferred_language: str = "en",
) -> User:
    """Create an active account; ``password=None`` leaves it unusable until one is set."""
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("An account with this email address already exists.")})
    user = User(email=email, full_name=full_name.strip(), preferred_language=preferred_language)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean()
    user.save()
    audit_record(
        actor=actor,
        action=Action.CREATE,
        target=user,
        changed_fields=["email", "full_name", "preferred_language"],
    )
    return user


@transaction.atomic
def user_update(*, actor: Any, user: User, **changes: Any) -> User:
    """Change the name, language or active state; records which fields changed."""
    unknown = set(changes) - set(_USER_FIELDS)
    if unknown:
        raise ValueError(f"cannot change {sorted(unknown)} here")
    changed = [name for name, value in changes.items() if getattr(user, name) != value]
    for name in changed:
        setattr(user, name, changes[name])
    if changed:
        user.full_clean()
        user.save(update_fields=changed)
        audit_record(actor=actor, action=Action.UPDATE, target=user, changed_fields=changed)
    return user


@transaction.atomic
def user_set_password(*, actor: Any, user: User, password: str) -> None:
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_record(actor=actor, action=Action.UPDATE, target=user, changed_fields=["password"])


@transaction.atomic
def sessions_end_everywhere(*, user: User) -> None:
    """End every session of ``user``, on every device (the sessions' signature changes)."""
    User.objects.filter(pk=user.pk).update(sessions_epoch=F("sessions_epoch") + 1)
    user.refresh_from_db(fields=["sessions_epoch"])
    audit_record(actor=user, action=Action.UPDATE, target=user, changed_fields=["sessions_epoch"])


@transaction.atomic
def assignment_add(
    *,
    actor: Any,
    user: User,
    role: Role | str,
    site: Site | None = None,
    area: Area | None = None,
) -> Assignment:
    """Give ``user`` a role at one site, in one area, or nationally (neither given)."""
    if site is not None and area is not None:
        raise ValidationError(_("Choose a site or an area, not both."))
    if role not in Role.values:
        raise ValidationError(_("Unknown role."))
    existing = Assignment.objects.filter(user=user, role=role, site=site, area=area).first()
    if existing is not None:
        return existing
    assignment = Assignment.objects.create(
        user=user, role=role, site=site, area=area, created_by=actor if actor and actor.pk else None
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        target=assignment,
        purpose=f"role {role} for user {user.pk}",
        changed_fields=["role", "site" if site else "area" if area else "national"],
    )
    return assignment


@transaction.atomic
def assignment_remove(*, actor: Any, assignment: Assignment) -> None:
    audit_record(
        actor=actor,
        action=Action.DELETE,
        target=assignment,
        purpose=f"role {assignment.role} for user {assignment.user_id}",
    )
    assignment.delete()
