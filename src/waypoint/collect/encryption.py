"""Encrypted XForm submissions, made the way ODK Collect makes them and opened the way ODK
Briefcase and ODK Central open them.

A form with a public key (the XLSForm ``public_key`` setting, which pyxform writes as the
``base64RsaPublicKey`` attribute of the XForm's ``<submission>`` element) makes Collect encrypt
every finalized instance on the phone. The server then only holds ciphertext, and only the
holder of the private key reads the answers: an office laptop, not the server. Waypoint needs
both halves: decrypting what phones send, and encrypting to test that and to document it.

The format, read from the sources rather than guessed:

- Collect ``collect_app/src/main/java/org/odk/collect/android/utilities/EncryptionUtils.java``
  (getodk/collect at 137f3259, 2026-08-20) makes it: ``EncryptedFormInformation`` (key, IV
  seed, key wrapping, signature), ``encryptSubmissionFiles`` (media first, in the order the
  instance folder lists them, ``submission.xml`` last) and ``writeSubmissionManifest``;
  ``shared/.../strings/Md5.kt`` gives the zero-padded md5 text of each file.
- Briefcase ``src/org/opendatakit/briefcase/export/CipherFactory.java``,
  ``SubmissionParser.java``, ``Submission.buildSignature`` and ``SubmissionMetaData.java``
  (getodk/briefcase at 758e4c2d) decrypt it and check the signature.
- Central ``lib/util/crypto.js`` (``getSubmissionKey``, ``getSubmissionIvs``,
  ``getSubmissionCleartext``), ``lib/util/quarantine/{oaep,pkcs7}.js``,
  ``lib/model/frames/submission.js`` and ``lib/model/query/submission-attachments.js``
  (getodk/central-backend at 4f5943d1) decrypt it by the media's index in the manifest.
- The ODK XForms encryption specification ``_sections/100-encryption.md`` (getodk/xforms-spec
  at 9fe248ce) writes the same down.

The scheme:

1. A fresh random 256-bit AES key per instance, wrapped with the form's RSA public key using
   RSA-OAEP with SHA-256 for both the OAEP digest and MGF1 (Java's
   ``RSA/NONE/OAEPWithSHA256AndMGF1Padding`` as BouncyCastle runs it on Android; Central had
   to write its own unpadding because SHA-256 MGF1 is unusual), base64 in
   ``<base64EncryptedKey>``.
2. Each file is encrypted with AES-256 in CFB mode (128-bit segments) with PKCS#7 padding
   (Java calls it ``AES/CFB/PKCS5Padding``: padding a stream mode is unusual but required).
3. The IVs: ``md5(instanceID as UTF-8 + key)`` is a 16-byte seed; before each file, the byte
   at ``counter % 16`` is incremented (wrapping at 256) and the counter advances, so the
   first file increments byte 0, the second byte 1, and so on, cumulatively. The order is the
   order of the ``<media>`` entries, then the XML: a file decrypted with another file's IV
   comes out wrong in its first 16 bytes only (CFB resynchronises), so the padding does not
   notice and only the signature does.
4. The manifest (what is posted as ``xml_submission_file``) names the files and carries the
   signature: the md5 of ``formId\\n[version\\n]base64EncryptedKey\\ninstanceID\\n`` followed
   by ``name::md5hex\\n`` for each original (unencrypted) media file and for
   ``submission.xml``, wrapped with the same RSA-OAEP and base64-encoded.

Collect writes the manifest in the ``http://www.opendatakit.org/xforms/encrypted`` namespace;
Aggregate, Briefcase's storage and the specification use ``http://opendatakit.org/submissions``
and may add attributes (``instanceID``, ``submissionDate``). Like Briefcase and Central, the
reader here goes by local names, so both read.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from xml.etree.ElementTree import Element, ParseError
from xml.sax.saxutils import escape, quoteattr

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives import padding as symmetric_padding
from cryptography.hazmat.primitives.asymmetric import padding as rsa_padding
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils.translation import gettext as _

try:  # cryptography 47 moved CFB among the "decrepit" modes; the format needs it all the same
    from cryptography.hazmat.decrepit.ciphers.modes import CFB
except ImportError:  # pragma: no cover (cryptography 44 to 46)
    from cryptography.hazmat.primitives.ciphers.modes import CFB

ENCRYPTED_NAMESPACE = "http://www.opendatakit.org/xforms/encrypted"  # what Collect writes
OPENROSA_NAMESPACE = "http://openrosa.org/xforms"
SUBMISSION_XML = "submission.xml"
ENCRYPTED_SUFFIX = ".enc"
SYMMETRIC_KEY_BYTES = 32
IV_BYTES = 16
# Central unwraps only 256-byte blocks, so 2048 bits is the size every ODK server opens.
MIN_RSA_KEY_BITS = 2048
# A manifest is a few kilobytes even with hundreds of media files.
MAX_MANIFEST_BYTES = 1024 * 1024

OAEP = rsa_padding.OAEP(
    mgf=rsa_padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None
)
# A name Collect could have written: a file of the instance's own folder, never a path.
_PLAIN_NAME = re.compile(r"[^/\\\x00-\x1f]{1,255}")


class EncryptionError(ValueError):
    """An encrypted submission, key or manifest that cannot be used; the message says why."""


@dataclass(frozen=True)
class EncryptedManifest:
    """The clear part of an encrypted submission: what to decrypt, in which order.

    ``version`` is None when the manifest has no version attribute (the form has none): the
    signature then has no version line. ``media`` are the encrypted names (``*.enc``) in
    encryption order.
    """

    form_id: str
    version: str | None
    instance_id: str
    base64_encrypted_key: str
    encrypted_xml_file: str
    media: tuple[str, ...]
    element_signature: str | None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _parse(document: bytes | str, *, what: str) -> Element:
    if len(document) > MAX_MANIFEST_BYTES and what == "manifest":
        raise EncryptionError(_("The submission manifest is too large."))
    try:
        return fromstring(document, forbid_dtd=True)
    except DefusedXmlException:
        raise EncryptionError(_("Document type declarations are not accepted.")) from None
    except (ParseError, ValueError, TypeError):
        if what == "manifest":
            raise EncryptionError(_("The submission manifest is not well-formed XML.")) from None
        raise EncryptionError(_("The XForm is not well-formed XML.")) from None


def _says_encrypted(root: Element) -> bool:
    return root.get("encrypted", "").strip().lower() == "yes"


def is_encrypted(document: bytes) -> bool:
    """Whether ``document`` is an encrypted submission's manifest (``encrypted="yes"`` on its
    root). An unreadable document is not; ``manifest_parse`` says what is wrong with it."""
    try:
        return _says_encrypted(_parse(document, what="manifest"))
    except EncryptionError:
        return False


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if _local(child.tag) == name]


def _text(root: Element, name: str, *, required: bool = True) -> str | None:
    found = _children(root, name)
    if len(found) > 1:
        raise EncryptionError(
            _("The submission manifest has more than one <%(name)s>.") % {"name": name}
        )
    text = (found[0].text or "").strip() if found else ""
    if not text and required:
        raise EncryptionError(_("The submission manifest has no <%(name)s>.") % {"name": name})
    return text or None


def _encrypted_name(name: str) -> str:
    original = name.removesuffix(ENCRYPTED_SUFFIX)
    if not _PLAIN_NAME.fullmatch(name) or original == name or original in {"", ".", ".."}:
        raise EncryptionError(
            _("The submission manifest names a file %(name)r that is not a plain *.enc name.")
            % {"name": name}
        )
    return name


def _base64(text: str, name: str) -> bytes:
    try:
        return base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError):
        raise EncryptionError(
            _("The submission manifest's <%(name)s> is not base64.") % {"name": name}
        ) from None


def _instance_id(root: Element) -> str:
    for meta in _children(root, "meta"):
        for element in _children(meta, "instanceID"):
            if (element.text or "").strip():
                return (element.text or "").strip()
    # Aggregate's and Briefcase's stored manifests carry it on the root as well.
    if root.get("instanceID", "").strip():
        return root.get("instanceID", "").strip()
    raise EncryptionError(_("The submission manifest has no meta/instanceID."))


def manifest_parse(document: bytes) -> EncryptedManifest:
    """Read an encrypted submission's manifest; ``EncryptionError`` says what is wrong.

    Reads Collect's manifest and the specification's (the same elements in another
    namespace). File names must be distinct plain ``*.enc`` names, so they can be looked up
    among the received files and stored without naming a path.
    """
    root = _parse(document, what="manifest")
    if not _says_encrypted(root):
        raise EncryptionError(_('This is not an encrypted submission (no encrypted="yes").'))
    form_id = root.get("id", "").strip()
    if not form_id:
        raise EncryptionError(_("The submission manifest has no form id attribute."))
    key = _text(root, "base64EncryptedKey") or ""
    _base64(key, "base64EncryptedKey")
    xml_file = _encrypted_name(_text(root, "encryptedXmlFile") or "")
    signature = _text(root, "base64EncryptedElementSignature", required=False)
    if signature is not None:
        _base64(signature, "base64EncryptedElementSignature")
    media = [
        _encrypted_name((file.text or "").strip())
        for entry in _children(root, "media")
        for file in _children(entry, "file")
        if (file.text or "").strip()
    ]
    if len({*media, xml_file}) != len(media) + 1:
        raise EncryptionError(_("The submission manifest names the same file twice."))
    return EncryptedManifest(
        form_id=form_id,
        version=root.get("version"),
        instance_id=_instance_id(root),
        base64_encrypted_key=key,
        encrypted_xml_file=xml_file,
        media=tuple(media),
        element_signature=signature,
    )


def public_key_from_xform(xform_xml: str) -> str | None:
    """The form's public key (base64 DER, the ``base64RsaPublicKey`` attribute of the XForm's
    ``<submission>``), or None when the form does not ask for encryption."""
    for element in _parse(xform_xml, what="xform").iter():
        if _local(element.tag) == "submission":
            return "".join(element.get("base64RsaPublicKey", "").split()) or None
    return None


def _checked_size(key: RSAPrivateKey | RSAPublicKey) -> None:
    if key.key_size < MIN_RSA_KEY_BITS:
        raise EncryptionError(
            _("This RSA key has %(bits)d bits; at least %(minimum)d are needed.")
            % {"bits": key.key_size, "minimum": MIN_RSA_KEY_BITS}
        )


def private_key_load(pem: bytes, passphrase: bytes | None = None) -> RSAPrivateKey:
    """The RSA private key in ``pem`` (PKCS#8 ``PRIVATE KEY`` as OpenSSL 3's ``genrsa`` writes
    it, or PKCS#1 ``RSA PRIVATE KEY`` as older ones did), opened with ``passphrase`` when it is
    protected by one.

    ``EncryptionError`` says which is wrong: not a PEM private key, a passphrase missing or
    wrong, a passphrase for a key without one, not RSA, or fewer than 2048 bits. Loading
    checks the key's mathematics (75 to 100 ms): load once for many submissions.
    """
    passphrase = passphrase or None
    # PKCS#1 says "Proc-Type: 4,ENCRYPTED", PKCS#8 "BEGIN ENCRYPTED PRIVATE KEY".
    protected = b"ENCRYPTED" in pem[:200]
    if passphrase is not None and not protected and b"PRIVATE KEY-----" in pem[:100]:
        raise EncryptionError(
            _("This private key is not protected by a passphrase: leave the passphrase empty.")
        )
    if passphrase is None and protected:
        raise EncryptionError(_("This private key is protected by a passphrase: give it."))
    try:
        key = serialization.load_pem_private_key(pem, password=passphrase)
    except (TypeError, ValueError, UnsupportedAlgorithm):
        if protected:
            raise EncryptionError(_("The passphrase does not open this private key.")) from None
        raise EncryptionError(
            _("This is not a PEM private key (it should start with -----BEGIN).")
        ) from None
    if not isinstance(key, RSAPrivateKey):
        raise EncryptionError(_("This private key is not an RSA key; ODK encryption uses RSA."))
    _checked_size(key)
    return key


def public_key_load(public_key_pem_or_base64: str) -> RSAPublicKey:
    """An RSA public key from PEM or from the bare base64 DER a form carries."""
    text = public_key_pem_or_base64.strip()
    try:
        if text.startswith("-----BEGIN"):
            key = serialization.load_pem_public_key(text.encode("ascii"))
        else:
            der = base64.b64decode("".join(text.split()), validate=True)
            key = serialization.load_der_public_key(der)
    except (ValueError, UnicodeEncodeError, UnsupportedAlgorithm):
        raise EncryptionError(_("This is not a public key in PEM or base64 DER.")) from None
    if not isinstance(key, RSAPublicKey):
        raise EncryptionError(_("This public key is not an RSA key; ODK encryption uses RSA."))
    _checked_size(key)
    return key


def public_key_base64(key: RSAPrivateKey | RSAPublicKey) -> str:
    """The public key as the XLSForm ``public_key`` setting wants it: base64 of the DER
    SubjectPublicKeyInfo on one line (the body of ``openssl rsa -pubout``'s PEM)."""
    public = key.public_key() if isinstance(key, RSAPrivateKey) else key
    der = public.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return base64.b64encode(der).decode("ascii")


def iv_sequence(*, instance_id: str, symmetric_key: bytes, count: int) -> list[bytes]:
    """The IVs of an instance's first ``count`` files, in encryption order."""
    seed = bytearray(
        hashlib.md5(instance_id.encode("utf-8") + symmetric_key, usedforsecurity=False).digest()
    )
    ivs = []
    for counter in range(count):
        seed[counter % IV_BYTES] = (seed[counter % IV_BYTES] + 1) % 256
        ivs.append(bytes(seed))
    return ivs


def symmetric_key_decrypt(*, private_key: RSAPrivateKey, base64_encrypted_key: str) -> bytes:
    """The instance's AES key, unwrapped with the form's private key."""
    wrapped = _base64(base64_encrypted_key, "base64EncryptedKey")
    try:
        key = private_key.decrypt(wrapped, OAEP)
    except ValueError:
        raise EncryptionError(
            _(
                "The private key does not open this submission: it is not the private key of "
                "the public key the form had when the submission was made."
            )
        ) from None
    if len(key) != SYMMETRIC_KEY_BYTES:
        raise EncryptionError(_("The submission's key is not a 256-bit AES key."))
    return key


def file_encrypt(*, symmetric_key: bytes, iv: bytes, data: bytes) -> bytes:
    padder = symmetric_padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.AES(symmetric_key), CFB(iv)).encryptor()
    return encryptor.update(padder.update(data) + padder.finalize()) + encryptor.finalize()


def file_decrypt(*, symmetric_key: bytes, iv: bytes, data: bytes, name: str) -> bytes:
    """One file decrypted and unpadded; ``name`` only goes into the error."""
    if not data or len(data) % 16:
        raise EncryptionError(
            _(
                "%(name)s does not decrypt: its length is not a whole number of AES blocks "
                "(it was cut short, or is not this submission's file)."
            )
            % {"name": name}
        )
    decryptor = Cipher(algorithms.AES(symmetric_key), CFB(iv)).decryptor()
    unpadder = symmetric_padding.PKCS7(128).unpadder()
    try:
        return unpadder.update(decryptor.update(data) + decryptor.finalize()) + unpadder.finalize()
    except ValueError:
        raise EncryptionError(
            _(
                "%(name)s does not decrypt: its end is not valid padding (it was altered, or "
                "is not this submission's file)."
            )
            % {"name": name}
        ) from None


def _md5_hex(data: bytes) -> str:
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def signature_digest(
    *,
    form_id: str,
    version: str | None,
    base64_encrypted_key: str,
    instance_id: str,
    file_md5s: Sequence[tuple[str, str]],
) -> bytes:
    """The md5 the element signature wraps. ``file_md5s`` are (original name, md5 hex) of
    each media file and then of ``submission.xml``, in encryption order."""
    lines = [form_id, *([] if version is None else [version]), base64_encrypted_key, instance_id]
    lines.extend(f"{name}::{md5}" for name, md5 in file_md5s)
    source = "".join(line + "\n" for line in lines)
    return hashlib.md5(source.encode("utf-8"), usedforsecurity=False).digest()


def signature_matches(
    *,
    private_key: RSAPrivateKey,
    manifest: EncryptedManifest,
    file_md5s: Sequence[tuple[str, str]],
) -> bool:
    """Whether the manifest's element signature is the one these clear files make; raises
    ``EncryptionError`` when there is none or it was not made with this key."""
    if manifest.element_signature is None:
        raise EncryptionError(_("The submission has no element signature."))
    wrapped = _base64(manifest.element_signature, "base64EncryptedElementSignature")
    try:
        signed = private_key.decrypt(wrapped, OAEP)
    except ValueError:
        raise EncryptionError(
            _("The submission's signature was not made with this form's key.")
        ) from None
    expected = signature_digest(
        form_id=manifest.form_id,
        version=manifest.version,
        base64_encrypted_key=manifest.base64_encrypted_key,
        instance_id=manifest.instance_id,
        file_md5s=file_md5s,
    )
    return hmac.compare_digest(signed, expected)


def decrypt_submission(
    *,
    manifest: EncryptedManifest,
    files: Mapping[str, bytes],
    private_key_pem: bytes | None = None,
    passphrase: bytes | None = None,
    private_key: RSAPrivateKey | None = None,
    require_signature: bool = False,
) -> tuple[bytes, dict[str, bytes]]:
    """The clear instance XML and the clear media keyed by original name (no ``.enc``).

    Give the key as ``private_key_pem`` (with its ``passphrase``) or, to decrypt many
    submissions without loading it each time (75 to 100 ms), as ``private_key`` from
    ``private_key_load``. ``files`` are the received attachments by name; files the manifest
    does not list are ignored. The element signature is checked when present (Collect always
    writes it; the specification makes it optional, ``require_signature`` refuses a manifest
    without it). ``EncryptionError`` tells apart: a file not received, a key that is not the
    form's, a file that does not decrypt, and a signature that does not match (a file
    altered, swapped or listed in another order).
    """
    if (private_key_pem is None) == (private_key is None):
        raise TypeError("decrypt_submission() takes private_key_pem or private_key, not both")
    order = [*manifest.media, manifest.encrypted_xml_file]
    missing = [name for name in order if name not in files]
    if missing:
        raise EncryptionError(
            _("The submission lists files that were not received: %(names)s.")
            % {"names": ", ".join(missing)}
        )
    if require_signature and manifest.element_signature is None:
        raise EncryptionError(_("The submission has no element signature."))
    if private_key is None:
        private_key = private_key_load(private_key_pem or b"", passphrase)
    key = symmetric_key_decrypt(
        private_key=private_key, base64_encrypted_key=manifest.base64_encrypted_key
    )
    ivs = iv_sequence(instance_id=manifest.instance_id, symmetric_key=key, count=len(order))
    clear = [
        file_decrypt(symmetric_key=key, iv=iv, data=files[name], name=name)
        for name, iv in zip(order, ivs, strict=True)
    ]
    names = [name.removesuffix(ENCRYPTED_SUFFIX) for name in order]
    if manifest.element_signature is not None:
        md5s = [(name, _md5_hex(data)) for name, data in zip(names, clear, strict=True)]
        if not signature_matches(private_key=private_key, manifest=manifest, file_md5s=md5s):
            raise EncryptionError(
                _(
                    "The submission's signature does not match its files: a file was altered, "
                    "replaced, or listed in another order than it was encrypted."
                )
            )
    return clear[-1], dict(zip(names[:-1], clear[:-1], strict=True))


def manifest_xml(manifest: EncryptedManifest) -> bytes:
    """The manifest laid out as Collect's ``writeSubmissionManifest`` writes it: no XML
    declaration, the root's attributes in Collect's order, ``orx:meta`` after the key, a
    newline after ``meta`` and after each ``media``. (Collect's serializer also writes ``@``
    as ``&#64;``: the same XML, so not copied.)"""
    version = "" if manifest.version is None else f" version={quoteattr(manifest.version)}"
    parts = [
        f'<data id={quoteattr(manifest.form_id)}{version} encrypted="yes" '
        f"xmlns={quoteattr(ENCRYPTED_NAMESPACE)}>",
        f"<base64EncryptedKey>{escape(manifest.base64_encrypted_key)}</base64EncryptedKey>",
        f"<orx:meta xmlns:orx={quoteattr(OPENROSA_NAMESPACE)}>"
        f"<orx:instanceID>{escape(manifest.instance_id)}</orx:instanceID></orx:meta>\n",
        *(f"<media><file>{escape(name)}</file></media>\n" for name in manifest.media),
        f"<encryptedXmlFile>{escape(manifest.encrypted_xml_file)}</encryptedXmlFile>",
    ]
    if manifest.element_signature is not None:
        signature = escape(manifest.element_signature)
        parts.append(
            f"<base64EncryptedElementSignature>{signature}</base64EncryptedElementSignature>"
        )
    parts.append("</data>")
    return "".join(parts).encode("utf-8")


def encrypt_submission(
    *,
    public_key_pem_or_base64: str,
    form_id: str,
    version: str | None,
    instance_id: str,
    xml: bytes,
    media: Mapping[str, bytes],
) -> tuple[bytes, dict[str, bytes]]:
    """What Collect uploads for one instance: the manifest (posted as
    ``xml_submission_file``) and the encrypted files by name: ``<name>.enc`` for each media
    file in ``media``'s order, then ``submission.xml.enc``. ``version`` None leaves the
    version out, as Collect does for a form without one."""
    if not form_id.strip() or not instance_id.strip():
        raise EncryptionError(_("An encrypted submission needs a form id and an instanceID."))
    for name in media:
        if not _PLAIN_NAME.fullmatch(name) or name in {".", "..", SUBMISSION_XML}:
            raise EncryptionError(
                _("%(name)r cannot be the name of an instance's media file.") % {"name": name}
            )
    public_key = public_key_load(public_key_pem_or_base64)
    key = os.urandom(SYMMETRIC_KEY_BYTES)
    wrapped_key = base64.b64encode(public_key.encrypt(key, OAEP)).decode("ascii")
    clear = [*media.items(), (SUBMISSION_XML, xml)]
    ivs = iv_sequence(instance_id=instance_id, symmetric_key=key, count=len(clear))
    files = {
        name + ENCRYPTED_SUFFIX: file_encrypt(symmetric_key=key, iv=iv, data=data)
        for (name, data), iv in zip(clear, ivs, strict=True)
    }
    digest = signature_digest(
        form_id=form_id,
        version=version,
        base64_encrypted_key=wrapped_key,
        instance_id=instance_id,
        file_md5s=[(name, _md5_hex(data)) for name, data in clear],
    )
    manifest = EncryptedManifest(
        form_id=form_id,
        version=version,
        instance_id=instance_id,
        base64_encrypted_key=wrapped_key,
        encrypted_xml_file=SUBMISSION_XML + ENCRYPTED_SUFFIX,
        media=tuple(name + ENCRYPTED_SUFFIX for name in media),
        element_signature=base64.b64encode(public_key.encrypt(digest, OAEP)).decode("ascii"),
    )
    return manifest_xml(manifest), files
