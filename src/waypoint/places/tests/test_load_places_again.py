from __future__ import annotations

import pytest

from waypoint.places.models import Area, Site
from waypoint.places.services import places_load

pytestmark = pytest.mark.django_db


def test_loading_twice_changes_nothing(loaded_places):
    assert loaded_places.created == 156 + 13
    areas_before = list(Area.objects.values_list("id", "code", "path", "parent_id"))
    sites_before = list(Site.objects.values_list("id", "code", "municipality_id"))

    again = places_load()

    assert (again.created, again.updated) == (0, 0)
    assert again.summary() == loaded_places.summary()
    assert list(Area.objects.values_list("id", "code", "path", "parent_id")) == areas_before
    assert list(Site.objects.values_list("id", "code", "municipality_id")) == sites_before


def test_loading_again_restores_edited_rows_in_place(loaded_places):
    Site.objects.filter(code="TRC-LIP").update(name="Renamed", capacity=1)
    lipa_id = Site.objects.get(code="TRC-LIP").pk

    report = places_load()

    assert report.updated == 1
    lipa = Site.objects.get(code="TRC-LIP")
    assert (lipa.pk, lipa.name, lipa.capacity) == (lipa_id, "Lipa", 1500)
