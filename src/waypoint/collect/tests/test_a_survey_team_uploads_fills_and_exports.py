"""A survey team's whole round trip through the form library (issue 17, acceptance 1):
an analyst uploads an XLSForm with a repeat group, a ``select_one_from_file``, a geopoint
and an image question, adds the CSV it needs and publishes it; an enumerator's phone signs
in with Digest over plain HTTP, lists it with its manifest, downloads form and file, and
submits an instance with a photo; the analyst exports it with the repeat in its own sheet.
A broken XLSForm gets its problems listed by sheet, row and column, never a 500."""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile

import pytest
from defusedxml.ElementTree import fromstring
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from waypoint.audit.models import Action, AuditEvent
from waypoint.collect.models import Form, FormState, Submission
from waypoint.collect.tests.conftest import FIELD_SURVEY, SITES_CSV, DigestPhone, xlsform

pytestmark = pytest.mark.django_db

FORM_LIST = "{http://openrosa.org/xforms/xformsList}"
MANIFEST = "{http://openrosa.org/xforms/xformsManifest}"
INSTANCE = b"""<?xml version="1.0"?>
<data xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms"
 id="needs_survey" version="2026120701">
<site>BIH-1</site><gps>44.8169 15.8708 230 4.5</gps>
<household><member>Amina</member><age>34</age></household>
<household><member>=HYPERLINK("http://x")</member><age>6</age></household>
<photo>site.jpg</photo>
<meta><instanceID>uuid:5f1c8a52-0000-4000-8000-000000000001</instanceID></meta>
</data>"""


def _upload(client, content: bytes, name: str = "needs.xlsx"):  # type: ignore[no-untyped-def]
    return client.post("/forms/", {"file": SimpleUploadedFile(name, content)})


def _published(client) -> Form:  # type: ignore[no-untyped-def]
    response = _upload(client, FIELD_SURVEY)
    assert response.status_code == 302, response.content.decode()[:2000]
    form = Form.objects.get(form_id="needs_survey")
    assert form.state == FormState.DRAFT
    version = form.versions.get()
    page = client.get(f"/forms/{form.pk}/").content.decode()
    assert "sites.csv" in page and "missing" in page
    refused = client.post(f"/forms/{form.pk}/versions/{version.pk}/publish/", follow=True)
    assert "Upload the files the form needs first: sites.csv" in refused.content.decode()
    client.post(
        f"/forms/{form.pk}/versions/{version.pk}/media/",
        {"file": SimpleUploadedFile("sites.csv", SITES_CSV, "text/csv")},
    )
    client.post(f"/forms/{form.pk}/versions/{version.pk}/publish/")
    form.refresh_from_db()
    assert form.state == FormState.OPEN
    return form


