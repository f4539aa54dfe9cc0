"""The map of areas and sites as plain data for the SVG template; no database here.

``queries.map_layers`` reads the stored outlines and sites and hands them to
``build_map_layers``; the template ``places/partials/map_svg.html`` draws the result.
Colours are SVG presentation attributes (not ``style``), so the figure is self-contained:
it obeys the strict content security policy and looks the same when embedded in a PDF.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from waypoint.places import geometry
from waypoint.places.models import AreaLevel

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
SITE_COLOURS = {
    "trc": "#D55E00",
    "asylum": "#0072B2",
    "immigration": "#CC79A7",
    "informal": "#E69F00",
    "flow_point": "#009E73",
}
ENTITY_COLOURS = {"BA01": "#ECE7D6", "BA02": "#D9E4EE", "BA03": "#E8DCE8"}
OTHER_AREA_COLOUR = "#E6E6E6"
# Flow monitoring points sit in towns next to centres: draw them smaller and underneath.
SITE_RADII = {"flow_point": "5"}
DEFAULT_SITE_RADIUS = "7"


@dataclass(frozen=True)
class AreaShape:
    code: str
    name: str
    entity_code: str
    fill: str
    path: str


@dataclass(frozen=True)
class SitePoint:
    code: str
    name: str
    kind: str
    kind_label: str
    x: str
    y: str
    radius: str
    fill: str


@dataclass(frozen=True)
class LegendEntry:
    label: str
    fill: str


@dataclass(frozen=True)
class MapLayers:
    view_box: str
    width: str
    height: str
    municipalities: list[AreaShape]
    canton_outlines: list[str]
    entity_outlines: list[str]
    sites: list[SitePoint]
    entity_legend: list[LegendEntry]
    site_legend: list[LegendEntry]


@dataclass(frozen=True)
class AreaRecord:
    """What the map needs of one stored area."""

    code: str
    name: str
    level: int
    path: str
    boundary_svg: str


@dataclass(frozen=True)
class SiteRecord:
    """What the map needs of one stored site."""

    code: str
    name: str
    kind: str
    longitude: float
    latitude: float


def build_map_layers(
    areas: Iterable[AreaRecord],
    sites: Iterable[SiteRecord],
    *,
    kind_labels: Mapping[str, str],
    projection: geometry.Projection = geometry.BIH_PROJECTION,
) -> MapLayers:
    """Municipality shapes coloured by entity, canton and entity borders, one dot per site.

    ``kind_labels`` names each site kind in the reader's language, in legend order.
    """
    areas = list(areas)
    entity_names = {area.code: area.name for area in areas if area.level == AreaLevel.ENTITY}
    municipalities = []
    for area in areas:
        if area.level != AreaLevel.MUNICIPALITY or not area.boundary_svg:
            continue
        entity_code = _entity_code(area.path)
        municipalities.append(
            AreaShape(
                code=area.code,
                name=area.name,
                entity_code=entity_code,
                fill=ENTITY_COLOURS.get(entity_code, OTHER_AREA_COLOUR),
                path=area.boundary_svg,
            )
        )
    points = []
    for site in sites:
        x, y = projection.project(site.longitude, site.latitude)
        points.append(
            SitePoint(
                code=site.code,
                name=site.name,
                kind=site.kind,
                kind_label=kind_labels.get(site.kind, site.kind),
                x=f"{x:.1f}",
                y=f"{y:.1f}",
                radius=SITE_RADII.get(site.kind, DEFAULT_SITE_RADIUS),
                fill=SITE_COLOURS.get(site.kind, "#333333"),
            )
        )
    points.sort(key=lambda point: point.kind != "flow_point")
    kinds_present = {point.kind for point in points}
    return MapLayers(
        view_box=projection.view_box,
        width=f"{projection.width:g}",
        height=f"{projection.height:g}",
        municipalities=municipalities,
        canton_outlines=_outlines(areas, AreaLevel.CANTON),
        entity_outlines=_outlines(areas, AreaLevel.ENTITY),
        sites=points,
        entity_legend=[
            LegendEntry(entity_names[code], colour)
            for code, colour in ENTITY_COLOURS.items()
            if code in entity_names
        ],
        site_legend=[
            LegendEntry(label, SITE_COLOURS.get(kind, "#333333"))
            for kind, label in kind_labels.items()
            if kind in kinds_present
        ],
    )


def _outlines(areas: list[AreaRecord], level: AreaLevel) -> list[str]:
    return [area.boundary_svg for area in areas if area.level == level and area.boundary_svg]


def _entity_code(path: str) -> str:
    codes = path.split("/")
    return codes[1] if len(codes) > 1 else ""
