"""Every portal page, with the stylesheet and images it references, is under 60 KB."""

import re

import pytest

from waypoint.portal.catalogue import PAGES, PORTAL_LANGUAGES

pytestmark = [pytest.mark.django_db, pytest.mark.urls("waypoint.portal.tests.urls_with_static")]

LIMIT = 60 * 1024
ASSETS = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|img[^>]+src)="([^"]+)"')


def weight(client, response) -> int:
    """HTML bytes plus every referenced stylesheet and image, fetched through the client."""
    assert response.status_code < 500
    html = response.content.decode()
    total = len(response.content)
    for url in set(ASSETS.findall(html)):
        asset = client.get(url)
        assert asset.status_code == 200, url
        total += len(b"".join(asset.streaming_content) if asset.streaming else asset.content)
    return total


@pytest.mark.parametrize("language", PORTAL_LANGUAGES)
def test_every_portal_page_in_every_language_is_under_60_kb(client, content, language):
    urls = [
        f"/{language}/",
        f"/{language}/eligibility/",
        f"/{language}/apply/",
        f"/{language}/status/",
        f"/{language}/pages/nothing-here/",
        f"/{language}/eligibility/?wish=yes&in_bih=yes&documents=no&asylum=yes&alone_minor=no",
    ]
    urls += [f"/{language}/pages/{entry.slug}/" for entry in PAGES]
    for url in urls:
        assert weight(client, client.get(url)) < LIMIT, url


def test_the_answer_pages_are_under_60_kb(client, content, application_data):
    receipt = client.post("/fa/apply/", application_data)
    assert weight(client, receipt) < LIMIT
    errors = client.post("/fa/apply/", {"given_name": "x" * 500})
    assert weight(client, errors) < LIMIT
    status = client.post("/fa/status/", {"reference": "R-2222-3333", "pin": "123456"})
    assert weight(client, status) < LIMIT
    assert b"portal.css" in status.content
