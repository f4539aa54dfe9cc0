"""An unknown reference and a wrong PIN get the very same page."""

import re

import pytest

pytestmark = pytest.mark.django_db

CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


def page_for(client, reference, pin) -> bytes:
    response = client.post("/fa/status/", {"reference": reference, "pin": pin})
    assert response.status_code == 200
    return CSRF.sub(b"", response.content)


def test_an_unknown_reference_and_a_wrong_pin_give_the_identical_page(client, application_data):
    html = client.post("/fa/apply/", application_data).content.decode()
    reference = re.search(r'id="reference">([^<]+)<', html)[1]
    pin = re.search(r'id="pin">([^<]+)<', html)[1]
    wrong_pin = "000000" if pin != "000000" else "111111"

    wrong = page_for(client, reference, wrong_pin)
    unknown = page_for(client, "R-2345-6789", wrong_pin)
    assert wrong == unknown
    assert reference.encode() not in wrong
    assert "پیدا نشد".encode() in wrong  # "not found"
