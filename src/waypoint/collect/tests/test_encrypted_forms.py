"""An encrypted form (issue 17, acceptance 2): the phone encrypts each submission as ODK
Collect does (AES-256 per submission, its key wrapped with the form's RSA public key,
``submission.xml.enc`` and ``.enc`` media); Waypoint stores it as it came and decrypts it
only in an export, with the private key an administrator gives for that export."""

from __future__ import annotations

import io

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from waypoint.collect.encryption import encrypt_submission, public_key_base64
from waypoint.collect.models import Form, Submission
from waypoint.collect.tests.conftest import DigestPhone, xlsform

pytestmark = pytest.mark.django_db

SECRET_ANSWER = "Sleeps under the bridge by the bus station"
INSTANCE_ID = "uuid:7d3a0c1e-0000-4000-8000-00000000e001"


@pytest.fixture(scope="module")
def key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _pem(key: rsa.RSAPrivateKey, passphrase: bytes | None = None) -> bytes:
    encryption = (
        serialization.BestAvailableEncryption(passphrase)
        if passphrase
        else serialization.NoEncryption()
    )
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )


@pytest.fixture
def sent(client, personas, key):  # type: ignore[no-untyped-def]
    """The form uploaded and published by the analyst; one encrypted submission with a
    photo sent from the enumerator's phone."""
    client.force_login(personas["analyst"])
    upload = xlsform(
        [
            ("type", "name", "label"),
            ("text", "shelter", "Where do you sleep?"),
            ("image", "photo", "Photo"),
        ],
        settings=[
            ("form_id", "version", "public_key", "submission_url"),
            ("protection_survey", "3", public_key_base64(key.public_key()), ""),
        ],
    )
    client.post("/forms/", {"file": SimpleUploadedFile("survey.xlsx", upload)})
    form = Form.objects.get(form_id="protection_survey")
    version = form.versions.get()
    assert version.encrypted
    client.post(f"/forms/{form.pk}/versions/{version.pk}/publish/")
    clear = (
        '<data id="protection_survey" version="3">'
        f"<shelter>{SECRET_ANSWER}</shelter><photo>p.jpg</photo>"
        f"<meta><instanceID>{INSTANCE_ID}</instanceID></meta></data>"
    ).encode()
    manifest, files = encrypt_submission(
        public_key_pem_or_base64=public_key_base64(key.public_key()),
        form_id="protection_survey",
        version="3",
        instance_id=INSTANCE_ID,
        xml=clear,
        media={"p.jpg": b"\xff\xd8\xff photo bytes"},
    )
    parts = {"xml_submission_file": SimpleUploadedFile("submission.xml", manifest, "text/xml")}
    for index, (name, content) in enumerate(files.items()):
        parts[f"file{index}"] = SimpleUploadedFile(name, content, "application/octet-stream")
    answer = DigestPhone(personas["enumerator"].email).post(
        "http://testserver/openrosa/submission", parts
    )
    assert answer.status_code == 201, answer.content
    return form


def test_it_is_stored_as_it_came_and_readable_nowhere(sent):
    stored = Submission.objects.get(instance_id=INSTANCE_ID)
    assert stored.encrypted
    assert SECRET_ANSWER not in stored.xml
    names = sorted(file.name for file in stored.attachments.all())
    assert names == ["p.jpg.enc", "submission.xml.enc"]
    assert all(SECRET_ANSWER.encode() not in bytes(f.content) for f in stored.attachments.all())


def test_the_administrator_exports_it_decrypted_with_the_private_key(client, personas, sent, key):
    client.force_login(personas["admin"])
    passphrase = b"only for this export"
    response = client.post(
        f"/forms/{sent.pk}/export/",
        {
            "format": "xlsx",
            "private_key": SimpleUploadedFile("key.pem", _pem(key, passphrase)),
            "passphrase": passphrase.decode(),
        },
    )
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    rows = [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    assert rows[1][rows[0].index("shelter")] == SECRET_ANSWER


def test_without_the_key_or_with_a_wrong_one_the_export_says_why(client, personas, sent):
    client.force_login(personas["admin"])
    without = client.post(f"/forms/{sent.pk}/export/", {"format": "xlsx"}, follow=True)
    assert "encrypted: give its private key" in without.content.decode()
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    wrong = client.post(
        f"/forms/{sent.pk}/export/",
        {"format": "csv", "private_key": SimpleUploadedFile("key.pem", _pem(other))},
        follow=True,
    )
    assert "could not be decrypted" in wrong.content.decode()
    assert SECRET_ANSWER not in wrong.content.decode()


def test_an_analyst_may_not_decrypt(client, personas, sent, key):
    client.force_login(personas["analyst"])
    response = client.post(
        f"/forms/{sent.pk}/export/",
        {"format": "xlsx", "private_key": SimpleUploadedFile("key.pem", _pem(key))},
    )
    assert response.status_code == 403
