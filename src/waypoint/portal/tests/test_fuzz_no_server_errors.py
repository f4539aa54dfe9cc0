"""No input to any portal form or address ends in a 500: every script, long, empty, worse."""

from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from waypoint.core.tests.strategies import FUZZ, TEXT, form_data
from waypoint.portal.forms import FAMILY_ROWS

pytestmark = pytest.mark.django_db

LANGUAGES = st.sampled_from(["en", "bs", "ar", "fa", "ps", "ur", "bn", "fr"])
APPLICATION_FIELDS = [
    "given_name",
    "family_name",
    "nationality",
    "return_country",
    "return_city",
    "contact",
    "staying_at",
    "staying_place",
    "preferred_language",
    "special_needs",
    "privacy_notice",
    "consent",
    "website",
    *[
        f"member_{row}_{part}"
        for row in range(1, FAMILY_ROWS + 1)
        for part in ("name", "relationship", "birth_year")
    ],
]


@FUZZ
@given(language=LANGUAGES, data=form_data(APPLICATION_FIELDS))
def test_the_application_form_never_fails(client, content, language, data):
    assert client.post(f"/{language}/apply/", data).status_code < 500


@FUZZ
@given(language=LANGUAGES, valid=st.booleans(), data=form_data(APPLICATION_FIELDS))
def test_a_nearly_valid_application_never_fails(client, application_data, language, valid, data):
    merged = {**application_data, **data} if valid else {**data, **application_data}
    assert client.post(f"/{language}/apply/", merged).status_code < 500


@FUZZ
@given(language=LANGUAGES, data=form_data(["reference", "pin"]))
def test_the_status_lookup_never_fails(client, content, language, data):
    assert client.post(f"/{language}/status/", data).status_code < 500


@FUZZ
@given(language=LANGUAGES, data=form_data(["wish", "in_bih", "documents", "asylum", "alone_minor"]))
def test_the_eligibility_check_never_fails(client, content, language, data):
    assert client.get(f"/{language}/eligibility/", data).status_code < 500


@FUZZ
@given(prefix=TEXT, path=TEXT, accept=st.text(max_size=80))
def test_any_language_prefix_or_path_never_fails(client, content, prefix, path, accept):
    accept = accept.replace("\n", "").replace("\r", "")
    for url in (
        f"/{quote(prefix, safe='')}/",
        f"/{quote(prefix, safe='')}/pages/{quote(path, safe='')}/",
        f"/fa/pages/{quote(path, safe='')}/",
        f"/{quote(path, safe='/')}",
        "/portal/",
    ):
        assert client.get(url, HTTP_ACCEPT_LANGUAGE=accept).status_code < 500


@FUZZ
@given(data=form_data(["title", "body", "publish"]), language=TEXT)
def test_the_staff_editor_never_fails(client, content, personas, data, language):
    client.force_login(personas["counsellor"])
    assert client.post("/portal-admin/privacy/ar/", data).status_code < 500
    assert client.get(f"/portal-admin/privacy/{quote(language, safe='')}/").status_code < 500
