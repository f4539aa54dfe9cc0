"""Django's technical admin site asks ``user.has_perm``; Waypoint's own code never does.

Who may do what in Waypoint lives in each app's ``access.py``. This backend answers Django's
question for its admin site only: an administrator (who also needs ``is_staff`` to open it)
holds every permission there, everyone else none.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import BaseBackend

from waypoint.accounts import access

ALL = "*"


class RoleBackend(BaseBackend):
    """Answers ``user.has_perm`` for Django's admin site from the roles; authenticates nobody."""

    def get_all_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        if not hasattr(user_obj, "role_names"):
            return set()
        return {ALL} if access.may(user_obj, access.Work.USE_DJANGO_ADMIN) else set()

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        return ALL in self.get_all_permissions(user_obj, obj)
