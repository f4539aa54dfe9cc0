"""The one access-scoping layer: which sites a user's roles reach.

Every ``queries.py`` that reads personal data filters through ``scope_for`` so a user sees
records only at the sites their assignments cover; anything else answers 404. An active
emergency access (``BreakGlass``) adds its site, for the personal-data roles the user already
holds: never a new role (``accounts.break_glass``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet

from waypoint.accounts.models import Assignment, BreakGlass, Role
from waypoint.places.models import Site

# Roles that work with individual people's records. Analysts and partners see aggregates.
PERSONAL_DATA_ROLES = frozenset(
    {
        Role.ADMINISTRATOR,
        Role.CENTRE_MANAGER,
        Role.REGISTRATION_OFFICER,
        Role.CASE_WORKER,
        Role.PROTECTION_OFFICER,
        Role.AVRR_COUNSELLOR,
    }
)


@dataclass(frozen=True)
class Scope:
    """Where a set of a user's roles apply: everywhere, or these sites and areas."""

    national: bool = False
    site_ids: frozenset[int] = frozenset()
    area_paths: frozenset[str] = frozenset()

    @property
    def is_empty(self) -> bool:
        return not (self.national or self.site_ids or self.area_paths)

    def site_filter(self, field: str = "") -> Q:
        """A filter for rows whose site (reached through ``field``) is in scope.

        ``field`` is the lookup path from the filtered model to a Site, e.g.
        ``"registered_at"``; empty when filtering Site itself.
        """
        prefix = f"{field}__" if field else ""
        if self.national:
            return Q()
        condition = Q(**{f"{prefix}pk__in": []})
        if self.site_ids:
            condition |= Q(**{f"{prefix}pk__in": sorted(self.site_ids)})
        for path in sorted(self.area_paths):
            condition |= Q(**{f"{prefix}municipality__path": path})
            condition |= Q(**{f"{prefix}municipality__path__startswith": path + "/"})
        return condition

    def sites(self) -> QuerySet[Site]:
        return Site.objects.filter(self.site_filter()).select_related("municipality")

    def allows_site(self, site: Site | None) -> bool:
        if self.national:
            return True
        if site is None:
            return False
        if site.pk in self.site_ids:
            return True
        path = site.municipality.path
        return any(path == area or path.startswith(area + "/") for area in self.area_paths)


def scope_for(
    user: Any, roles: Iterable[str] = PERSONAL_DATA_ROLES, *, at: datetime | None = None
) -> Scope:
    """The union of the scopes of ``user``'s assignments in any of ``roles``, widened by the
    user's emergency accesses active at ``at`` (now) when the user holds one of ``roles``
    that is a personal-data role.

    An inactive or anonymous user has an empty scope.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Scope()
    national = False
    site_ids: set[int] = set()
    area_paths: set[str] = set()
    held: set[str] = set()
    assignments = Assignment.objects.filter(user=user, role__in=list(roles)).select_related("area")
    for assignment in assignments:
        held.add(assignment.role)
        if assignment.is_national:
            national = True
        elif assignment.site_id is not None:
            site_ids.add(assignment.site_id)
        elif assignment.area is not None:
            area_paths.add(assignment.area.path)
    if held & PERSONAL_DATA_ROLES and not national:
        for site_id in _break_glass_sites(user, at):
            if site_id is None:
                national = True
            else:
                site_ids.add(site_id)
    if national:
        return Scope(national=True)
    return Scope(site_ids=frozenset(site_ids), area_paths=frozenset(area_paths))


# Set on the request's user by ``break_glass.BreakGlassMiddleware``, which reads the active
# grants once per request anyway: ``scope_for`` then needs no query of its own for them.
ACTIVE_GRANTS_ATTRIBUTE = "_break_glass_site_ids"


def _break_glass_sites(user: Any, at: datetime | None) -> list[int | None]:
    """The sites (None: every site) of ``user``'s grants active at ``at`` (now)."""
    known = getattr(user, ACTIVE_GRANTS_ATTRIBUTE, None)
    if at is None and known is not None:
        return list(known)
    return list(BreakGlass.objects.filter(user=user).active(at).values_list("site_id", flat=True))
