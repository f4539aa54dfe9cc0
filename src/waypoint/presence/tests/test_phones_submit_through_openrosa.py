"""A phone lists the forms, downloads one, fills it and submits it, as ODK Collect does."""

from __future__ import annotations

from defusedxml.ElementTree import fromstring
from django.core.files.uploadedfile import SimpleUploadedFile

from waypoint.collect.models import Submission, SubmissionAttachment
from waypoint.presence.models import Observation
from waypoint.presence.tests.conftest import fill_instance, phone

FORM_LIST = "{http://openrosa.org/xforms/xformsList}"
ASSESSMENT = {
    "round_number": "7",
    "location_code": "BIH-1",
    "observed_on": "2026-10-30",
    "team": "T03",
    "migrants_observed": "40",
    "not_in_trc": "31",
    "adult_men": "34",
    "adult_women": "2",
    "boys": "3",
    "girls": "1",
    "unaccompanied_children": "2",
    "nationality_AFG": "20",
    "nationality_PAK": "12",
    "needs": "food shelter",
    "access_notes": "gate locked, entry from the river side",
}


def _downloaded_form(client, form_id: str) -> str:
    listing = client.get("/openrosa/formList")
    assert listing.status_code == 200
    assert listing["X-OpenRosa-Version"] == "1.0"
    root = fromstring(listing.content)
    for item in root.iter(f"{FORM_LIST}xform"):
        if item.findtext(f"{FORM_LIST}formID") == form_id:
            assert item.findtext(f"{FORM_LIST}hash", "").startswith("md5:")
            url = item.findtext(f"{FORM_LIST}downloadUrl", "")
            download = client.get(url)
            assert download.status_code == 200
            return download.content.decode()
    raise AssertionError(f"{form_id} not in the form list")


def _submit(client, document: bytes, *attachments):
    files = {"xml_submission_file": SimpleUploadedFile("submission.xml", document, "text/xml")}
    for index, attachment in enumerate(attachments):
        files[f"photo{index}"] = attachment
    return client.post("/openrosa/submission", files)


def test_an_observation_sent_from_a_phone_appears_in_the_round(enumerator, collecting_round):
    client = phone(enumerator)
    form_xml = _downloaded_form(client, "presence_location")
    document = fill_instance(form_xml, ASSESSMENT, "uuid:0b1e6d1c-1111-4c1e-9f00-000000000001")

    response = _submit(client, document)

    assert response.status_code == 201, response.content
    assert b"OpenRosaResponse" in response.content
    observation = Observation.objects.get(round=collecting_round, location__code="BIH-1")
    assert observation.migrants_observed == 40
    assert observation.nationalities == {"AFG": 20, "PAK": 12}
    assert observation.needs == ["food", "shelter"]
    assert observation.source == "phone"


def test_a_submission_with_a_photo_keeps_the_photo(enumerator, collecting_round):
    client = phone(enumerator)
    form_xml = _downloaded_form(client, "presence_location")
    values = {**ASSESSMENT, "location_code": "BIH-2", "photo": "site.jpg"}
    document = fill_instance(form_xml, values, "uuid:0b1e6d1c-1111-4c1e-9f00-000000000002")
    photo = SimpleUploadedFile("site.jpg", b"\xff\xd8\xff\xe0fake-jpeg", "image/jpeg")

    response = _submit(client, document, photo)

    assert response.status_code == 201, response.content
    attachment = SubmissionAttachment.objects.get(submission__instance_id__endswith="0002")
    assert attachment.name == "site.jpg"
    assert bytes(attachment.content).startswith(b"\xff\xd8")
    assert Observation.objects.filter(location__code="BIH-2", round=collecting_round).exists()


def test_the_same_submission_again_changes_nothing(enumerator, collecting_round):
    client = phone(enumerator)
    form_xml = _downloaded_form(client, "presence_location")
    document = fill_instance(form_xml, ASSESSMENT, "uuid:0b1e6d1c-1111-4c1e-9f00-000000000003")
    assert _submit(client, document).status_code == 201
    observation = Observation.objects.get(round=collecting_round, location__code="BIH-1")
    observation.migrants_observed = 41  # pretend a reviewer moved it on since
    observation.adult_men = 35
    observation.save()

    again = _submit(client, document)

    assert again.status_code in {201, 202}
    assert Submission.objects.count() == 1
    observation.refresh_from_db()
    assert observation.migrants_observed == 41


def test_a_truncated_body_is_refused_with_400(enumerator, collecting_round):
    client = phone(enumerator)
    form_xml = _downloaded_form(client, "presence_location")
    document = fill_instance(form_xml, ASSESSMENT)

    response = _submit(client, document[: len(document) // 2])

    assert response.status_code == 400
    assert b"OpenRosaResponse" in response.content
    assert not Observation.objects.exists()


def test_a_submission_for_an_unknown_form_is_refused(enumerator, collecting_round):
    document = b'<data id="not_our_form"><meta><instanceID>uuid:x</instanceID></meta></data>'
    response = _submit(phone(enumerator), document)
    assert response.status_code == 404
    assert b"OpenRosaResponse" in response.content


def test_head_on_the_submission_url_answers_204_with_openrosa_headers(enumerator):
    response = phone(enumerator).head("/openrosa/submission")
    assert response.status_code == 204
    assert response["X-OpenRosa-Version"] == "1.0"
    assert int(response["X-OpenRosa-Accept-Content-Length"]) > 0


def test_without_credentials_the_phone_is_challenged(db):
    from django.test import Client

    response = Client().get("/openrosa/formList")
    assert response.status_code == 401
    offered = response["WWW-Authenticate"]
    assert offered.startswith("Digest") and "algorithm=SHA-256" in offered
    assert "algorithm=MD5" in offered and 'Basic realm="Waypoint"' in offered


def test_an_enumerator_cannot_submit_outside_their_area(enumerator, collecting_round):
    client = phone(enumerator)
    form_xml = _downloaded_form(client, "presence_location")
    document = fill_instance(form_xml, {**ASSESSMENT, "location_code": "SA-1"})

    response = _submit(client, document)

    assert response.status_code == 403
    assert not Observation.objects.exists()
    assert not Submission.objects.exists()


def test_a_split_submission_adds_its_later_photos_without_counting_twice(
    enumerator, collecting_round
):
    client = phone(enumerator)
    form_xml = _downloaded_form(client, "presence_location")
    document = fill_instance(form_xml, ASSESSMENT, "uuid:0b1e6d1c-1111-4c1e-9f00-000000000009")
    first = SimpleUploadedFile("a.jpg", b"\xff\xd8first", "image/jpeg")
    second = SimpleUploadedFile("b.jpg", b"\xff\xd8second", "image/jpeg")
    assert _submit(client, document, first).status_code == 201

    assert _submit(client, document, second).status_code == 202

    names = set(SubmissionAttachment.objects.values_list("name", flat=True))
    assert names == {"a.jpg", "b.jpg"}
    assert Observation.objects.get(location__code="BIH-1").migrants_observed == 40
