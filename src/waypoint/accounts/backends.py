"""Permissions follow roles: a role grants a fixed set of capabilities, wherever it is held."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import BaseBackend

from waypoint.accounts.models import Role

ALL = "*"

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.ADMINISTRATOR: frozenset({ALL}),
    Role.CENTRE_MANAGER: frozenset({"people.view_person", "people.change_person"}),
    Role.REGISTRATION_OFFICER: frozenset(
        {"people.view_person", "people.add_person", "people.change_person"}
    ),
    Role.CASE_WORKER: frozenset({"people.view_person"}),
    Role.PROTECTION_OFFICER: frozenset({"people.view_person"}),
    Role.AVRR_COUNSELLOR: frozenset({"people.view_person"}),
    Role.ENUMERATOR: frozenset(),
    Role.ANALYST: frozenset(),
    Role.PARTNER_VIEWER: frozenset(),
}


class RoleBackend(BaseBackend):
    """Answers ``user.has_perm`` from the user's roles; authenticates nobody."""

    def get_all_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        if not getattr(user_obj, "is_active", False) or not hasattr(user_obj, "role_names"):
            return set()
        granted: set[str] = set()
        for role in user_obj.role_names():
            granted |= ROLE_PERMISSIONS.get(role, frozenset())
        return granted

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        granted = self.get_all_permissions(user_obj, obj)
        return ALL in granted or perm in granted
