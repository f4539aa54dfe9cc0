"""A submission with the hidden field filled is dropped, while looking like a success."""

import re

import pytest

from waypoint.returns.models import Case

pytestmark = pytest.mark.django_db


def test_a_filled_honeypot_keeps_nothing_but_shows_a_receipt(client, application_data):
    application_data["website"] = "http://spam.example"
    response = client.post("/bn/apply/", application_data)
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'id="reference">R-[A-Z0-9]{4}-[A-Z0-9]{4}<', html)
    assert not Case.objects.exists()


def test_the_honeypot_is_hidden_from_people(client, content):
    html = client.get("/en/apply/").content.decode()
    assert '<div class="hp" aria-hidden="true">' in html
    assert 'tabindex="-1"' in html
