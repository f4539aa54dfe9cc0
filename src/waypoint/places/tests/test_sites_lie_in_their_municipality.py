"""A data check on the shipped files: each site's coordinates fall in its municipality."""

from __future__ import annotations

from waypoint.places import datafiles, geometry


def test_every_site_lies_inside_the_outline_of_its_municipality():
    directory = datafiles.DATA_DIR
    areas = datafiles.read_areas(directory / datafiles.AREAS_FILE)
    sites = datafiles.read_sites(directory / datafiles.SITES_FILE, areas)
    topology = datafiles.read_topology(directory / datafiles.BOUNDARIES_FILE)
    arcs = geometry.decode_arcs(topology)
    features = geometry.named_geometries(topology, datafiles.BOUNDARIES_OBJECT)
    source_names = {area.code: area.source_name for area in areas}

    for site in sites:
        polygons = [
            [geometry.arc_ring_points(arcs, ring) for ring in polygon]
            for polygon in features[source_names[site.municipality_code]]
        ]
        point = (float(site.longitude), float(site.latitude))
        assert geometry.point_in_polygons(point, polygons), site.code


def test_each_centre_has_its_own_registration_prefix_and_flow_points_have_none():
    directory = datafiles.DATA_DIR
    areas = datafiles.read_areas(directory / datafiles.AREAS_FILE)
    sites = datafiles.read_sites(directory / datafiles.SITES_FILE, areas)

    prefixes = [site.registration_prefix for site in sites if site.kind != "flow_point"]
    assert len(prefixes) == len(set(prefixes)) == 7
    assert all(site.registration_prefix == "" for site in sites if site.kind == "flow_point")
