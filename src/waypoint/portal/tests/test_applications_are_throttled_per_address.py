"""A fourth application from one address within the hour is refused with a 429 page."""

import pytest

from waypoint.returns.models import Case

pytestmark = pytest.mark.django_db


def test_the_fourth_application_in_an_hour_from_one_address_gets_429(client, application_data):
    for _ in range(3):
        assert client.post("/ur/apply/", application_data).status_code == 200
    refused = client.post("/ur/apply/", application_data)
    assert refused.status_code == 429
    assert '<html lang="ur" dir="rtl">' in refused.content.decode()
    assert Case.objects.count() == 3


def test_another_address_is_not_held_back(client, application_data):
    for _ in range(3):
        client.post("/en/apply/", application_data)
    other = client.post("/en/apply/", application_data, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200
    assert Case.objects.count() == 4


def test_status_lookups_are_limited_too(client, content, settings):
    settings.PORTAL_HOURLY_LIMITS = {"status": 2}
    data = {"reference": "R-2345-6789", "pin": "123456"}
    assert client.post("/fr/status/", data).status_code == 200
    assert client.post("/fr/status/", data).status_code == 200
    assert client.post("/fr/status/", data).status_code == 429
