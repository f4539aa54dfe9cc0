"""Teams type in paper flow counts and surveys; the flow page sums the last 30 days."""

from __future__ import annotations

from waypoint.presence import queries
from waypoint.presence.models import FlowCount, FlowSurvey
from waypoint.presence.services import flow_points_ensure


def test_a_paper_registry_count_is_typed_in_and_summed(client, enumerator):
    flow_points_ensure()
    client.force_login(enumerator)
    page = client.get("/presence/flow/count/enter/")
    assert b"FMP-BIH" in page.content and b"FMP-TZ" not in page.content  # Una-Sana only

    response = client.post(
        "/presence/flow/count/enter/",
        {
            "point_code": "FMP-BIH",
            "counted_at": "2099-01-01 08:00",
            "men": "4",
            "women": "1",
            "boys": "0",
            "girls": "1",
            "nationality": "MAR",
            "direction": "internal",
        },
    )

    assert response.status_code == 302
    assert FlowCount.objects.get().group_size == 6
    summary = {point.code: point for point in queries.flow_summary(enumerator)}
    assert (summary["FMP-BIH"].groups, summary["FMP-BIH"].people) == (1, 6)


def test_a_count_outside_the_area_is_refused(client, enumerator):
    flow_points_ensure()
    client.force_login(enumerator)
    response = client.post(
        "/presence/flow/count/enter/",
        {
            "point_code": "FMP-TZ",
            "counted_at": "2026-10-01 08:00",
            "men": "4",
            "women": "0",
            "boys": "0",
            "girls": "0",
        },
    )
    assert response.status_code == 200
    assert not FlowCount.objects.exists()


def test_a_paper_survey_is_typed_in(client, analyst):
    flow_points_ensure()
    client.force_login(analyst)
    response = client.post(
        "/presence/flow/survey/enter/",
        {
            "point_code": "FMP-TZ",
            "surveyed_on": "2026-10-01",
            "sex": "F",
            "age": "31",
            "nationality": "SYR",
            "reasons": "conflict family",
            "needs": "health",
        },
    )
    assert response.status_code == 302
    assert FlowSurvey.objects.get().reasons == ["conflict", "family"]
    assert client.get("/presence/flow/").status_code == 200


def test_the_form_list_can_be_narrowed_to_one_form(enumerator):
    from waypoint.presence.tests.conftest import phone

    listing = phone(enumerator).get("/openrosa/formList", {"formID": "presence_flow_count"})
    assert listing.content.count(b"<xform>") == 1
