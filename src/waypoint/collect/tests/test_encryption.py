# ruff: noqa: E501 (the test vectors at the end are copied verbatim, long lines and all)
"""Encrypted submissions: what Collect makes, decrypted back; the format checked against
submissions Collect really made.

The known-answer vectors at the end of this file come from ODK's own test suites (Apache
License 2.0): getodk/briefcase ``test/resources/org/opendatakit/briefcase/export/``
(``encrypted-form*``, made by Collect in 2018, stored as Aggregate hands them out) and
getodk/central-backend ``test/unit/util/crypto.js`` with ``test/data/priv.pem`` (made by
Collect v1.22.4). Their private keys are public test keys, never used for real data.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import hashlib

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms
from defusedxml.ElementTree import fromstring
from hypothesis import given, settings
from hypothesis import strategies as st
from pyxform.xls2xform import convert

from waypoint.collect.encryption import (
    CFB,
    EncryptionError,
    decrypt_submission,
    encrypt_submission,
    file_decrypt,
    is_encrypted,
    iv_sequence,
    manifest_parse,
    private_key_load,
    public_key_base64,
    public_key_from_xform,
    signature_matches,
    symmetric_key_decrypt,
)

ENCRYPTED = "{http://www.opendatakit.org/xforms/encrypted}"
ORX = "{http://openrosa.org/xforms}"
INSTANCE_ID = "uuid:6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e"
CLEAR_XML = (
    '<?xml version="1.0" ?><data id="presence_location" version="2026112501">'
    "<location_code>BA0101-007</location_code><photo>site.jpg</photo>"
    "<team>Bihać – tim 2</team>"
    f"<meta><instanceID>{INSTANCE_ID}</instanceID></meta></data>"
).encode()
# Two files whose lengths are not multiples of 16, so both need padding.
MEDIA = {"site.jpg": bytes(range(256)) * 41 + b"\xff\xd9", "voice.m4a": b"\x00ftypM4A " * 999}


def _pem(key: rsa.RSAPrivateKey, passphrase: bytes | None = None) -> bytes:
    encryption = (
        serialization.BestAvailableEncryption(passphrase)
        if passphrase
        else serialization.NoEncryption()
    )
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, encryption
    )


@pytest.fixture(scope="module")
def key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def other_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
def submission(key):
    manifest, files = encrypt_submission(
        public_key_pem_or_base64=public_key_base64(key),
        form_id="presence_location",
        version="2026112501",
        instance_id=INSTANCE_ID,
        xml=CLEAR_XML,
        media=MEDIA,
    )
    return manifest, files


# --- round trip -------------------------------------------------------------------------


def test_a_submission_with_two_media_files_decrypts_back_byte_for_byte(key, submission):
    document, files = submission
    manifest = manifest_parse(document)

    xml, media = decrypt_submission(
        private_key_pem=_pem(key), manifest=manifest, files=files, require_signature=True
    )

    assert xml == CLEAR_XML
    assert media == MEDIA
    assert list(media) == ["site.jpg", "voice.m4a"]


def test_a_key_loaded_once_decrypts_submission_after_submission(key):
    loaded = private_key_load(_pem(key))
    for number in range(3):
        document, files = encrypt_submission(
            public_key_pem_or_base64=public_key_base64(key),
            form_id="presence_location",
            version="2026112501",
            instance_id=f"uuid:{number}",
            xml=CLEAR_XML + str(number).encode(),
            media={},
        )

        xml, _ = decrypt_submission(
            private_key=loaded, manifest=manifest_parse(document), files=files
        )

        assert xml == CLEAR_XML + str(number).encode()


def test_the_files_are_ciphertext_padded_to_whole_blocks(submission):
    _, files = submission

    assert sorted(files) == ["site.jpg.enc", "submission.xml.enc", "voice.m4a.enc"]
    for name, clear in [*MEDIA.items(), ("submission.xml", CLEAR_XML)]:
        encrypted = files[name + ".enc"]
        assert len(encrypted) == (len(clear) // 16 + 1) * 16
        assert clear[:64] not in encrypted


def test_a_passphrase_protected_private_key_decrypts_with_its_passphrase(key, submission):
    document, files = submission

    xml, _ = decrypt_submission(
        private_key_pem=_pem(key, b"Lipa-2026 winter"),
        passphrase=b"Lipa-2026 winter",
        manifest=manifest_parse(document),
        files=files,
    )

    assert xml == CLEAR_XML


def test_a_form_key_from_an_xlsform_public_key_setting_encrypts_what_its_private_key_opens(key):
    xlsform = (
        "| survey |\n"
        "|        | type | name | label |\n"
        "|        | text | team | Team |\n"
        "|        | image | photo | Photo |\n"
        "| settings |\n"
        "|          | form_id | version | public_key |\n"
        f"|          | sealed_form | 7 | {public_key_base64(key)} |\n"
    )
    xform = convert(xlsform=xlsform, file_type=".md", form_name="data").xform

    public_key = public_key_from_xform(xform)
    document, files = encrypt_submission(
        public_key_pem_or_base64=public_key or "",
        form_id="sealed_form",
        version="7",
        instance_id=INSTANCE_ID,
        xml=CLEAR_XML,
        media={"photo.jpg": b"\xff\xd8 not much of a photo"},
    )
    xml, media = decrypt_submission(
        private_key_pem=_pem(key), manifest=manifest_parse(document), files=files
    )

    assert public_key == public_key_base64(key)
    assert xml == CLEAR_XML
    assert media == {"photo.jpg": b"\xff\xd8 not much of a photo"}


def test_the_public_key_is_read_from_an_xform_with_an_encoding_declaration(key):
    xform = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml">'
        "<h:head><h:title>Šifra</h:title><model>"
        f'<submission method="post" base64RsaPublicKey="{public_key_base64(key)}"/>'
        "</model></h:head><h:body/></h:html>"
    )

    assert public_key_from_xform(xform) == public_key_base64(key)


def test_a_form_without_a_public_key_asks_for_no_encryption():
    xlsform = "| survey |\n|  | type | name | label |\n|  | text | team | Team |\n"
    xform = convert(xlsform=xlsform, file_type=".md", form_name="data").xform

    assert public_key_from_xform(xform) is None


def test_a_pem_public_key_encrypts_as_well_as_the_bare_base64_one(key):
    pem = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )

    document, files = encrypt_submission(
        public_key_pem_or_base64=pem,
        form_id="presence_location",
        version="1",
        instance_id=INSTANCE_ID,
        xml=CLEAR_XML,
        media={},
    )

    xml, _ = decrypt_submission(
        private_key_pem=_pem(key), manifest=manifest_parse(document), files=files
    )
    assert xml == CLEAR_XML


# --- the manifest -----------------------------------------------------------------------


def test_the_manifest_has_exactly_the_elements_collect_writes_in_its_order(submission):
    document, _ = submission
    root = fromstring(document)

    # EncryptionUtils.writeSubmissionManifest: no XML declaration, root attributes id,
    # version, encrypted, then key, orx:meta/orx:instanceID, media/file..., encryptedXmlFile,
    # base64EncryptedElementSignature.
    assert document.startswith(b'<data id="presence_location" version="2026112501" encrypted="yes"')
    assert root.tag == ENCRYPTED + "data"
    assert root.attrib == {"id": "presence_location", "version": "2026112501", "encrypted": "yes"}
    assert [child.tag for child in root] == [
        ENCRYPTED + "base64EncryptedKey",
        ORX + "meta",
        ENCRYPTED + "media",
        ENCRYPTED + "media",
        ENCRYPTED + "encryptedXmlFile",
        ENCRYPTED + "base64EncryptedElementSignature",
    ]
    assert [child.tag for child in root[1]] == [ORX + "instanceID"]
    assert root[1][0].text == INSTANCE_ID
    assert [[file.text for file in media] for media in root[2:4]] == [
        ["site.jpg.enc"],
        ["voice.m4a.enc"],
    ]
    assert root[4].text == "submission.xml.enc"
    assert len(base64.b64decode(root[0].text or "")) == 256  # one RSA-2048 block
    assert len(base64.b64decode(root[5].text or "")) == 256
    assert b"<orx:meta" in document and b"</orx:meta>\n<media>" in document


def test_the_manifest_reads_back_what_was_written(submission):
    document, _ = submission

    manifest = manifest_parse(document)

    assert manifest.form_id == "presence_location"
    assert manifest.version == "2026112501"
    assert manifest.instance_id == INSTANCE_ID
    assert manifest.encrypted_xml_file == "submission.xml.enc"
    assert manifest.media == ("site.jpg.enc", "voice.m4a.enc")
    assert manifest.element_signature is not None
    assert is_encrypted(document)


def test_a_form_without_a_version_leaves_it_out_of_the_manifest_and_the_signature(key):
    document, files = encrypt_submission(
        public_key_pem_or_base64=public_key_base64(key),
        form_id="no_version",
        version=None,
        instance_id=INSTANCE_ID,
        xml=CLEAR_XML,
        media={},
    )
    manifest = manifest_parse(document)

    assert b"version=" not in document
    assert manifest.version is None
    decrypt_submission(private_key_pem=_pem(key), manifest=manifest, files=files)
    # Claiming a version the phone did not sign breaks the signature.
    with pytest.raises(EncryptionError, match="signature does not match"):
        decrypt_submission(
            private_key_pem=_pem(key),
            manifest=dataclasses.replace(manifest, version=""),
            files=files,
        )


def test_a_clear_instance_or_garbage_is_not_an_encrypted_submission():
    assert not is_encrypted(CLEAR_XML)
    assert not is_encrypted(b"\x00\x01 not xml")
    assert not is_encrypted(b'<!DOCTYPE data []><data encrypted="yes"/>')
    with pytest.raises(EncryptionError, match='no encrypted="yes"'):
        manifest_parse(CLEAR_XML)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.replace(b' id="presence_location"', b""), "no form id"),
        (lambda d: d.replace(b"base64EncryptedKey>", b"key>"), "no <base64EncryptedKey>"),
        (lambda d: d.replace(b"orx:instanceID>", b"orx:uuid>"), "no meta/instanceID"),
        (lambda d: d.replace(b"encryptedXmlFile>", b"xmlFile>"), "no <encryptedXmlFile>"),
        (lambda d: d.replace(b"site.jpg.enc", b"../site.jpg.enc"), "not a plain"),
        (lambda d: d.replace(b"site.jpg.enc", b"site.jpg"), "not a plain"),
        (lambda d: d.replace(b"site.jpg.enc", b"..enc"), "not a plain"),
        (lambda d: d.replace(b"site.jpg.enc", b"C:\\site.jpg.enc"), "not a plain"),
        (lambda d: d.replace(b"voice.m4a.enc", b"site.jpg.enc"), "same file twice"),
        (lambda d: d.replace(b"<base64EncryptedKey>", b"<base64EncryptedKey>!!"), "not base64"),
        (lambda d: b"<!DOCTYPE data [<!ENTITY x 'y'>]>" + d, "Document type"),
        (lambda d: d[:-7], "not well-formed"),
    ],
)
def test_a_malformed_manifest_is_refused_with_what_is_wrong(submission, change, message):
    document, _ = submission

    with pytest.raises(EncryptionError, match=message):
        manifest_parse(change(document))


@settings(max_examples=300, deadline=None)
@given(document=st.binary(max_size=2048))
def test_arbitrary_bytes_never_raise_anything_but_an_encryption_error(document):
    with contextlib.suppress(EncryptionError):
        manifest_parse(document)


_ELEMENTS = st.sampled_from(
    [
        "<base64EncryptedKey>QUJD</base64EncryptedKey>",
        "<base64EncryptedKey></base64EncryptedKey>",
        "<encryptedXmlFile>submission.xml.enc</encryptedXmlFile>",
        "<encryptedXmlFile>/etc/passwd</encryptedXmlFile>",
        "<media><file>a.jpg.enc</file></media>",
        "<media><file></file><file>b.enc</file></media>",
        '<orx:meta xmlns:orx="http://openrosa.org/xforms"><orx:instanceID>uuid:1</orx:instanceID></orx:meta>',
        "<meta><instanceID/></meta>",
        "<base64EncryptedElementSignature>=</base64EncryptedElementSignature>",
        "<base64EncryptedElementSignature>QUJD</base64EncryptedElementSignature>",
        "&amp;",
        "<",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    attributes=st.sampled_from(
        ['id="f" encrypted="yes"', 'encrypted="YES" id=""', 'id="f" version="" encrypted="yes"']
    ),
    elements=st.lists(_ELEMENTS, max_size=8),
)
def test_manifest_like_documents_give_a_manifest_or_an_encryption_error(attributes, elements):
    document = f"<data {attributes}>{''.join(elements)}</data>".encode()
    try:
        manifest = manifest_parse(document)
    except EncryptionError:
        return
    assert manifest.form_id and manifest.instance_id and manifest.base64_encrypted_key
    assert manifest.encrypted_xml_file.endswith(".enc")


# --- what goes wrong, each with its own message -----------------------------------------


def test_another_private_key_is_refused_as_not_the_forms(other_key, submission):
    document, files = submission

    with pytest.raises(EncryptionError, match="does not open this submission"):
        decrypt_submission(
            private_key_pem=_pem(other_key), manifest=manifest_parse(document), files=files
        )


def test_a_flipped_byte_in_the_encrypted_instance_breaks_the_signature(key, submission):
    document, files = submission
    tampered = bytearray(files["submission.xml.enc"])
    tampered[40] ^= 0x01

    with pytest.raises(EncryptionError, match="signature does not match its files"):
        decrypt_submission(
            private_key_pem=_pem(key),
            manifest=manifest_parse(document),
            files={**files, "submission.xml.enc": bytes(tampered)},
        )


def test_a_flipped_byte_in_a_media_file_breaks_the_signature(key, submission):
    document, files = submission
    tampered = bytearray(files["voice.m4a.enc"])
    tampered[5000] ^= 0x80

    with pytest.raises(EncryptionError, match="signature does not match its files"):
        decrypt_submission(
            private_key_pem=_pem(key),
            manifest=manifest_parse(document),
            files={**files, "voice.m4a.enc": bytes(tampered)},
        )


def test_a_file_cut_short_does_not_decrypt(key, submission):
    document, files = submission

    with pytest.raises(EncryptionError, match=r"site\.jpg\.enc does not decrypt"):
        decrypt_submission(
            private_key_pem=_pem(key),
            manifest=manifest_parse(document),
            files={**files, "site.jpg.enc": files["site.jpg.enc"][:-3]},
        )


def test_a_missing_media_file_is_named(key, submission):
    document, files = submission
    del files["voice.m4a.enc"]

    with pytest.raises(EncryptionError, match=r"not received: voice\.m4a\.enc\.$"):
        decrypt_submission(
            private_key_pem=_pem(key), manifest=manifest_parse(document), files=files
        )


def test_media_listed_in_another_order_than_encrypted_break_the_signature(key, submission):
    document, files = submission
    manifest = manifest_parse(document)
    swapped = dataclasses.replace(manifest, media=tuple(reversed(manifest.media)))

    # Each file's IV follows its place in the list: swapped, both files decrypt with the
    # wrong IV, which CFB lets through except for the first block; the signature notices.
    with pytest.raises(EncryptionError, match="listed in another order"):
        decrypt_submission(private_key_pem=_pem(key), manifest=swapped, files=files)


def test_a_signature_made_with_another_key_is_refused(key, other_key, submission):
    document, files = submission
    other_document, _ = encrypt_submission(
        public_key_pem_or_base64=public_key_base64(other_key),
        form_id="presence_location",
        version="2026112501",
        instance_id=INSTANCE_ID,
        xml=CLEAR_XML,
        media={},
    )
    manifest = dataclasses.replace(
        manifest_parse(document),
        element_signature=manifest_parse(other_document).element_signature,
    )

    with pytest.raises(EncryptionError, match="signature was not made with this form's key"):
        decrypt_submission(private_key_pem=_pem(key), manifest=manifest, files=files)


def test_a_missing_signature_is_refused_only_when_required(key, submission):
    document, files = submission
    unsigned = dataclasses.replace(manifest_parse(document), element_signature=None)

    xml, _ = decrypt_submission(private_key_pem=_pem(key), manifest=unsigned, files=files)
    assert xml == CLEAR_XML
    with pytest.raises(EncryptionError, match="no element signature"):
        decrypt_submission(
            private_key_pem=_pem(key), manifest=unsigned, files=files, require_signature=True
        )


# --- private keys -----------------------------------------------------------------------


def test_private_key_load_says_what_is_wrong_with_a_key(key):
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505 (to see it refused)
    not_rsa = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    cases = [
        (b"hello", None, "not a PEM private key"),
        (_pem(key)[:200], None, "not a PEM private key"),
        (_pem(key, b"right"), b"wrong", "passphrase does not open"),
        (_pem(key, b"right"), None, "protected by a passphrase"),
        (_pem(key), b"unneeded", "not protected by a passphrase"),
        (not_rsa, None, "not an RSA key"),
        (_pem(small), None, "1024 bits"),
    ]
    for pem, passphrase, message in cases:
        with pytest.raises(EncryptionError, match=message):
            private_key_load(pem, passphrase)
    assert private_key_load(_pem(key, b"right"), b"right").key_size == 2048


def test_decrypting_takes_one_key_not_two_nor_none(key, submission):
    document, files = submission
    manifest = manifest_parse(document)

    with pytest.raises(TypeError):
        decrypt_submission(manifest=manifest, files=files)
    with pytest.raises(TypeError):
        decrypt_submission(
            manifest=manifest, files=files, private_key=key, private_key_pem=_pem(key)
        )


def test_a_public_key_that_is_not_one_is_refused():
    with pytest.raises(EncryptionError, match="not a public key"):
        encrypt_submission(
            public_key_pem_or_base64="bm90IGEga2V5",
            form_id="f",
            version="1",
            instance_id=INSTANCE_ID,
            xml=CLEAR_XML,
            media={},
        )


# --- known answers: what Collect really made --------------------------------------------


def test_central_ivs_follow_the_md5_seed_and_increment_rule():
    # central-backend test/unit/util/crypto.js, 'should generate the appropriate IVs'
    ivs = iv_sequence(
        instance_id="uuid:22525f8e-4f2d-41ed-94da-4c46a2478448",
        symmetric_key=base64.b64decode("3TJoHf74zHbDwG3Ta+bcvfUr50C6yF/astfu+CdSnQU="),
        count=32,
    )

    assert {index: ivs[index].hex() for index in (0, 1, 8, 15, 23, 31)} == {
        0: "39bbb0890f3222269da68b172146477a",
        1: "39bcb0890f3222269da68b172146477a",
        8: "39bcb18a103323279ea68b172146477a",
        15: "39bcb18a103323279ea78c182247487b",
        23: "3abdb28b113424289ea78c182247487b",
        31: "3abdb28b113424289fa88d192348497c",
    }


def test_central_key_wrapped_by_collect_unwraps_with_sha256_oaep():
    key = symmetric_key_decrypt(
        private_key=private_key_load(CENTRAL_KEY_PEM), base64_encrypted_key=CENTRAL_WRAPPED_KEY
    )

    assert base64.b64encode(key) == b"3TJoHf74zHbDwG3Ta+bcvfUr50C6yF/astfu+CdSnQU="


def test_central_instance_made_by_collect_1_22_4_decrypts_with_the_second_iv():
    # One media file came first, so the instance is the second file.
    key = symmetric_key_decrypt(
        private_key=private_key_load(CENTRAL_KEY_PEM),
        base64_encrypted_key=CENTRAL_E2E_WRAPPED_KEY,
    )
    ivs = iv_sequence(instance_id=CENTRAL_E2E_INSTANCE_ID, symmetric_key=key, count=2)

    xml = file_decrypt(
        symmetric_key=key, iv=ivs[1], data=_b64(CENTRAL_E2E_XML_ENC), name="submission.xml.enc"
    )

    assert xml == CENTRAL_E2E_XML


def test_briefcase_submission_made_by_collect_decrypts_and_its_signature_holds():
    manifest = manifest_parse(BRIEFCASE_MANIFEST)

    xml, media = decrypt_submission(
        private_key_pem=BRIEFCASE_KEY_PEM,
        manifest=manifest,
        files={"submission.xml.enc": _b64(BRIEFCASE_XML_ENC)},
        require_signature=True,
    )

    assert manifest.version is None
    assert media == {}
    assert xml == (
        b"<?xml version='1.0' ?><data id=\"encrypted-form\" "
        b'xmlns:orx="http://openrosa.org/xforms/" xmlns:h="http://www.w3.org/1999/xhtml">'
        b"<name>Guillermo</name><orx:meta><orx:instanceID>"
        b"uuid:494cd080-3bf4-47be-b40f-c706a950d58a</orx:instanceID></orx:meta></data>"
    )


def test_briefcase_submission_with_two_photos_decrypts_in_manifest_order():
    # The photos (1.3 MB each) are not copied here: the first encrypted block of each, the
    # md5 of each clear photo and the whole encrypted instance are enough to check the IV
    # order and the signature over all three files.
    manifest = manifest_parse(BRIEFCASE_MEDIA_MANIFEST)
    private_key = private_key_load(BRIEFCASE_KEY_PEM)
    key = symmetric_key_decrypt(
        private_key=private_key, base64_encrypted_key=manifest.base64_encrypted_key
    )
    ivs = iv_sequence(instance_id=manifest.instance_id, symmetric_key=key, count=3)

    xml = file_decrypt(
        symmetric_key=key, iv=ivs[2], data=_b64(BRIEFCASE_MEDIA_XML_ENC), name="submission"
    )
    first_blocks = [
        _cfb_decrypt(key, iv, bytes.fromhex(BRIEFCASE_PHOTOS[name][0]))
        for name, iv in zip(manifest.media, ivs, strict=False)
    ]
    md5s = [(name.removesuffix(".enc"), BRIEFCASE_PHOTOS[name][2]) for name in manifest.media]
    md5s.append(("submission.xml", hashlib.md5(xml, usedforsecurity=False).hexdigest()))

    assert manifest.media == ("1538040007350.jpg.enc", "1538040019351.jpg.enc")
    assert b"<image1>1538040019351.jpg</image1><image2>1538040007350.jpg</image2>" in xml
    assert first_blocks == [bytes.fromhex(BRIEFCASE_PHOTOS[n][1]) for n in manifest.media]
    assert signature_matches(private_key=private_key, manifest=manifest, file_md5s=md5s)
    assert not signature_matches(
        private_key=private_key, manifest=manifest, file_md5s=[md5s[1], md5s[0], md5s[2]]
    )


def test_a_briefcase_photo_decrypted_with_the_other_photos_iv_is_wrong_in_its_first_block():
    manifest = manifest_parse(BRIEFCASE_MEDIA_MANIFEST)
    key = symmetric_key_decrypt(
        private_key=private_key_load(BRIEFCASE_KEY_PEM),
        base64_encrypted_key=manifest.base64_encrypted_key,
    )
    ivs = iv_sequence(instance_id=manifest.instance_id, symmetric_key=key, count=2)
    encrypted, clear, _ = BRIEFCASE_PHOTOS["1538040007350.jpg.enc"]

    wrong = _cfb_decrypt(key, ivs[1], bytes.fromhex(encrypted))

    assert wrong[:16] != bytes.fromhex(clear)[:16]
    assert wrong[16:] == bytes.fromhex(clear)[16:]  # CFB resynchronises after one block


def _b64(text: str) -> bytes:
    return base64.b64decode("".join(text.split()))


def _cfb_decrypt(key: bytes, iv: bytes, data: bytes) -> bytes:
    decryptor = Cipher(algorithms.AES(key), CFB(iv)).decryptor()
    return decryptor.update(data) + decryptor.finalize()


# --- the vectors --------------------------------------------------------------------------

# getodk/central-backend test/unit/util/crypto.js, 'should get and unpad a key encrypted by
# Collect' and 'end-to-end' (made by Collect v1.22.4); the key is test/data/priv.pem.
CENTRAL_KEY_PEM = b"""\
-----BEGIN RSA PRIVATE KEY-----
MIIEpAIBAAKCAQEAyYh7bSui/0xppQ+J3i5xghfao+559Rqg9X0xNbdMEsW35CzY
UfmC8sOzeeUiE4pG7HIEUmiJal+mo70UMDUlywXj9z053n0g6MmtLlUyBw0ZGhEZ
WHsfBxPQixdzY/c5i7sh0dFzWVBZ7UrqBc2qjRFUYxeXqHsAxSPClTH1nW47Mr2h
4juBLC7tBNZA3biZA/XTPt//hAuzv1d6MGiF3vQJXvFTNdfsh6Ckq4KXUsAv+07c
LtON4KjrKhqsVNNGbFssTUHVL4A9N3gsuRGt329LHOKBxQUGEnhMM2MEtvk4kaVQ
rgCqpk1pMU/4HlFtRjOoKdAIuzzxIl56gNdRUQIDAQABAoIBAAh4BcfGp6jWyzG2
f3KovPhcjEGLSfC018K5KhI5y6aWTG34PHblZ01QUAB1UoNDsktJV0knP28K6fPD
hE+qTBZF/xhqqD3jQDjIEND7n4iQUle4FDqVoe4oNQFDUQQIZZCronYwuQotyDmi
hkcMJ3iaG9O2MBdSY+vk3s5qNQoSfqhGwBR64ds5ndORwNCrp55pdM2ZodKpSrJI
dJ/RvWTo/z5Oo9f8VFFWB7SzqL/BYAzFojKiaCbn0i22DgOGds3gWPJUzlSkHevo
NaQClrW5ZoI0gK7qjgO5pj8vj5dx7O1EQzB/H+CmFy7vazZVuEG7ZMUVclPa+FfF
H2kt78kCgYEA76SP+e/r028Maxmf+Hsc8xjYLv/1/vEZni6mcF4c3AimwVm2oRRg
PFfKSWY9YjGL4UvnLVclLs3ALM1Q/8Ppv8dOGe6mNOsvn3E77R5Ljp0frCYDeggB
6qZFlvQbgq5wSMdarnnRaZCLklcHVpTj2ieoVOjkne1i886VP1x3kdcCgYEA10oB
ARHTpP2x7vBFTkuC5R9ByAdJPhVaEYPBr6D+xOt1nB33YcJDym51ByuscH1noxNE
09Bf1/rt2S1b03XpH55AToqxIVc8fE7eOCXQd1oY8Pzpi2ro/jVirP1MdI3g1pTT
DNiv3sJJMsiQ79QT6Q+0LddNQuXmPcUOR8GHoRcCgYEA3XGj2cHqmaa0QwOa33Jk
ff8nRccg+kSw94sEIjHVWT5lWaYdLRw3EYvOUaU4c9R0/eu15B/zLBzUyJGxl6bi
CWWStkPhMmVhzGRGjAbCqzZmXh2CePGNU9fx1lwcT9YBzD7rfO70pCf90Wy6Szeq
lZyv4EaVe5oxJjpvj+1SUGECgYAOy681+5uoAydvXGPm9ZmRVYyXyqhl8+G0wnFV
OKNJtUTn7cdKmKdACkdQrtezA2tT8ccRJ4jutvgRrORarAfRfHa+7xktSWmGwYTU
JwUkrrR4G2mRg09v6QtXCDFw8S86kA/RGjM8A+4z50TOtqyHn+SqIdnVdydTp29L
zykbEQKBgQC1FcRKIRkn6IEAHaI0QQl793vxgo/g3oJoRXLptNy63eBygd0x+qY3
TD8cBMLaJs5DMC5zNGW8YQXtaADMbp0jV6aD/7Qer/SaXk187bGhF5KfSCqjj1yx
uR0+sgNnVaENMkxsyrVlUXuMivNdPAob6dtspaiEGyseFa/N8RinIg==
-----END RSA PRIVATE KEY-----
"""
CENTRAL_WRAPPED_KEY = "heF9tzGvB1jjjBM5AAADnTgrFwmtyjESyCNk86oiX/r+WCohyEX3f4jOswK4/IBLx9VNW4k1wbo0t9PMp4Ie/PAucyBwyqKpx6coGkk8nCeznzisLe07fr9a6MEFOuBqKWun28M/cDUasoyg8//ytMVatSMGjv+Nkj8L7QtlMH6iDJoWZQfwvxgDeCrBn2+jr+qwdlQzxwyi5taV+zB9s+FDgJ14n8AyY3t4x0n+qkOqEvMVKIFc4ofRXBaG5N/21Uy+qA91Ap26sVDo7g1vmG+gND/f+Mx1gBQcmM0EKHowUT5cIdrG6N/XTHVpCWkH6qxjhuWyayCGBT+Frxf+Sg=="
CENTRAL_E2E_INSTANCE_ID = "uuid:99b303d9-6494-477b-a30d-d8aae8867335"
CENTRAL_E2E_WRAPPED_KEY = "iyEB1LAlvVE8uaW0HuhLhzwcLceIukqfgusDNdDEE2FFxVtUtSI3FiOuNxhgI/Zbgnaabh/vqeZ3yLXwv0f66pAbN0n8kM9f84VJR18fdUp6doOz7o8IQD7gc3ZfbRXweab/NxnahfYa9ij0Kax1LTKS05Oodk2MewkzwfBhdbf/CfiBP1HSskDio40jdW5f04GkqZsFCPUluF2DfMnwYCo0wdwf2m8o+lSNR+vrFeEYG7LtGE4X90pVrQnJHwFWHGjSwJpg/USn5skBioDKUCv/Dva9xJ+JXUz+QSg6LOuP+SDxsrmf36WKrnE8kWfN4oaBdmIwFSStkLH9foNXUw=="
CENTRAL_E2E_XML_ENC = """
kMhJdk0mZOqvlxndUO3v4+UPvfYoc+bbkPmF3QmhoP7lP/QjHbzqw/IfZxQ54D328eCc4V6jtbrj
eAXV+m1cWsCGGLW5KwTAxBjPBXzsZrUeY0RISVJ1g9BJoXfSRAjYMrFYOM907BFUIYYxMqpVWGy1
lo8ljqY+Sgq1VphkQk/TQGgOVYFALHDLOYnLKuLHvwBLQQwK3lje8CwNlf/b2rY9qfGC4P1emoiP
+YzkLp8eH6x/HfMvRIFoZEaom1i5s3SU4WVwe2Tno4jKD69ojMlQN6VKB7DK4xaRSs2C7zfDm63n
1WCyyOAj8mASIFhb3sc3hD56HTJFUV/TH3UVlzP7oPm/Mm7nEcU3+HdSSwm3I1qFYhsXfVRym41I
lbC4Twf660/kUZrugA7Zqd5K9Un3lOVTzYowaF+m5OIOO56wff3zPBxeOVjANDKR7V6/
"""
CENTRAL_E2E_XML = b"""<?xml version='1.0' ?><data id="encrypted" version="working3" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa"><meta><instanceID>uuid:99b303d9-6494-477b-a30d-d8aae8867335</instanceID></meta><name>bob</name><age>30</age><file>1561432532482.jpg</file></data>"""