def test_upload_publish_fill_on_a_phone_and_export(client, analyst, enumerator):
    client.force_login(analyst)
    form = _published(client)

    phone = DigestPhone(enumerator.email)
    listing = phone.get("http://testserver/openrosa/formList")
    assert listing.status_code == 200
    item = next(
        entry
        for entry in fromstring(listing.content).iter(f"{FORM_LIST}xform")
        if entry.findtext(f"{FORM_LIST}formID") == "needs_survey"
    )
    manifest = phone.get(item.findtext(f"{FORM_LIST}manifestUrl"))
    files = list(fromstring(manifest.content).iter(f"{MANIFEST}mediaFile"))
    assert [entry.findtext(f"{MANIFEST}filename") for entry in files] == ["sites.csv"]
    expected = "md5:" + hashlib.md5(SITES_CSV, usedforsecurity=False).hexdigest()
    assert files[0].findtext(f"{MANIFEST}hash") == expected
    assert phone.get(files[0].findtext(f"{MANIFEST}downloadUrl")).content == SITES_CSV
    xform = phone.get(item.findtext(f"{FORM_LIST}downloadUrl")).content.decode()
    assert "jr://file-csv/sites.csv" in xform and "geopoint" in xform

    photo = SimpleUploadedFile("site.jpg", b"\xff\xd8\xff\xe0 a photo", "image/jpeg")
    sent = phone.post(
        "http://testserver/openrosa/submission",
        {
            "xml_submission_file": SimpleUploadedFile("submission.xml", INSTANCE, "text/xml"),
            "photo": photo,
        },
    )
    assert sent.status_code == 201, sent.content
    stored = Submission.objects.get(form=form)
    assert stored.submitted_by == enumerator
    assert [file.name for file in stored.attachments.all()] == ["site.jpg"]

    page = client.get(f"/forms/{form.pk}/submissions/{stored.pk}/").content.decode()
    assert "Amina" in page and "site.jpg" in page
    assert AuditEvent.objects.filter(action=Action.VIEW, object_id=str(stored.pk)).exists()

    exported = client.post(f"/forms/{form.pk}/export/", {"format": "xlsx"})
    assert exported.status_code == 200
    book = load_workbook(io.BytesIO(b"".join(exported.streaming_content)), read_only=True)
    main, repeat = book.worksheets[0], book.worksheets[1]
    main_rows = [list(row) for row in main.iter_rows(values_only=True)]
    repeat_rows = [list(row) for row in repeat.iter_rows(values_only=True)]
    header = main_rows[0]
    assert "#loc+code" in main_rows[1]  # the HXL row the XLSForm declared
    submission_row = main_rows[2]
    assert submission_row[header.index("site")] == "BIH-1"
    assert submission_row[header.index("gps")] == "44.8169 15.8708 230 4.5"
    assert submission_row[header.index("photo")] == "site.jpg"
    column = repeat_rows[0].index("member")
    assert repeat_rows[1][repeat_rows[0].index("age")] == "#affected+age"
    assert [row[column] for row in repeat_rows[2:]] == ["Amina", '\'=HYPERLINK("http://x")']
    event = AuditEvent.objects.filter(action=Action.EXPORT, object_id=str(form.pk)).get()
    assert any(field.startswith("sha256:") for field in event.changed_fields)

    zipped = client.post(f"/forms/{form.pk}/export/", {"format": "csv"})
    archive = zipfile.ZipFile(io.BytesIO(b"".join(zipped.streaming_content)))
    assert len(archive.namelist()) == 2
    repeat_name = next(name for name in archive.namelist() if "household" in name)
    rows = list(csv.reader(io.StringIO(archive.read(repeat_name).decode("utf-8-sig"))))
    assert sum(1 for row in rows if "Amina" in row) == 1


def test_a_broken_xlsform_lists_its_problems_by_row(client, analyst):
    client.force_login(analyst)
    broken = xlsform(
        [("type", "name", "label"), ("text", "a", "A"), ("integr", "b", "B")],
        settings=[("form_id", "version"), ("broken", "1")],
    )
    response = _upload(client, broken, "broken.xlsx")
    assert response.status_code == 400
    page = response.content.decode()
    assert "integr" in page
    problems = page[page.index('id="xlsform-problems"') :]
    assert ">survey<" in problems and ">3<" in problems and ">type<" in problems
    assert not Form.objects.filter(form_id="broken").exists()


@pytest.mark.parametrize(
    "name,content",
    [
        ("form.xlsx", b"not a workbook at all"),
        ("form.pdf", b"%PDF-1.4"),
        ("form.xlsx", b""),
        ("form.md", b"\xff\xfe\x00garbage"),
    ],
)
def test_files_that_are_not_xlsforms_are_refused_with_a_reason(client, analyst, name, content):
    client.force_login(analyst)
    response = _upload(client, content, name)
    assert response.status_code in (200, 400)
    assert 'role="alert"' in response.content.decode()
    assert not Form.objects.exclude(builtin=True).exists()


def test_a_version_already_uploaded_is_refused(client, analyst):
    client.force_login(analyst)
    _upload(client, FIELD_SURVEY)
    again = _upload(client, FIELD_SURVEY)
    assert "already here" in again.content.decode()
    assert Form.objects.get(form_id="needs_survey").versions.count() == 1


def test_a_closed_form_leaves_the_phones_and_refuses_submissions(client, analyst, enumerator):
    client.force_login(analyst)
    form = _published(client)
    client.post(f"/forms/{form.pk}/state/", {"state": "closed"})
    phone = DigestPhone(enumerator.email, algorithm="MD5")
    assert b"needs_survey" not in phone.get("http://testserver/openrosa/formList").content
    sent = phone.post(
        "http://testserver/openrosa/submission",
        {"xml_submission_file": SimpleUploadedFile("submission.xml", INSTANCE, "text/xml")},
    )
    assert sent.status_code == 409
    assert not Submission.objects.filter(form=form).exists()


def test_roles_outside_the_library_get_403_and_others_forms_404(client, personas, analyst):
    client.force_login(analyst)
    form = _published(client)
    client.force_login(personas["registrar.lipa"])
    assert client.get("/forms/").status_code == 403
    assert client.get(f"/forms/{form.pk}/").status_code == 404
