"""Reads of places: sites and areas are reference data, open to every signed-in user.

No function here takes the acting user because nothing here is personal data or scoped;
if a kind of site ever needs hiding from some roles, add the user parameter then.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext as _

from waypoint.places.maps import AreaRecord, MapLayers, SiteRecord, build_map_layers
from waypoint.places.models import Area, AreaLevel, Site, SiteKind

# The order kinds are listed in: centres first, then what lies outside them.
KIND_ORDER = list(SiteKind.values)


@dataclass(frozen=True)
class SiteGroup:
    kind: str
    label: str
    sites: list[Site]


def sites_list(*, kind: str | None = None) -> list[Site]:
    """Sites of one kind, or all, ordered by kind (centres first) then name.

    Each site comes with its municipality and the municipality's parent (the canton in
    the Federation, the entity elsewhere) already fetched.
    """
    sites = Site.objects.select_related("municipality__parent")
    if kind:
        sites = sites.filter(kind=kind)
    return sorted(sites, key=lambda site: (_kind_rank(site.kind), site.name.casefold()))


def sites_by_kind(*, kind: str | None = None) -> list[SiteGroup]:
    """``sites_list`` split into groups, one per kind that has sites."""
    groups: dict[str, list[Site]] = {}
    for site in sites_list(kind=kind):
        groups.setdefault(site.kind, []).append(site)
    labels = dict(SiteKind.choices)
    return [
        SiteGroup(group_kind, str(labels.get(group_kind, group_kind)), members)
        for group_kind, members in groups.items()
    ]


def site_by_code(code: str) -> Site:
    """The site with this code, with its chain of areas fetched; 404 when there is none."""
    try:
        return Site.objects.select_related("municipality__parent__parent__parent").get(code=code)
    except Site.DoesNotExist:
        raise Http404(_("No site has this code.")) from None


def area_chain(area: Area) -> list[Area]:
    """The area and its ancestors, the country last (uses already fetched parents)."""
    chain = []
    current: Area | None = area
    while current is not None:
        chain.append(current)
        current = current.parent
    return chain


def map_layers() -> MapLayers:
    """Everything the national map draws: municipality shapes, borders and all sites."""
    areas = [
        AreaRecord(code, name, level, path, boundary_svg)
        for code, name, level, path, boundary_svg in Area.objects.filter(
            level__in=[AreaLevel.ENTITY, AreaLevel.CANTON, AreaLevel.MUNICIPALITY]
        ).values_list("code", "name", "level", "path", "boundary_svg")
    ]
    sites = [
        SiteRecord(site.code, site.name, site.kind, float(site.longitude), float(site.latitude))
        for site in sites_list()
    ]
    labels = {kind: str(label) for kind, label in SiteKind.choices}
    return build_map_layers(areas, sites, kind_labels=labels)


def _kind_rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)
