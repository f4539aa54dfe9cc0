"""Pure geometry for Waypoint's maps: TopoJSON decoding, projection, simplification, SVG paths.

No Django and no database here. The loader (``services.places_load``) turns the boundary
file into SVG path strings once, and the map page only places those stored paths and the
projected site points, so both must use the same plane: ``BIH_PROJECTION``.

Simplification works on TopoJSON *arcs*, not on rings: two neighbouring municipalities
share each border arc, so simplifying the arc once keeps their outlines touching with no
gaps or slivers.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Point = tuple[float, float]
Line = list[Point]
Ring = list[Point]
Polygon = list[Ring]  # the outer ring first, then any holes
ArcRing = list[int]  # TopoJSON arc indices; ~i (that is -i - 1) means arc i reversed
ArcPolygon = list[ArcRing]


class TopologyError(ValueError):
    """The TopoJSON document is not shaped as this module expects."""


# --- decoding -----------------------------------------------------------------------------


def decode_arcs(topology: Mapping[str, Any]) -> list[Line]:
    """Every arc of a TopoJSON topology as absolute (longitude, latitude) points.

    A quantized topology (one with a ``transform``) stores each arc as a first position
    followed by deltas; an unquantized one stores absolute positions.
    """
    raw_arcs = topology.get("arcs")
    if not isinstance(raw_arcs, list):
        raise TopologyError("the topology has no list of arcs")
    transform = topology.get("transform")
    if transform is None:
        return [[(float(x), float(y)) for x, y, *_ in arc] for arc in raw_arcs]
    try:
        scale_x, scale_y = (float(value) for value in transform["scale"])
        shift_x, shift_y = (float(value) for value in transform["translate"])
    except (KeyError, TypeError, ValueError) as error:
        raise TopologyError("the topology's transform needs a scale and a translate") from error
    arcs: list[Line] = []
    for arc in raw_arcs:
        x = y = 0
        points: Line = []
        for delta_x, delta_y, *_ in arc:
            x += delta_x
            y += delta_y
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def arc_line(arcs: Sequence[Line], index: int) -> Line:
    """The points of one arc reference; a negative reference reads the arc backwards."""
    if index >= 0:
        return list(arcs[index])
    return list(reversed(arcs[~index]))


def arc_ring_points(arcs: Sequence[Line], ring: ArcRing) -> Ring:
    """Join the arcs of a ring; consecutive arcs share an end point, kept once."""
    points: Ring = []
    for index in ring:
        line = arc_line(arcs, index)
        points.extend(line[1:] if points else line)
    return points


def geometry_arc_polygons(geometry: Mapping[str, Any]) -> list[ArcPolygon]:
    """A Polygon or MultiPolygon geometry's arc references, as a list of polygons."""
    kind = geometry.get("type")
    if kind == "Polygon":
        return [geometry["arcs"]]
    if kind == "MultiPolygon":
        return list(geometry["arcs"])
    if kind is None:
        return []
    raise TopologyError(f"unsupported geometry type {kind!r}")


def named_geometries(
    topology: Mapping[str, Any], object_name: str, *, name_property: str = "name"
) -> dict[str, list[ArcPolygon]]:
    """Arc polygons per feature name; features sharing a name are merged into one."""
    try:
        geometries = topology["objects"][object_name]["geometries"]
    except (KeyError, TypeError) as error:
        raise TopologyError(f"the topology has no object {object_name!r}") from error
    merged: dict[str, list[ArcPolygon]] = defaultdict(list)
    for geometry in geometries:
        name = (geometry.get("properties") or {}).get(name_property)
        if not name:
            raise TopologyError(f"a geometry in {object_name!r} has no {name_property!r}")
        merged[str(name)].extend(geometry_arc_polygons(geometry))
    return dict(merged)


def named_properties(
    topology: Mapping[str, Any], object_name: str, *, name_property: str = "name"
) -> dict[str, dict[str, Any]]:
    """The properties of each named feature (the first feature, when a name repeats)."""
    result: dict[str, dict[str, Any]] = {}
    for geometry in topology["objects"][object_name]["geometries"]:
        properties = geometry.get("properties") or {}
        result.setdefault(str(properties.get(name_property)), properties)
    return result


