from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_sites_page_lists_every_site_grouped_by_kind(loaded_places, signed_in_client):
    response = signed_in_client.get(reverse("places:sites"))

    assert response.status_code == 200
    page = response.content.decode()
    for code in ("TRC-LIP", "TRC-BLA", "AC-DEL", "IC-LUK", "FMP-SA-RAIL", "FMP-ZV"):
        assert code in page
    assert page.index("Temporary reception centre") < page.index("Flow monitoring point")
    assert "Una-Sana Canton" in page
    assert "Republika Srpska" in page


def test_the_sites_page_filters_by_kind(loaded_places, signed_in_client):
    response = signed_in_client.get(reverse("places:sites"), {"kind": "flow_point"})

    page = response.content.decode()
    assert "FMP-TZ" in page
    assert "TRC-LIP" not in page


def test_an_unknown_kind_is_ignored_rather_than_an_error(loaded_places, signed_in_client):
    response = signed_in_client.get(reverse("places:sites"), {"kind": "<script>"})

    assert response.status_code == 200
    assert "TRC-LIP" in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_a_site_page_shows_its_facts_and_areas(loaded_places, signed_in_client):
    response = signed_in_client.get(reverse("places:site", args=["IC-LUK"]))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Immigration Centre Lukavica" in page
    assert "Istočno Novo Sarajevo" in page
    assert "Republika Srpska" in page
    assert "LUK" in page


def test_an_unknown_site_code_is_not_found(loaded_places, signed_in_client):
    response = signed_in_client.get(reverse("places:site", args=["NOPE"]))

    assert response.status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(loaded_places, client):
    for url in (
        reverse("places:sites"),
        reverse("places:map"),
        reverse("places:site", args=["TRC-LIP"]),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert reverse("accounts:login") in response["Location"]