# getodk/briefcase test/resources/org/opendatakit/briefcase/export/: encrypted-form-key.pem
# (the same key as encrypted-form-media-key.pem), encrypted-form-submission.xml(.enc),
# encrypted-form-media-submission.xml(.enc).
BRIEFCASE_KEY_PEM = b"""\
-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEA8RDcKKUNIAkKrPRd4tOls8X0ZpwYwuofVEER56BRwWIlSnPp
rE8p9EHbyL2/i6RLlX0Fk9ntdu/t42/jpf7hvf8srsgGk0bV1g22mvYDbk9pRdsh
faLmLEagDqmVZA4byXGjxlgR9MXKRZHd2CNv7swR9ZNyHN8GMo+rqC/bsXL5lCxf
VFmCbZo8AsemaE8wqQfkH5QHMFCHFbjmaUl+lnVpHa0jo31D7VOnT66tG8S/DjOT
PxVZCYF5O9qTttsnvBEAijbU5PF/afHwHbfCj3/a9cQApAfT0BxG6GJyMhrlANkK
6E5kWGart/wOgcybvE4El7ZzQT117OwxuZ3XZQIDAQABAoIBAGcMTQB25bBvDQg4
AbZHwQqjMUF3ssIHcNMEadH431nqSYSVHiuRP57xVDFwo2PfHIxPgEXen7r6/1b8
6nR4Cym73e7tBJqKajhxbkC5r2fFPHwnGx7otrnwitUZuwmlWk13bYoI9cwLjNbG
bu3I4D1VMMwodlxPHggZEEj6BFDKv+HPI6Bfub73mW9UVCN8Qiu57/7VyFRltoXc
O3cIHmivF1mnL8WQStb2tdqg2k4NACrESLpFVLVr/RNsuCzDnuL8/j3QI4L/8d55
S8hIvOCbhhLTrLPRL7jAtEUwd8vrAa6px5htSGHlIAHzkDPewMzrZcfQhyia2U6V
tSMW3mECgYEA/j6ncM8tUJGJn/kYuhDIqTpw39z8VoArdmobBB/PSEPVnFy/J/WU
M1VBrEPTCAmTAUgRdfkFUFdiQF1QaxuG2vGtXw8FNE4Y55LSDJf04KCFgWnyma7Y
NRCmmKWorv16T7vQ3D8/UYR9ZAtyykJeG/afCzpmq2DbaZYG40CfEE0CgYEA8rrp
9QDjZpH4nAwwcxU1KvJiwALBu4F6ETH0xhpnBLlEMQIwI1l5nVNPqd7m4pa10cUb
DinfGbHVEnoY2f9h+To9KsDit9ERqTCCtqZaA4ouu0OqvBByEQJv4xQ77HzDnyab
guISXW2werMcPXtSfohNT27ajNNl3AqVoES1L3kCgYEA7S7gIAJ24MnVHVNR+Qr9
V7p4YK+VDNFnOoIEEBXo1x7JYaS4g/u7NSRdLurbLY1ZAgIMoAUfKvNKaodjJXi5
lvmNZrfpgAE3hJnYsPz16rR1t+Rx+WM+ukp9ULyCoDVCbK3nTAEI/fBe1f1EKmI9
z1KEzwG9lDW4m0jlxg2cFqUCgYBTMkvEhVRsMLY0zlzA5VD+8mt0gr1ihoOPZz8N
s7kBvnqoDabwRtfPW+HfSJ58pcmWJ+gZF7L3fKOanKzt84HiSdrzT3+mH4vdINp8
vlH2CqPv3cakhUKDoAE3pRTQ/waSA0qkNtaynUkzFTclv6JL6m4NPuK8CC1OmXYl
o8cyiQKBgFwwxboWo898Yu2K/VX5EpL0mYpecadguS4a5/jhhkAl5rNYUyHPVCWO
Vbn7KFP6fK0BZT8Fyx0dCtpb7c10IqSRnvvErdwnaC3wZtsmg5p9/i24xjG2Euy4
DQuX/pxf/oWiXVujOekqXovFH4boeeKXhnjDSy0UiR05Ce5t/ciS
-----END RSA PRIVATE KEY-----
"""

