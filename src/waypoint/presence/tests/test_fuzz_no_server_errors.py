"""Whatever arrives, presence pages, the API and the OpenRosa endpoints never answer 500."""

from __future__ import annotations

import base64

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from waypoint.accounts.tokens import token_issue
from waypoint.core.tests.strategies import FUZZ, TEXT, form_data
from waypoint.presence.forms import FlowSurveyEntryForm, LocationAssessmentForm
from waypoint.presence.tests.conftest import basic_auth

ASSESSMENT_FIELDS = [*LocationAssessmentForm().fields, "location"]
ROUND_FIELDS = ["number", "snapshot_date", "teams", "enumerators_male", "change_threshold"]
LOCATION_FIELDS = ["code", "name", "type", "municipality", "latitude", "longitude", "active_from"]


@pytest.fixture
def analyst_client(analyst, collecting_round):
    client = Client(raise_request_exception=False)
    client.force_login(analyst)
    return client


@FUZZ
@given(data=form_data(ASSESSMENT_FIELDS))
def test_the_paper_form_page_never_fails(analyst_client, data):
    assert analyst_client.post("/presence/rounds/7/enter/", data).status_code < 500


@FUZZ
@given(data=form_data(ROUND_FIELDS))
def test_the_new_round_page_never_fails(analyst_client, data):
    assert analyst_client.post("/presence/rounds/new/", data).status_code < 500


@FUZZ
@given(data=form_data(LOCATION_FIELDS))
def test_the_new_location_page_never_fails(analyst_client, data):
    assert analyst_client.post("/presence/locations/new/", data).status_code < 500


@FUZZ
@given(
    data=form_data([*LOCATION_FIELDS, "effective_on", "note", "merged_into"]),
    prefix=st.sampled_from(["revise-", "close-"]),
    action=st.sampled_from(["revise", "close", "other"]),
)
def test_the_location_page_never_fails(analyst_client, data, prefix, action):
    posted = {prefix + key: value for key, value in data.items()}
    posted["action"] = action
    assert analyst_client.post("/presence/locations/BIH-2/", posted).status_code < 500


@FUZZ
@given(
    data=form_data([*FlowSurveyEntryForm().fields, "men", "women", "counted_at"]),
    kind=st.sampled_from(["count", "survey", "x"]),
)
def test_the_flow_entry_pages_never_fail(analyst_client, data, kind):
    assert analyst_client.post(f"/presence/flow/{kind}/enter/", data).status_code < 500


@FUZZ
@given(data=form_data(["check", "location", "note"]), code=TEXT)
def test_review_actions_never_fail(analyst_client, data, code):
    assert analyst_client.post("/presence/rounds/7/confirm/", data).status_code < 500
    assert analyst_client.post("/presence/locations/BIH-1/", data).status_code < 500
    path = "/presence/rounds/7/observations/" + code.replace("/", "")[:40] + "/"
    assert analyst_client.get(path).status_code < 500


@FUZZ
@given(
    data=form_data(["form_id", "round_number"]),
    content=st.binary(max_size=3000),
    name=st.sampled_from(["x.csv", "x.xlsx", "x.txt", "x.pdf"]),
)
def test_the_upload_page_never_fails(analyst_client, data, content, name):
    response = analyst_client.post(
        "/presence/import/", {**data, "file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code < 500


@FUZZ
@given(
    params=form_data(
        [
            "Admin0Pcode",
            "Admin1Pcode",
            "Admin2Pcode",
            "FromReportingDate",
            "ToReportingDate",
            "FromRoundNumber",
            "ToRoundNumber",
        ]
    ),
    level=st.sampled_from(["admin0", "admin1", "admin2", "admin9", "x"]),
)
def test_the_dtm_api_never_fails(partner, baseline, params, level):
    client = Client(raise_request_exception=False)
    _token, token = token_issue(user=partner)
    response = client.get(f"/api/v1/dtm/{level}/", params, HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code < 500


def _instance(fields: dict[str, str]) -> bytes:
    from xml.sax.saxutils import escape

    inner = "".join(f"<{name}>{escape(value)}</{name}>" for name, value in fields.items())
    return (
        '<data id="presence_location" version="1"><meta><instanceID>uuid:f</instanceID></meta>'
        + inner
        + "</data>"
    ).encode()


@FUZZ
@given(
    body=st.one_of(st.binary(max_size=2000), TEXT.map(lambda t: t.encode("utf-8", "replace"))),
    content_type=st.sampled_from(
        [
            "text/xml",
            "multipart/form-data; boundary=x",
            "application/octet-stream",
            "multipart/form-data",
        ]
    ),
)
def test_the_submission_endpoint_survives_any_body(
    enumerator, collecting_round, body, content_type
):
    client = Client(raise_request_exception=False, **basic_auth(enumerator))
    response = client.post("/openrosa/submission", body, content_type=content_type)
    assert 400 <= response.status_code < 500


@FUZZ
@given(values=form_data(ASSESSMENT_FIELDS))
def test_any_instance_values_get_a_4xx_or_are_accepted(enumerator, collecting_round, values):
    client = Client(raise_request_exception=False, **basic_auth(enumerator))
    document = _instance({k: v for k, v in values.items() if k.isidentifier()})
    files = {"xml_submission_file": SimpleUploadedFile("s.xml", document, "text/xml")}
    response = client.post("/openrosa/submission", files)
    assert response.status_code < 500


@FUZZ
@given(
    header=st.one_of(
        TEXT, TEXT.map(lambda t: "Basic " + base64.b64encode(t.encode("utf-8", "replace")).decode())
    ),
    path=st.sampled_from(
        [
            "/openrosa/formList",
            "/openrosa/submission",
            "/openrosa/forms/presence_location/form.xml",
            "/openrosa/forms/nope/form.xml",
        ]
    ),
    method=st.sampled_from(["get", "head", "post", "put"]),
)
def test_the_openrosa_endpoints_survive_any_credentials(places, header, path, method):
    client = Client(raise_request_exception=False)
    try:
        response = getattr(client, method)(path, HTTP_AUTHORIZATION=header)
    except ValueError:  # the test client itself refuses some header values
        return
    assert response.status_code < 500


HEADER_NAMES = st.sampled_from(
    [
        "HTTP_X_OPENROSA_VERSION",
        "HTTP_ACCEPT",
        "HTTP_ACCEPT_LANGUAGE",
        "HTTP_DATE",
        "HTTP_X_FORWARDED_PROTO",
        "HTTP_X_FORWARDED_FOR",
        "HTTP_USER_AGENT",
        "CONTENT_TYPE",
        "HTTP_COOKIE",
    ]
)


@FUZZ
@given(headers=st.dictionaries(HEADER_NAMES, TEXT, max_size=5))
def test_the_submission_endpoint_survives_any_headers(enumerator, collecting_round, headers):
    client = Client(raise_request_exception=False, **basic_auth(enumerator))
    document = _instance({"round_number": "7", "location_code": "BIH-1"})
    files = {"xml_submission_file": SimpleUploadedFile("s.xml", document, "text/xml")}
    # As a WSGI server hands them over (PEP 3333): the header bytes decoded as Latin-1.
    safe = {
        key: value.encode("utf-8", "replace").decode("latin-1")
        for key, value in headers.items()
        if "\n" not in value
    }
    try:
        response = client.post("/openrosa/submission", files, **safe)
    except ValueError:  # the test client itself refuses some header values
        return
    assert response.status_code < 500
