"""The pure geometry, on a hand-made topology: two squares side by side sharing one edge."""

from __future__ import annotations

import math

import pytest

from waypoint.places import geometry

# Quantized positions (delta-encoded) with a transform: x * 0.5 + 16, y * 0.25 + 43.
# Arc 0 is the shared edge (1,0)-(1,1); arc 1 closes the west square, arc 2 the east one.
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.25], "translate": [16, 43]},
    "arcs": [
        [[1, 0], [0, 1]],
        [[1, 1], [-1, 0], [0, -1], [1, 0]],
        [[1, 0], [1, 0], [0, 1], [-1, 0]],
    ],
    "objects": {
        "municipalities": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "West"}},
                {"type": "Polygon", "arcs": [[2, -1]], "properties": {"name": "East"}},
            ],
        }
    },
}


def test_it_decodes_delta_encoded_arcs_with_the_transform():
    arcs = geometry.decode_arcs(TOPOLOGY)

    assert arcs[0] == [(16.5, 43.0), (16.5, 43.25)]
    assert arcs[1] == [(16.5, 43.25), (16.0, 43.25), (16.0, 43.0), (16.5, 43.0)]


def test_it_reads_absolute_positions_when_there_is_no_transform():
    topology = {"arcs": [[[16.0, 43.0], [17.0, 44.0]]]}

    assert geometry.decode_arcs(topology) == [[(16.0, 43.0), (17.0, 44.0)]]


def test_a_negative_arc_index_reads_the_arc_backwards_to_close_the_ring():
    arcs = geometry.decode_arcs(TOPOLOGY)
    east = geometry.named_geometries(TOPOLOGY, "municipalities")["East"]

    ring = geometry.arc_ring_points(arcs, east[0][0])

    assert ring[0] == ring[-1] == (16.5, 43.0)
    assert ring == [(16.5, 43.0), (17.0, 43.0), (17.0, 43.25), (16.5, 43.25), (16.5, 43.0)]


def test_features_that_share_a_name_are_merged_into_one_multipolygon():
    topology = {
        **TOPOLOGY,
        "objects": {
            "municipalities": {
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "Twice"}},
                    {"type": "MultiPolygon", "arcs": [[[2, -1]]], "properties": {"name": "Twice"}},
                ]
            }
        },
    }

    merged = geometry.named_geometries(topology, "municipalities")

    assert merged == {"Twice": [[[0, 1]], [[2, -1]]]}


def test_the_outline_of_both_squares_leaves_out_the_shared_edge_and_closes():
    features = geometry.named_geometries(TOPOLOGY, "municipalities")
    arcs = geometry.decode_arcs(TOPOLOGY)

    outer = geometry.outline_arcs(features.values())
    lines = geometry.stitch_arcs(arcs, outer)

    assert outer == [1, 2]
    assert len(lines) == 1
    assert lines[0][0] == lines[0][-1]
    assert len(set(lines[0])) == 6  # the shared edge's two ends are corners of the outline
    assert (16.5, 43.0) in lines[0]


def test_the_projection_keeps_north_up_and_squares_square_at_mid_latitude():
    projection = geometry.fit_projection((16.0, 43.0, 17.0, 43.25), width=100, padding=0)

    west_x, north_y = projection.project(16.0, 43.25)
    east_x, south_y = projection.project(17.0, 43.0)

    assert (west_x, north_y) == (0, 0)
    assert east_x == pytest.approx(100)
    assert south_y > north_y
    expected_height = 0.25 / (1.0 * math.cos(math.radians(43.125))) * 100
    assert south_y == pytest.approx(expected_height)
    assert projection.view_box == f"0 0 100 {math.ceil(expected_height)}"


def test_it_writes_closed_svg_paths_in_relative_tenths():
    projection = geometry.fit_projection((16.0, 43.0, 17.0, 43.25), width=100, padding=0)
    projected = geometry.ProjectedTopology.from_topology(
        TOPOLOGY, projection=projection, tolerance=0
    )
    west = geometry.named_geometries(TOPOLOGY, "municipalities")["West"]

    path = projected.area_path(west)

    assert path.startswith("M50 ")
    assert path.endswith("z")
    assert path.count("M") == 1


def test_simplifying_drops_near_straight_points_but_keeps_the_ends():
    line = [(0.0, 0.0), (1.0, 0.01), (2.0, -0.01), (3.0, 0.0), (3.0, 5.0)]

    assert geometry.simplify_line(line, 0.1) == [(0.0, 0.0), (3.0, 0.0), (3.0, 5.0)]
    assert geometry.simplify_line(line, 0) == line


def test_a_point_is_inside_the_square_that_contains_it():
    arcs = geometry.decode_arcs(TOPOLOGY)
    features = geometry.named_geometries(TOPOLOGY, "municipalities")
    west = [
        [geometry.arc_ring_points(arcs, ring) for ring in polygon] for polygon in features["West"]
    ]

    assert geometry.point_in_polygons((16.25, 43.1), west)
    assert not geometry.point_in_polygons((16.75, 43.1), west)


def test_a_site_point_and_an_outline_share_the_national_map_plane():
    x, y = geometry.project_point(18.41, 43.86)  # Sarajevo

    width, height = (float(n) for n in geometry.MAP_VIEW_BOX.split()[2:])
    assert 0 < x < width
    assert 0 < y < height