def _number(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in {"", "-0"} else text


# --- projection ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Projection:
    """Equirectangular projection scaled by the cosine of the middle latitude, fitted to a box.

    Good enough for a country the size of Bosnia and Herzegovina: distances east-west and
    north-south agree to within about 1% across it. ``y`` grows downwards, as in SVG.
    """

    west: float
    north: float
    cos_latitude: float
    scale: float  # map units per degree of latitude
    padding: float
    width: float
    height: float

    def project(self, longitude: float, latitude: float) -> Point:
        x = self.padding + (longitude - self.west) * self.cos_latitude * self.scale
        y = self.padding + (self.north - latitude) * self.scale
        return (x, y)

    @property
    def view_box(self) -> str:
        return f"0 0 {_number(self.width)} {_number(self.height)}"


def fit_projection(
    bbox: tuple[float, float, float, float], *, width: float = 1000.0, padding: float = 10.0
) -> Projection:
    """A projection that fits (west, south, east, north) into ``width`` map units."""
    west, south, east, north = bbox
    if not (east > west and north > south):
        raise ValueError("the bounding box must have east > west and north > south")
    cos_latitude = math.cos(math.radians((south + north) / 2))
    scale = (width - 2 * padding) / ((east - west) * cos_latitude)
    height = math.ceil((north - south) * scale + 2 * padding)
    return Projection(west, north, cos_latitude, scale, padding, width, float(height))


def bounding_box(lines: Iterable[Line]) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    for line in lines:
        for x, y in line:
            xs.append(x)
            ys.append(y)
    if not xs:
        raise ValueError("no points")
    return (min(xs), min(ys), max(xs), max(ys))


# Bosnia and Herzegovina's extent (geoBoundaries ADM2, rounded outwards to 0.01 degree).
# Stored outlines and site symbols are both drawn in this plane; change it only together
# with a reload of the boundaries (``waypoint places load``).
BIH_BBOX = (15.72, 42.54, 19.63, 45.28)
BIH_PROJECTION = fit_projection(BIH_BBOX, width=1000.0, padding=10.0)
MAP_VIEW_BOX = BIH_PROJECTION.view_box


def project_point(
    longitude: float, latitude: float, projection: Projection = BIH_PROJECTION
) -> Point:
    """A site's position on the map, in the same plane as the stored outlines."""
    return projection.project(longitude, latitude)


# --- simplification -----------------------------------------------------------------------


def simplify_line(line: Line, tolerance: float) -> Line:
    """Douglas-Peucker simplification that always keeps both end points.

    A closed arc (first point equal to the last) keeps at least three distinct points so
    a small island does not collapse into a line.
    """
    if len(line) < 3 or tolerance <= 0:
        return list(line)
    keep = [False] * len(line)
    keep[0] = keep[-1] = True
    stack = [(0, len(line) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, distance = _farthest_point(line, first, last)
        if farthest is not None and distance > tolerance:
            keep[farthest] = True
            stack.append((first, farthest))
            stack.append((farthest, last))
    simplified = [point for point, kept in zip(line, keep, strict=True) if kept]
    if line[0] == line[-1] and len(set(simplified)) < 3:
        return list(line) if len(set(line)) < 4 else _closed_triangle(line)
    return simplified


def _farthest_point(line: Line, first: int, last: int) -> tuple[int | None, float]:
    (ax, ay), (bx, by) = line[first], line[last]
    dx, dy = bx - ax, by - ay
    length = math.hypot(dx, dy)
    farthest, best = None, -1.0
    for index in range(first + 1, last):
        px, py = line[index]
        if length == 0:
            distance = math.hypot(px - ax, py - ay)
        else:
            distance = abs(dy * px - dx * py + bx * ay - by * ax) / length
        if distance > best:
            farthest, best = index, distance
    return farthest, best


def _closed_triangle(line: Line) -> Line:
    start = line[0]
    far = max(range(len(line)), key=lambda i: math.dist(start, line[i]))
    third = max(
        (i for i in range(1, len(line) - 1) if i != far),
        key=lambda i: math.dist(start, line[i]) + math.dist(line[far], line[i]),
    )
    first, second = sorted((far, third))
    return [start, line[first], line[second], start]


# --- outlines of groups of features (a TopoJSON "mesh") ---------------------------------


def outline_arcs(polygons_by_member: Iterable[Sequence[ArcPolygon]]) -> list[int]:
    """The arcs on the outline of a group of features, as arc indices.

    An arc is on the group's outline when exactly one of the group's rings uses it: an arc
    used twice lies between two members of the group.
    """
    uses: Counter[int] = Counter()
    for polygons in polygons_by_member:
        for polygon in polygons:
            for ring in polygon:
                for index in ring:
                    uses[index if index >= 0 else ~index] += 1
    return sorted(index for index, count in uses.items() if count == 1)


def stitch_arcs(arcs: Sequence[Line], indices: Iterable[int]) -> list[Line]:
    """Chain arcs end to end into the fewest lines; a closed outline becomes one ring."""
    pending = list(dict.fromkeys(indices))
    by_end: dict[Point, list[int]] = defaultdict(list)
    for index in pending:
        by_end[arcs[index][0]].append(index)
        by_end[arcs[index][-1]].append(index)
    used: set[int] = set()
    chains: list[Line] = []
    for start in pending:
        if start in used:
            continue
        used.add(start)
        chain = list(arcs[start])
        while chain[0] != chain[-1]:
            candidates = [i for i in by_end[chain[-1]] if i not in used]
            if not candidates:
                break
            following = candidates[0]
            used.add(following)
            line = arcs[following] if arcs[following][0] == chain[-1] else arcs[following][::-1]
            chain.extend(line[1:])
        chains.append(chain)
    return chains


# --- point in polygon (for data checks) ---------------------------------------------------


def point_in_polygons(point: Point, polygons: Sequence[Polygon]) -> bool:
    """Whether a point lies inside any of the polygons (even-odd rule, holes respected)."""
    return any(_inside_rings(point, polygon) for polygon in polygons)


def _inside_rings(point: Point, rings: Sequence[Ring]) -> bool:
    x, y = point
    inside = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                inside = not inside
    return inside


# --- SVG ----------------------------------------------------------------------------------


def _tenths(value: int) -> str:
    text = _number(value / 10)
    if text.startswith("0."):
        return text[1:]
    if text.startswith("-0."):
        return "-" + text[2:]
    return text


def svg_path(lines: Iterable[Line], *, closed: bool) -> str:
    """An SVG path: absolute move-to, then relative line-to in tenths of a map unit.

    Coordinates are rounded to 0.1 first and the relative steps taken between rounded
    points, so rounding never accumulates along a long border.
    """
    parts: list[str] = []
    for line in lines:
        rounded = [(round(x * 10), round(y * 10)) for x, y in line]
        deduplicated = [p for i, p in enumerate(rounded) if i == 0 or p != rounded[i - 1]]
        if closed and len(deduplicated) > 1 and deduplicated[0] == deduplicated[-1]:
            deduplicated.pop()
        if len(deduplicated) < (3 if closed else 2):
            continue
        (x0, y0), rest = deduplicated[0], deduplicated[1:]
        steps = []
        previous_x, previous_y = x0, y0
        for x, y in rest:
            steps.append(f"{_tenths(x - previous_x)} {_tenths(y - previous_y)}")
            previous_x, previous_y = x, y
        parts.append(f"M{_tenths(x0)} {_tenths(y0)}l" + " ".join(steps) + ("z" if closed else ""))
    return "".join(parts)


@dataclass(frozen=True)
class ProjectedTopology:
    """A topology's arcs projected onto the map plane and simplified once."""

    arcs: list[Line]

    @classmethod
    def from_topology(
        cls,
        topology: Mapping[str, Any],
        *,
        projection: Projection = BIH_PROJECTION,
        tolerance: float = 0.5,
    ) -> ProjectedTopology:
        projected = [
            [projection.project(lon, lat) for lon, lat in arc] for arc in decode_arcs(topology)
        ]
        return cls([simplify_line(arc, tolerance) for arc in projected])

    def polygons(self, arc_polygons: Sequence[ArcPolygon]) -> list[Polygon]:
        return [[arc_ring_points(self.arcs, ring) for ring in polygon] for polygon in arc_polygons]

    def area_path(self, arc_polygons: Sequence[ArcPolygon]) -> str:
        """A fillable SVG path of a feature's polygons (holes cut with the even-odd rule)."""
        rings = [ring for polygon in self.polygons(arc_polygons) for ring in polygon]
        return svg_path(rings, closed=True)

    def outline_path(self, members: Iterable[Sequence[ArcPolygon]]) -> str:
        """The outline of a group of features, stitched into rings where it closes."""
        lines = stitch_arcs(self.arcs, outline_arcs(members))
        closed = [line for line in lines if line[0] == line[-1]]
        open_lines = [line for line in lines if line[0] != line[-1]]
        return svg_path(closed, closed=True) + svg_path(open_lines, closed=False)
