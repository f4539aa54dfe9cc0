"""No input to the accounts forms and endpoints ends in a 500."""

import pytest
from django.core.cache import cache
from hypothesis import given

from waypoint.core.tests.strategies import FUZZ, form_data

pytestmark = pytest.mark.django_db


@FUZZ
@given(data=form_data(["username", "password", "next"]))
def test_the_sign_in_form_never_fails(client, places, data):
    assert client.post("/accounts/login/", data).status_code < 500


@FUZZ
@given(data=form_data(["email", "password"]))
def test_the_token_endpoint_never_fails(client, places, data):
    cache.clear()
    assert client.post("/api/v1/auth/token/", data).status_code < 500
    assert (
        client.post("/api/v1/auth/token/", data, content_type="application/json").status_code < 500
    )


@FUZZ
@given(data=form_data(["email", "full_name", "preferred_language"]))
def test_the_new_user_form_never_fails(client, personas, data):
    client.force_login(personas["admin"])
    assert client.post("/accounts/users/new/", data).status_code < 500


@FUZZ
@given(data=form_data(["full_name", "preferred_language", "is_active"]))
def test_the_user_edit_form_never_fails(client, personas, data):
    client.force_login(personas["admin"])
    assert client.post(f"/accounts/users/{personas['partner'].pk}/", data).status_code < 500


@FUZZ
@given(data=form_data(["role", "site", "area"]))
def test_the_assignment_form_never_fails(client, personas, data):
    client.force_login(personas["admin"])
    url = f"/accounts/users/{personas['partner'].pk}/assignments/"
    assert client.post(url, data).status_code < 500


@FUZZ
@given(data=form_data(["q", "page"]))
def test_the_user_search_never_fails(client, personas, data):
    client.force_login(personas["admin"])
    assert client.get("/accounts/users/", data).status_code < 500
