import pytest
from hypothesis import given

from waypoint.core.tests.strategies import FUZZ, form_data

pytestmark = pytest.mark.django_db


@FUZZ
@given(data=form_data(["person", "user", "action", "date_from", "date_to", "page"]))
def test_the_audit_filters_never_fail(client, personas, data):
    client.force_login(personas["admin"])
    assert client.get("/audit/", data).status_code < 500
