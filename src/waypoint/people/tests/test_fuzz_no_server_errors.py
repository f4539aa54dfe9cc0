"""No input to the people forms and endpoints ends in a 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st
from rest_framework.test import APIClient

from waypoint.core.tests.strategies import FUZZ, TEXT, form_data
from waypoint.people.forms import ConsentForm, DocumentForm, GuardianForm, RegisterForm

pytestmark = pytest.mark.django_db

REGISTER_FIELDS = [*RegisterForm.base_fields]


@FUZZ
@given(data=form_data(REGISTER_FIELDS))
def test_the_registration_form_never_fails(client, personas, data):
    client.force_login(personas["registrar.lipa"])
    assert client.post("/people/register/", data).status_code < 500


@FUZZ
@given(
    data=form_data(
        [
            "name",
            "birth_date",
            "nationality",
            "number",
            "given_name",
            "given_name_original",
            "family_name",
        ]
    )
)
def test_the_identification_search_never_fails(client, personas, data):
    client.force_login(personas["registrar.lipa"])
    assert client.get("/people/identify/", data).status_code < 500
    assert client.get("/people/identify/", data, HTTP_HX_REQUEST="true").status_code < 500
    assert client.get("/people/", {"q": data.get("name", "")}).status_code < 500


@FUZZ
@given(
    data=form_data([*DocumentForm.base_fields, *ConsentForm.base_fields, *GuardianForm.base_fields])
)
def test_the_person_page_forms_never_fail(client, personas, data):
    from waypoint.people.services import person_register
    from waypoint.places.models import Site

    person = person_register(actor=None, site=Site.objects.get(code="TRC-LIP"), given_name="A")
    client.force_login(personas["registrar.lipa"])
    for action in ("documents", "consents", "guardian", "household"):
        assert client.post(f"/people/{person.pk}/{action}/", data).status_code < 500


@FUZZ
@given(content=st.binary(max_size=2000), name=st.sampled_from(["a.csv", "a.xlsx", "a.txt", "a"]))
def test_the_import_never_fails(client, personas, content, name):
    client.force_login(personas["registrar.lipa"])
    upload = SimpleUploadedFile(name, content)
    assert client.post("/people/import/", {"file": upload, "site": "TRC-LIP"}).status_code < 500


@FUZZ
@given(text=TEXT)
def test_csv_rows_with_hostile_text_never_fail(client, personas, text):
    client.force_login(personas["registrar.lipa"])
    row = f"given_name,family_name,birth_date,nationality\n{text.replace(chr(0), '')},x,{text},y\n"
    upload = SimpleUploadedFile("a.csv", row.encode())
    assert client.post("/people/import/", {"file": upload, "site": "TRC-LIP"}).status_code < 500


@FUZZ
@given(
    data=st.dictionaries(
        st.sampled_from(
            [
                "site",
                "given_name",
                "given_name_original",
                "sex",
                "birth_date",
                "nationality",
                "languages",
                "birth_date_precision",
                "head",
                "members",
            ]
        ),
        st.one_of(TEXT, st.integers(), st.lists(TEXT, max_size=3), st.none()),
        max_size=8,
    )
)
def test_the_persons_and_households_api_never_fails(personas, data):
    client = APIClient()
    client.force_authenticate(personas["registrar.lipa"])
    assert client.post("/api/v1/persons/", data, format="json").status_code < 500
    assert client.post("/api/v1/households/", data, format="json").status_code < 500
    assert client.get("/api/v1/persons/", {"q": str(data.get("given_name", ""))}).status_code < 500
