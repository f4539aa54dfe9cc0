"""The presence pages render for each role, and refuse the roles they are not for."""

from __future__ import annotations

import pytest

from waypoint.presence.models import Observation, Round
from waypoint.presence.services import rounds_generate


def test_the_round_page_shows_totals_tables_and_a_map(client, analyst, places):
    rounds_generate(locations=20, published=1, in_review=1, seed=3)
    client.force_login(analyst)

    page = client.get("/presence/rounds/2/")

    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="total-present"' in html
    assert "<svg" in html and "presence-symbol" in html
    assert "Quality checks" in html  # the demo's round in review fails a check
    assert "By municipality" in html


def test_a_partner_is_sent_to_the_published_figures_and_never_sees_a_round_in_review(
    client, partner, places
):
    rounds_generate(locations=10, published=1, in_review=1, seed=3)
    client.force_login(partner)
    assert client.get("/presence/rounds/1/").url == "/reports/rounds/1/"
    assert client.get("/presence/").url == "/reports/"
    assert client.get("/presence/rounds/1/", follow=True).status_code == 200
    assert client.get("/presence/rounds/2/", follow=True).status_code == 404
    assert client.get("/presence/locations/").status_code == 403


def test_a_centre_manager_reads_exact_figures_of_published_rounds(client, personas, places):
    rounds_generate(locations=10, published=1, in_review=1, seed=3)
    client.force_login(personas["manager.lipa"])
    assert client.get("/presence/rounds/1/").status_code == 200
    assert client.get("/presence/rounds/2/").status_code == 404


@pytest.mark.parametrize("persona", ["counsellor", "protection.borici", "registrar.lipa"])
def test_other_staff_read_the_published_figures(client, personas, persona, places):
    rounds_generate(locations=10, published=1, in_review=1, seed=3)
    client.force_login(personas[persona])
    assert client.get("/presence/rounds/1/", follow=True).status_code == 200
    assert client.get("/reports/rounds/2/").status_code == 404
    assert client.get("/api/v1/dtm/admin1/").status_code == 200


def test_an_enumerator_types_in_a_paper_form(client, enumerator, collecting_round):
    client.force_login(enumerator)
    assert client.get("/presence/rounds/7/enter/").status_code == 200
    response = client.post(
        "/presence/rounds/7/enter/",
        {
            "location": "BIH-1",
            "observed_on": "2026-10-30",
            "migrants_observed": "12",
            "not_in_trc": "12",
            "adult_men": "12",
            "adult_women": "0",
            "boys": "0",
            "girls": "0",
            "unaccompanied_children": "0",
            "needs": ["food", "health"],
            "nationality_BGD": "12",
        },
    )
    assert response.status_code == 302
    observation = Observation.objects.get(location__code="BIH-1")
    assert observation.source == "web" and observation.nationalities == {"BGD": 12}


def test_an_analyst_creates_and_opens_a_round(client, analyst, places):
    client.force_login(analyst)
    response = client.post(
        "/presence/rounds/new/",
        {
            "number": "12",
            "snapshot_date": "2026-11-30",
            "teams": "10",
            "enumerators_male": "12",
            "enumerators_female": "6",
            "sfa_staff_male": "4",
            "sfa_staff_female": "2",
            "red_cross_staff_male": "3",
            "red_cross_staff_female": "3",
            "change_threshold": "50",
        },
    )
    assert response.status_code == 302
    client.post("/presence/rounds/12/advance/")
    assert Round.objects.get(number=12).status == "collecting"


def test_the_demo_rounds_look_like_dtm_bih(places):
    made = rounds_generate()
    assert [round_.status for round_ in made] == ["published"] * 3 + ["in_review"]
    observations = Observation.objects.filter(round=made[0])
    men = sum(o.adult_men for o in observations)
    total = sum(o.migrants_observed for o in observations)
    assert observations.count() > 120 and men > 0.8 * total


def test_the_home_page_shows_the_latest_round_and_the_menu_entry(client, partner, places):
    rounds_generate(locations=5, published=1, in_review=1, seed=3)
    client.force_login(partner)
    page = client.get("/accounts/home/").content.decode()
    assert "Published figures" in page
    assert "/reports/rounds/1/" in page and "/rounds/2/" not in page
    assert 'href="/reports/"' in page and 'href="/presence/"' not in page


def test_the_round_page_names_nationalities_in_words(client, analyst, places):
    rounds_generate(locations=10, published=1, in_review=0, seed=3)
    client.force_login(analyst)
    page = client.get("/presence/rounds/1/").content.decode()
    assert "Afghanistan" in page
