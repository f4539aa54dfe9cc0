"""The round map: BiH's municipalities from ``places`` with a proportional circle per
centre and location. Circle area is proportional to the count (radius ∝ √count)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from waypoint.places import geometry
from waypoint.places.maps import AreaRecord, MapLayers, build_map_layers
from waypoint.places.models import Area, AreaLevel, Site
from waypoint.presence.figures import RoundFigures
from waypoint.presence.models import Location

MAX_RADIUS = 28.0
CENTRE_COLOUR = "#D55E00"
LOCATION_COLOUR = "#0072B2"


@dataclass(frozen=True)
class Symbol:
    code: str
    name: str
    kind: str
    count: int
    x: str
    y: str
    radius: str
    fill: str


@dataclass(frozen=True)
class PresenceMap:
    layers: MapLayers
    symbols: list[Symbol]
    legend_counts: list[tuple[int, str]]


def _radius(count: int, largest: int) -> float:
    return MAX_RADIUS * math.sqrt(count / largest) if largest else 0.0


def presence_map(figures: RoundFigures) -> PresenceMap:
    areas = [
        AreaRecord(*row)
        for row in Area.objects.filter(
            level__in=[AreaLevel.ENTITY, AreaLevel.CANTON, AreaLevel.MUNICIPALITY]
        ).values_list("code", "name", "level", "path", "boundary_svg")
    ]
    layers = build_map_layers(areas, [], kind_labels={})
    places = figures.by_centre + figures.by_location
    codes_centres = [place.code for place in figures.by_centre]
    codes_locations = [place.code for place in figures.by_location]
    coordinates = {
        code: (float(lon), float(lat))
        for code, lon, lat in Site.objects.filter(code__in=codes_centres).values_list(
            "code", "longitude", "latitude"
        )
    }
    location_coordinates = {
        code: (float(lon), float(lat))
        for code, lon, lat in Location.objects.filter(code__in=codes_locations).values_list(
            "code", "longitude", "latitude"
        )
    }
    largest = max((place.count for place in places), default=0)
    symbols = []
    for place in sorted(places, key=lambda item: -item.count):
        where = (coordinates if place.kind == "centre" else location_coordinates).get(place.code)
        if where is None or place.count <= 0:
            continue
        x, y = geometry.BIH_PROJECTION.project(*where)
        symbols.append(
            Symbol(
                place.code,
                place.name,
                place.kind,
                place.count,
                f"{x:.1f}",
                f"{y:.1f}",
                f"{max(_radius(place.count, largest), 2.0):.1f}",
                CENTRE_COLOUR if place.kind == "centre" else LOCATION_COLOUR,
            )
        )
    legend = [(value, f"{_radius(value, largest):.1f}") for value in _legend_values(largest)]
    return PresenceMap(layers, symbols, legend)


def _legend_values(largest: int) -> list[int]:
    if largest <= 0:
        return []
    magnitude = 10 ** int(math.log10(largest))
    top = (largest // magnitude) * magnitude
    # No legend circle below 5: a reader must not take a scale value for a small count.
    return sorted({value for value in (top, top // 4, top // 16) if value >= 5}, reverse=True)
