"""Flow monitoring counts and anonymous surveys arrive from phones like assessments do."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from waypoint.presence.models import FlowCount, FlowPointType, FlowSurvey
from waypoint.presence.services import flow_points_ensure
from waypoint.presence.tests.conftest import fill_instance, phone


def _send(client, form_id: str, values: dict[str, str]):
    form_xml = client.get(f"/openrosa/forms/{form_id}/form.xml").content.decode()
    document = fill_instance(form_xml, values)
    files = {"xml_submission_file": SimpleUploadedFile("s.xml", document, "text/xml")}
    return client.post("/openrosa/submission", files)


def test_flow_points_get_a_profile_with_a_type_from_their_name(places):
    points = {point.site.code: point for point in flow_points_ensure()}
    assert points["FMP-SA-RAIL"].point_type == FlowPointType.RAIL_STATION
    assert points["FMP-BIH"].point_type == FlowPointType.BUS_STATION
    assert flow_points_ensure() == []


def test_a_registry_count_is_recorded_with_its_group(enumerator):
    flow_points_ensure()
    response = _send(
        phone(enumerator),
        "presence_flow_count",
        {
            "point_code": "FMP-BIH",
            "counted_at": "2026-10-30T08:15:00.000+01:00",
            "men": "5",
            "women": "1",
            "boys": "2",
            "girls": "0",
            "nationality": "AFG",
            "previous_transit_point": "Sarajevo",
            "next_destination": "Velika Kladuša",
            "final_destination": "Italy",
            "transport_mode": "bus",
            "direction": "internal",
        },
    )
    assert response.status_code == 201, response.content
    count = FlowCount.objects.get()
    assert count.group_size == 8
    assert count.point.site.code == "FMP-BIH"


def test_a_survey_is_recorded_without_any_name(enumerator):
    flow_points_ensure()
    response = _send(
        phone(enumerator),
        "presence_flow_survey",
        {
            "point_code": "FMP-VK",
            "surveyed_on": "2026-10-30",
            "sex": "M",
            "age": "24",
            "nationality": "PAK",
            "country_of_departure": "PAK",
            "education": "secondary",
            "reasons": "economic family",
            "transit_countries": "TUR GRC MKD SRB",
            "journey_cost_eur": "4500",
            "journey_days": "210",
            "travelling_with": "friends",
            "intended_destination": "XXX",
            "needs": "health",
            "abuse_indicators": "unpaid_work",
            "intends_to_return": "no",
        },
    )
    assert response.status_code == 201, response.content
    survey = FlowSurvey.objects.get()
    assert survey.transit_countries == ["TUR", "GRC", "MKD", "SRB"]
    assert not any("name" in field.name for field in FlowSurvey._meta.get_fields())


def test_a_survey_with_an_impossible_age_is_refused(enumerator):
    flow_points_ensure()
    response = _send(
        phone(enumerator),
        "presence_flow_survey",
        {
            "point_code": "FMP-VK",
            "surveyed_on": "2026-10-30",
            "sex": "M",
            "age": "3",
            "nationality": "PAK",
        },
    )
    assert response.status_code == 400
    assert b"age" in response.content
    assert not FlowSurvey.objects.exists()