BRIEFCASE_MANIFEST = b"""\
<data id="encrypted-form" encrypted="yes" instanceID="uuid:494cd080-3bf4-47be-b40f-c706a950d58a" submissionDate="2018-04-18T10:15:09.483+02" isComplete="true" markedAsCompleteDate="2018-04-18T10:15:09.483+02" xmlns="http://opendatakit.org/submissions">
  <base64EncryptedKey>Fh1NiIx1QuRBxbuwk7OvCnFDtqMA0bwtsu0R0Y2bDBkSBZ7K/rKD5vFDSh/b42N/eMHEMyvOe2tatla0BHd8vY6F4/xM8vyLPLs76KnZr+dDiipFKRo9uyT0QPYF14TSg4u9pH5r7bv0AWK/tmTORLhFKwuDKdLbykhkSnU/hDSzVKFPZWVe7HloJARx4FwYf14DBc3cqKvukWBwtiea8REcpidwDr6fx5s40kQRUhhL114FOxNVHd2XfjC492NiYcSMZYLXbVHj2ftmv3TzDuq0yEkwMQkUMWwFCfMwA5wPCk2QeXPeElSEU86VR1y1jFPakW+v9hFdekRZh1/7Ew==</base64EncryptedKey>
  <n0:meta xmlns:n0="http://openrosa.org/xforms">
    <n0:instanceID>uuid:494cd080-3bf4-47be-b40f-c706a950d58a</n0:instanceID>
  </n0:meta>
  <encryptedXmlFile>submission.xml.enc</encryptedXmlFile>
  <base64EncryptedElementSignature>y6C9wWP29L3xHtVYC4dt8pGrP4DkzzGmzhvdZ/XcMLtxWsNGPKUlZJi8BlNV4yQ54iN1w+l+18EGMWZlo+PanODZUhowThV4BicTdNZ4inF/WxDZSWEKudcFybHmhEf+BZ7eqF/XfpnL/YsiZNBePO/ght2yTk81ZtT7brDsz0g9ss8EQyLH5UeQ0qJyXAkP1PNt8dF7NE9vfD43JDE1fghV/nvqTtK/fBsS7JUio87p/tnoLipFx11LvY3rKao912qdmQDItbrQfpd3DXI1HeXQ7bHsz1P/VekFHstvRpH+8eWUSVXIYHDMb1uNLklyVUKQgbeQQ8Dvp+5kQ4DfSQ==</base64EncryptedElementSignature>
</data>"""

