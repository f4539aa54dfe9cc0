from __future__ import annotations

import re

import pytest

from waypoint.places.models import Area, Site
from waypoint.places.services import PlacesDataError, places_load

from .conftest import replace_in_file

pytestmark = pytest.mark.django_db


def test_a_missing_file_names_the_file_and_loads_nothing(no_places, data_copy):
    (data_copy / "sites.csv").unlink()

    with pytest.raises(PlacesDataError, match=r"sites\.csv: file not found"):
        places_load(data_dir=data_copy)

    assert not Area.objects.exists()


def test_a_missing_directory_is_reported(tmp_path):
    with pytest.raises(PlacesDataError, match="no such data directory"):
        places_load(data_dir=tmp_path / "nowhere")


def test_a_bad_site_row_names_file_row_and_column_and_loads_no_areas(no_places, data_copy):
    # Lipa is the first site: row 2, the header being row 1.
    replace_in_file(data_copy / "sites.csv", "44.70960", "north-ish")

    with pytest.raises(PlacesDataError) as raised:
        places_load(data_dir=data_copy)

    message = str(raised.value)
    assert re.search(r"sites\.csv row 2, column latitude: 'north-ish' is not a latitude", message)
    assert "\n" not in message
    assert not Area.objects.exists()
    assert not Site.objects.exists()


def test_a_bad_row_leaves_previously_loaded_data_as_it_was(loaded_places, data_copy):
    replace_in_file(data_copy / "sites.csv", "TRC-LIP,Lipa,", "TRC-LIP,Lipa Renamed,")
    replace_in_file(data_copy / "sites.csv", ",flow_point,BA02062,", ",bus_stop,BA02062,")

    with pytest.raises(PlacesDataError, match=r"row 14, column kind: 'bus_stop' is not one of"):
        places_load(data_dir=data_copy)

    assert Site.objects.get(code="TRC-LIP").name == "Lipa"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            ",municipality,BA0101,56261,",
            ",village,BA0101,56261,",
            r"areas\.csv row 16, column level: 'village' is not one of",
        ),
        (
            "BA0101001,Bihać,municipality,BA0101,",
            "BA0101001,Bihać,municipality,BA0111,",
            r"areas\.csv row 16, column parent_code: no area has the code 'BA0111'",
        ),
        (
            "BA0101001,Bihać,municipality,BA0101,",
            "BA0101001,Bihać,municipality,BA02,",
            r"areas\.csv row 16, column code: expected the parent's code BA02",
        ),
        ("56261,Bihać", "56261,Bihac", r"areas\.csv row 16, column source_name: .* no feature"),
        (
            "BA0101002,Bosanska Krupa,",
            "BA0101001,Bosanska Krupa,",
            r"areas\.csv row 17, column code: 'BA0101001' already appears in row 16",
        ),
        (
            "56261,Bihać",
            "many,Bihać",
            r"areas\.csv row 16, column population_2013: 'many' is not a whole number",
        ),
    ],
)
def test_bad_area_rows_are_reported_precisely(no_places, data_copy, old, new, message):
    replace_in_file(data_copy / "areas.csv", old, new)

    with pytest.raises(PlacesDataError, match=message):
        places_load(data_dir=data_copy)

    assert not Area.objects.exists()


def test_a_boundary_feature_without_a_municipality_row_is_reported(data_copy):
    areas = data_copy / "areas.csv"
    lines = areas.read_text(encoding="utf-8").splitlines(keepends=True)
    areas.write_text("".join(line for line in lines if ",Zvornik" not in line), "utf-8")
    replace_in_file(data_copy / "sites.csv", ",BA02062,", ",BA02061,")

    with pytest.raises(PlacesDataError, match=r"topojson: feature 'Zvornik' has no municipality"):
        places_load(data_dir=data_copy)


def test_a_broken_boundary_file_is_reported(data_copy):
    (data_copy / "bih-municipalities.topojson").write_text('{"type": "Topology", ', "utf-8")

    with pytest.raises(PlacesDataError, match=r"topojson: not valid JSON \(line 1"):
        places_load(data_dir=data_copy)


def test_a_missing_column_is_reported(data_copy):
    replace_in_file(data_copy / "sites.csv", ",registration_prefix\n", ",prefix\n")

    with pytest.raises(PlacesDataError, match=r"sites\.csv row 1: missing column"):
        places_load(data_dir=data_copy)
