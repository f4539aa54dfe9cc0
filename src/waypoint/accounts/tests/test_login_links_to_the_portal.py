"""The staff sign-in page points migrants who land there to the portal, in their languages."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_sign_in_page_links_to_the_portal(client):
    page = client.get("/accounts/login/").content.decode()
    assert 'href="/portal/"' in page
    assert 'lang="fa" dir="rtl"' in page