BRIEFCASE_XML_ENC = """
XY/ENuZPaKUb5gBpu7uhksHga1ka6C+b6ZUpJDzWmFr+PwRx8Wed9/60VbCpTt2cFCkStlATbR6d
zUnRcahr8ll7ySxmn1TH9Wbo6fBdE314KC6UnuNM8i76xuXJucCclfPrXL3v8Zhl6zR0crxD8cSN
cSfizDwdMTDULjxorYkqhnWtB1vzWaUQj0X01ORIz2k/i2x2pjFgDYcTcyGUWIknnggdXuMAa1Eg
Ygv2N6V5cU01Ogp/aMuqeGXkFL2o7ZLFA4Fq3x70p68V761mnj2NVtO9FJdWLE37+5da0A5OeQYJ
VylCGh99leh4Agdc13xfo3ltgp5Tca6kVOmiJQ==
"""

BRIEFCASE_MEDIA_MANIFEST = b"""\
<data id="encrypted-form-media" encrypted="yes" instanceID="uuid:482e83f3-fae6-43ba-a6e9-e438ffe348e3" submissionDate="2018-09-27T09:20:53.764Z" isComplete="true" markedAsCompleteDate="2018-09-27T09:20:53.764Z" xmlns="http://opendatakit.org/submissions">
  <base64EncryptedKey>LQfGcwk6x/+O3BwXHWGROcQr/TeNmA3vHIwB6QA1ezFD9x+83nJHXQYobPSAqy268TtDZr4nQoNHlogpS9KNT3C3zRbMojJEBtCNT8oWFsj0/mJPhqi4gbJlIyCbGCh+VQXVXl9svJHnQrgqkd3XI+Mpfqpwbkf2mfgUl1Im9CHn1RnHh61YxqY0NYvq8q07R/9TvhOk7o8HFWuGTVTYsiay9fnr01Pcc86qGFWHTrDakyNmduoxS2CUrpqMq058rWYaGrFt286xmqFGI/98rOlDowZsJtY/Y/NengykH4+bL+8ZudeQHiY7wq5Ze4VRcMymK4kERXdNmXAZ84uCiQ==</base64EncryptedKey>
  <n0:meta xmlns:n0="http://openrosa.org/xforms">
    <n0:instanceID>uuid:482e83f3-fae6-43ba-a6e9-e438ffe348e3</n0:instanceID>
  </n0:meta>
  <media>
    <file>1538040007350.jpg.enc</file>
  </media>
  <media>
    <file>1538040019351.jpg.enc</file>
  </media>
  <encryptedXmlFile>submission.xml.enc</encryptedXmlFile>
  <base64EncryptedElementSignature>5AeMxU8Gr5BGcmCiVec0xfYZ+MPLZoMrsgAZ0DPDNPi5J12L4eHyaRx2oQxNtTgIUePmVu87PTaYrLivM+CUyIQIL6HwQWCjtD+WnmQ5JYBwHZRl6YvRD49vW/UD3Qw1cYeQGpAXbDdia/AEQZvtUhL6FSnQ+F95H11JsBEm6hQqscX5mx60h/n2qhSzSJWbivPjrTfaNL3aYwjHvvIQ/JHTFp7VEV52bUTbtHwBPIZZZZU3Qam1E2wBFFqWchF3qVAMmKJ+wzZZcYqk4AIelRP04gim/rQuF2Y8kyjJMW8HKrXwwZjPgmeiaIiDbWoQhgfhw2n8Qt2OTwSSi8b6ew==</base64EncryptedElementSignature>
</data>"""

