"""The baseline changes between rounds (new, closed, merged) and keeps its history."""

from __future__ import annotations

from datetime import date

import pytest

from waypoint.presence import services
from waypoint.presence.models import LocationEventKind
from waypoint.presence.quality import round_checks
from waypoint.presence.services import PresenceError


def test_an_analyst_adds_a_location_page_by_page(client, analyst, places):
    client.force_login(analyst)
    response = client.post(
        "/presence/locations/new/",
        {
            "code": "KLJ-1",
            "name": "Old mill",
            "type": "abandoned_building",
            "municipality": "BA0101006",
            "latitude": "44.53",
            "longitude": "16.77",
            "active_from": "2026-09-01",
        },
    )
    assert response.status_code == 302
    page = client.get("/presence/locations/KLJ-1/")
    assert page.status_code == 200
    assert b"Old mill" in page.content


def test_a_merged_location_points_on_and_keeps_its_history(analyst, baseline):
    merged = services.location_close(
        actor=analyst,
        location=baseline["BIH-2"],
        effective_on=date(2026, 10, 1),
        merged_into=baseline["BIH-1"],
        note="same building, two entrances",
    )
    assert merged.merged_into == baseline["BIH-1"]
    kinds = list(merged.events.values_list("kind", flat=True))
    assert kinds == [LocationEventKind.MERGED]
    with pytest.raises(PresenceError):
        services.location_close(actor=analyst, location=merged, effective_on=date(2026, 10, 2))


def test_a_closed_location_is_not_expected_in_later_rounds(analyst, baseline):
    from waypoint.presence.models import Round

    services.location_close(actor=analyst, location=baseline["SA-1"], effective_on=date(2026, 9, 1))
    round_ = Round.objects.create(number=9, snapshot_date=date(2026, 10, 31), status="in_review")
    not_visited = {p.location_code for p in round_checks(round_) if p.check == "not_visited"}
    assert not_visited == {"BIH-1", "BIH-2"}


def test_a_revision_is_kept_in_the_history_by_field(client, analyst, baseline):
    client.force_login(analyst)
    response = client.post(
        "/presence/locations/BIH-1/",
        {
            "action": "revise",
            "revise-name": "Old dormitory (north)",
            "revise-type": "squat",
            "revise-municipality": "BA0101001",
            "revise-latitude": "44.81",
            "revise-longitude": "15.87",
            "revise-effective_on": "2026-10-05",
            "revise-note": "renamed by the team",
        },
    )
    assert response.status_code == 302
    event = baseline["BIH-1"].events.get(kind=LocationEventKind.REVISED)
    assert event.changed_fields == ["name", "type"]
    assert b"renamed by the team" in client.get("/presence/locations/BIH-1/").content


def test_a_partner_cannot_change_the_baseline(client, partner, baseline):
    client.force_login(partner)
    response = client.post("/presence/locations/BIH-1/", {"action": "close"})
    assert response.status_code in {403, 404}
