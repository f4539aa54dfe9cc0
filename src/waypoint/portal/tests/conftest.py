"""Portal fixtures: the seed content loaded, and a fresh throttle for every test."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from waypoint.portal.services import portal_content_load


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def content(places):
    """Every seed page in every language it exists in (idempotent)."""
    portal_content_load()


@pytest.fixture
def application_data(content, site):
    """A complete, valid application as the form posts it."""
    from waypoint.portal.queries import privacy_notice

    notice = privacy_notice(language="fa")
    return {
        "given_name": "Reza",
        "family_name": "Ahmadi",
        "nationality": "AFG",
        "return_country": "AFG",
        "return_city": "Herat",
        "contact": "+387 61 000 000",
        "staying_at": "TRC-BLA",
        "staying_place": "",
        "preferred_language": "fa",
        "special_needs": "",
        "privacy_notice": str(notice.version.pk) if notice else "",
        "consent": "on",
        "website": "",
        "member_1_name": "Maryam Ahmadi",
        "member_1_relationship": "spouse",
        "member_1_birth_year": "1996",
    }