BRIEFCASE_MEDIA_XML_ENC = """
3ynYmD8EX1KJmZFS0SJu4Y+vGRnW3+L/QSNo1TKwitnvxw4WQ0JzBPm+VxVIi8JN+PX44JHaTgCW
fPcnTeBtAxjF/O8Yof/cUjq9tWgvO9g7IznCuN3vam+8qwcmdQUfMk1aVD+edAngMfkEUuRWu2Rv
XUXRjqY+IVTrqQDhyfMTZsyL3uIFIwdmxgSjytbI8C2SWCmkGwMl2DcVUnFAUP76guCRgHtNCTti
mBIjhSrw03peKmAeEXcO9H8/QrwL0f2tAWE+s19HrJo6XeV97d+kteLAj2iTs2OkZpnIPk4Vr8Tb
AmiYNGFkYddDE1w33hForZt+q7nOJ1jG/oVZ99BDTDSQ0+KBWd11SQQx71RhfKr4nPEo+C/mqCVt
7VzcpfH+pUlDHUl3tuq/JpCZiPyHWFn3dGrZ8D9OcmpvHXp69NwiN/E9BVzzT408924k
"""

BRIEFCASE_PHOTOS = {  # encrypted file: (its first 32 bytes, the clear photo's, its md5)
    "1538040007350.jpg.enc": (
        "54323fddb12d176105c80236b54946e136411c628eb2e64fbfab3f121c8d127c",
        "ffd8ffe1297945786966000049492a000800000011000e01020020000000da00",
        "992de5005efb28fec1634627ccf15e7b",
    ),
    "1538040019351.jpg.enc": (
        "4a6a3eb005d3865229d0ec03ab99b1eb2deee313c3214b83b35724f0af742e90",
        "ffd8ffe12f4d45786966000049492a000800000011000e01020020000000da00",
        "c0898d5951251e875ee1648bcaf6cf45",
    ),
}
