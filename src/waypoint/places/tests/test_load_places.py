from __future__ import annotations

import pytest

from waypoint.places.models import Area, AreaLevel, Site

pytestmark = pytest.mark.django_db

SITE_CODES = {
    "TRC-LIP",
    "TRC-BOR",
    "TRC-MIR",
    "TRC-USI",
    "TRC-BLA",
    "AC-DEL",
    "IC-LUK",
    "FMP-SA-BUS",
    "FMP-SA-RAIL",
    "FMP-BIH",
    "FMP-VK",
    "FMP-TZ",
    "FMP-ZV",
}


def test_it_loads_the_country_entities_cantons_municipalities_and_sites(loaded_places):
    assert (loaded_places.countries, loaded_places.entities, loaded_places.cantons) == (1, 3, 10)
    assert loaded_places.municipalities == 142
    assert loaded_places.sites == 13
    assert Area.objects.filter(level=AreaLevel.MUNICIPALITY).count() == 142
    assert set(Site.objects.values_list("code", flat=True)) == SITE_CODES
    assert loaded_places.summary() == (
        "loaded 1 country, 3 entities, 10 cantons, 142 municipalities, 13 sites"
    )


def test_every_municipality_sits_in_a_canton_or_an_entity(loaded_places):
    for municipality in Area.objects.filter(level=AreaLevel.MUNICIPALITY).select_related(
        "parent__parent"
    ):
        parent = municipality.parent
        assert parent.level in {AreaLevel.CANTON, AreaLevel.ENTITY}, municipality.name
        if parent.level == AreaLevel.CANTON:
            assert parent.parent.code == "BA01", municipality.name
        assert municipality.path == f"{parent.path}/{municipality.code}"
        assert municipality.boundary_svg.startswith("M"), municipality.name


def test_the_federation_has_79_municipalities_in_ten_cantons_and_srpska_62(loaded_places):
    federation = Area.objects.get(code="BA01")
    srpska = Area.objects.get(code="BA02")
    in_federation = Area.objects.filter(
        level=AreaLevel.MUNICIPALITY, path__startswith=federation.path + "/"
    )
    assert in_federation.count() == 79
    assert not in_federation.filter(parent=federation).exists()
    assert Area.objects.filter(level=AreaLevel.MUNICIPALITY, parent=srpska).count() == 62


@pytest.mark.parametrize(
    ("municipality", "parent"),
    [
        ("Bihać", "Una-Sana Canton"),
        ("Velika Kladuša", "Una-Sana Canton"),
        ("Hadžići", "Sarajevo Canton"),
        ("Ilidža", "Sarajevo Canton"),
        ("Trnovo", "Sarajevo Canton"),
        ("Pale-Prača", "Bosnian-Podrinje Canton Goražde"),
        ("Kupres", "Canton 10"),
        ("Istočno Novo Sarajevo", "Republika Srpska"),
        ("Istočna Ilidža", "Republika Srpska"),
        ("Pale", "Republika Srpska"),
        ("Trnovo (RS)", "Republika Srpska"),
        ("Kupres (RS)", "Republika Srpska"),
        ("Brčko", "Brčko District"),
    ],
)
def test_municipalities_with_look_alike_names_are_in_the_right_place(
    loaded_places, municipality, parent
):
    assert Area.objects.get(name=municipality).parent.name == parent


def test_codes_and_paths_follow_the_p_code_scheme(loaded_places):
    bihac = Area.objects.get(name="Bihać")
    assert bihac.code == "BA0101001"
    assert bihac.path == "BA/BA01/BA0101/BA0101001"
    assert Area.objects.get(code="BA03001").path == "BA/BA03/BA03001"
    assert Area.objects.get(code="BA0101").contains(bihac)
    assert Area.objects.get(name="Istočno Novo Sarajevo").path.startswith("BA/BA02/")


def test_sites_are_attached_to_their_municipalities(loaded_places):
    lipa = Site.objects.select_related("municipality").get(code="TRC-LIP")
    assert lipa.municipality.name == "Bihać"
    assert (lipa.kind, lipa.registration_prefix, lipa.capacity) == ("trc", "LIP", 1500)
    assert Site.objects.get(code="IC-LUK").municipality.name == "Istočno Novo Sarajevo"
    assert Site.objects.get(code="AC-DEL").municipality.code.startswith("BA0109")
    flow_point = Site.objects.get(code="FMP-ZV")
    assert flow_point.capacity is None
    assert flow_point.registration_prefix == ""


def test_entities_and_cantons_get_an_outline_for_the_map(loaded_places):
    for area in Area.objects.exclude(level=AreaLevel.MUNICIPALITY):
        assert area.boundary_svg.startswith("M"), area.name
