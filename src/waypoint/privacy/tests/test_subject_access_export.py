"""A subject access export holds everything about one person, labelled in their language,
as a document (HTML or PDF, right to left where the language is) and as JSON; it is read
through the acting user's scope and recorded as an export of personal data."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.http import Http404
from django.urls import reverse

from waypoint.audit.models import Action, AuditEvent
from waypoint.privacy.export import subject_access_html, subject_access_json, subject_access_pdf
from waypoint.privacy.queries import subject_access_for
from waypoint.privacy.tests.conftest import CANARY, CANARY_ORIGINAL


def section(export, key):  # type: ignore[no-untyped-def]
    return next(part for part in export.sections if part.key == key)


def test_the_export_holds_every_kind_of_record_about_the_person(admin, canary):
    export = subject_access_for(admin, canary.pk, language="en")
    registration = dict(section(export, "registration").records[0])
    assert registration["Given name(s)"] == CANARY
    assert registration["Given name(s) in original script"] == CANARY_ORIGINAL
    assert registration["Nationality"] == "Afghanistan"
    for key in ("documents", "consents", "stays", "services", "screenings", "referrals"):
        assert section(export, key).records, key
    assert section(export, "incidents").records and section(export, "incidents").note
    assert section(export, "returns").records
    assert section(export, "linkage").records  # the twin registration
    assert section(export, "outside_lists").records
    assert section(export, "uses").records  # the audit trail's counts of uses


def test_labels_follow_the_persons_language(admin, canary):
    export = subject_access_for(admin, canary.pk, language="bs")
    labels = [label for label, _value in section(export, "registration").records[0]]
    assert "Prezime" in labels
    assert section(export, "stays").title == "Boravci"


def test_arabic_script_languages_read_right_to_left(admin, canary):
    export = subject_access_for(admin, canary.pk, language="fa")
    assert export.bidi
    html = subject_access_html(export)
    assert 'dir="rtl"' in html and 'lang="fa"' in html
    assert 'dir="ltr"' in subject_access_html(subject_access_for(admin, canary.pk, language="fr"))


def test_the_pdf_and_the_json_carry_the_same_data(admin, canary):
    export = subject_access_for(admin, canary.pk, language="ps")
    assert subject_access_pdf(export).startswith(b"%PDF")
    data = json.loads(subject_access_json(export))
    assert data["language"] == "ps"
    assert CANARY in json.dumps(data, ensure_ascii=False)


def test_a_person_out_of_scope_is_not_found(personas, canary):
    with pytest.raises(Http404):
        subject_access_for(personas["registrar.usivak"], canary.pk, language="en")


def test_a_role_that_does_not_answer_requests_is_refused(personas, canary):
    with pytest.raises(PermissionDenied):
        subject_access_for(personas["registrar.lipa"], canary.pk, language="en")


def test_the_page_downloads_the_export_and_records_it(client, personas, canary):
    client.force_login(personas["manager.lipa"])
    url = reverse("privacy:export", args=[canary.pk])
    assert client.get(url).status_code == 200
    answer = client.get(url, {"language": "ar", "format": "json"})
    assert answer.status_code == 200
    assert answer["Content-Disposition"].startswith("attachment;")
    assert json.loads(answer.content)["language"] == "ar"
    event = AuditEvent.objects.filter(person_id=canary.pk, action=Action.EXPORT).get()
    assert event.purpose == "subject access export (ar, json)"


def test_the_page_answers_404_out_of_scope_and_403_to_other_roles(client, personas, canary):
    url = reverse("privacy:export", args=[canary.pk])
    client.force_login(personas["registrar.usivak"])
    assert client.get(url).status_code == 404
    client.force_login(personas["registrar.lipa"])
    assert client.get(url).status_code == 403


def test_the_command_writes_a_pdf_and_a_json_file(admin, canary, tmp_path):
    output = tmp_path / "export.pdf"
    call_command(
        "subject_access",
        str(canary.pk),
        "--language",
        "bn",
        "--output",
        str(output),
        "--actor",
        admin.email,
    )
    assert output.read_bytes().startswith(b"%PDF")
    assert json.loads((tmp_path / "export.json").read_text())["language"] == "bn"
    assert AuditEvent.objects.filter(person_id=canary.pk, action=Action.EXPORT).exists()
