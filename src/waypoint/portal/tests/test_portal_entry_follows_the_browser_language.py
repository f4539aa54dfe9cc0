"""/portal/ and language-less portal addresses go to the browser's language; / stays staff."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("fa-IR,fa;q=0.9,en;q=0.5", "/fa/"),
        ("ps", "/ps/"),
        ("de-DE,fr;q=0.8", "/fr/"),
        ("bn-BD", "/bn/"),
        ("de", "/en/"),
        ("", "/en/"),
        ("\x01;;q=x,,", "/en/"),
    ],
)
def test_portal_redirects_by_accept_language(client, header, expected):
    response = client.get("/portal/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_a_language_less_portal_address_redirects_to_the_browser_language(client, content):
    response = client.get("/apply/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 302
    assert response["Location"] == "/ar/apply/"


def test_the_bare_root_still_leads_staff_to_sign_in(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fa")
    assert response["Location"] == "/accounts/login/"
