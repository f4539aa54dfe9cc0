from __future__ import annotations

import re

import pytest
from django.urls import reverse

from waypoint.places.models import Area, AreaLevel, Site

pytestmark = pytest.mark.django_db


@pytest.fixture
def map_page(loaded_places, signed_in_client) -> str:
    response = signed_in_client.get(reverse("places:map"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_map_has_one_shape_per_municipality(map_page):
    shapes = re.findall(r'<path class="municipality" d="M', map_page)

    assert len(shapes) == Area.objects.filter(level=AreaLevel.MUNICIPALITY).count() == 142
    assert len(re.findall(r'<path class="entity-outline"', map_page)) == 3


def test_the_map_has_one_dot_per_site_with_a_tooltip(map_page):
    dots = re.findall(r'<circle class="site site-(\w+)"[^>]*><title>([^<]+)</title>', map_page)

    assert len(dots) == Site.objects.count() == 13
    assert ("trc", "Lipa (Temporary reception centre)") in dots


def test_the_map_credits_geoboundaries_and_has_a_legend(map_page):
    assert "Boundaries: geoBoundaries (ODbL)" in map_page
    assert "Republika Srpska" in map_page
    assert "Flow monitoring point" in map_page


def test_the_map_needs_no_script_and_no_inline_style(map_page):
    # The layout loads htmx from a file for other pages; the map itself needs no script.
    assert re.search(r"<script(?![^>]*\bsrc=)", map_page) is None
    assert "style=" not in map_page
    assert 'viewBox="0 0 1000 ' in map_page
