"""Exporting a form's submissions, and reading one for its page.

The export reads the submissions one at a time (``iterator``) and hands them to the writers
of ``collect.exports`` (constant memory); an encrypted form's submissions are decrypted on
the way with a private key given for this export only: it is loaded once, used, and
dropped, never stored or logged. Each export is audited with its row count and the
SHA-256 of the file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
from django.utils import timezone
from django.utils.translation import gettext as _

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.collect import access, queries
from waypoint.collect.access import Work
from waypoint.collect.encryption import (
    EncryptionError,
    decrypt_submission,
    manifest_parse,
    private_key_load,
)
from waypoint.collect.exports import (
    ExportSchema,
    SheetFullError,
    write_csv_zip,
    write_xlsx,
    xlsform_hxl_tags,
)
from waypoint.collect.instances import InstanceError, instance_root
from waypoint.collect.models import Form, FormVersion, Submission


class ExportRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Exported:
    filename: str
    rows: dict[str, int]
    sha256: str


def _schema(version: FormVersion) -> ExportSchema:
    suffix = Path(version.source_name).suffix.lower() or ".xlsx"
    try:
        tags = xlsform_hxl_tags(bytes(version.source), file_type=suffix)
    except Exception:  # an XLSForm pyxform read once reads again; a tag is a nicety
        tags = {}
    return ExportSchema.from_xform(version.xml, hxl_tags=tags)


def _decrypting(
    submissions: Iterator[Submission], key: RSAPrivateKey | None
) -> Iterator[tuple[dict[str, str], bytes]]:
    for submission in submissions:
        meta = {
            "instance_id": submission.instance_id,
            "received_at": submission.received_at.isoformat(),
            "submitted_by": submission.submitted_by.email if submission.submitted_by else "",
            "form_version": submission.form_version,
        }
        document = submission.xml.encode()
        if submission.encrypted:
            if key is None:
                raise ExportRefused(
                    _("This form's submissions are encrypted: give its private key.")
                )
            files = {file.name: bytes(file.content) for file in submission.attachments.all()}
            try:
                document, _media = decrypt_submission(
                    private_key=key, manifest=manifest_parse(document), files=files
                )
            except EncryptionError as error:
                raise ExportRefused(
                    _("Submission %(id)s could not be decrypted: %(reason)s")
                    % {"id": submission.instance_id, "reason": error}
                ) from None
        yield meta, document


def submissions_export(
    *,
    actor: Any,
    form: Form,
    out: BinaryIO,
    format: str,
    private_key: bytes | None = None,
    passphrase: str | None = None,
) -> Exported:
    """Write the form's submissions to ``out`` as XLSX or a zip of CSVs; audited."""
    access.require(actor, Work.EXPORT, form)
    version = form.current_version() or form.versions.order_by("-uploaded_at", "-pk").first()
    if version is None:
        raise ExportRefused(_("The form has no version to export by."))
    key = None
    if private_key:
        access.require(actor, Work.DECRYPT, form)
        try:
            key = private_key_load(private_key, passphrase.encode() if passphrase else None)
        except EncryptionError as error:
            raise ExportRefused(str(error)) from None
    # Read through the library's queries (scope of the export's reader), oldest first.
    submissions = queries.submissions_of(actor, form).order_by("received_at", "pk")
    # Decrypting needs each submission's files: fetched a hundred submissions at a time
    # rather than one query each (and not at all for a clear export, photos being large).
    rows = (
        submissions.prefetch_related("attachments").iterator(chunk_size=100)
        if key is not None
        else submissions.iterator(chunk_size=500)
    )
    writer = write_xlsx if format == "xlsx" else write_csv_zip
    try:
        counts = writer(_schema(version), _decrypting(rows, key), out)
    except SheetFullError as error:
        raise ExportRefused(str(error)) from None
    del key
    out.flush()
    out.seek(0)
    digest = hashlib.sha256()
    for chunk in iter(lambda: out.read(1024 * 1024), b""):
        digest.update(chunk)
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    filename = f"{form.form_id}-{stamp}.{'xlsx' if format == 'xlsx' else 'zip'}"
    audit_record(
        actor=actor,
        action=Action.EXPORT,
        target=form,
        purpose="form submissions export" + (" (decrypted)" if private_key else ""),
        changed_fields=[
            *(f"rows:{sheet}:{count}" for sheet, count in counts.items()),
            f"sha256:{digest.hexdigest()}",
        ],
    )
    return Exported(filename=filename, rows=counts, sha256=digest.hexdigest())


def submission_values(submission: Submission) -> list[tuple[str, str]]:
    """(path, value) of each answer of a stored instance, for its page; an encrypted one
    shows its manifest only."""
    try:
        root = instance_root(submission.xml.encode())
    except InstanceError:
        return []
    found: list[tuple[str, str]] = []
    # A stack, not recursion: an instance may nest deeper than Python's call stack.
    stack: list[tuple[Any, str]] = [(child, "") for child in reversed(list(root))]
    while stack:
        element, prefix = stack.pop()
        name = element.tag.rsplit("}", 1)[-1]
        path = f"{prefix}/{name}" if prefix else name
        if len(element):
            stack.extend((child, path) for child in reversed(list(element)))
        else:
            found.append((path, (element.text or "").strip()))
    return found
