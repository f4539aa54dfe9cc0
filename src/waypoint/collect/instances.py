"""Reading a submitted XForm instance: its form, version, instanceID and values.

Documents with a DTD are refused (defusedxml), so no entity can expand; anything larger
than an instance can be is refused before parsing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element, ParseError, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

# Anything bigger is not a questionnaire's answers (a long survey is tens of kilobytes).
MAX_INSTANCE_BYTES = 2 * 1024 * 1024


class InstanceError(ValueError):
    """The submitted document is not a readable XForm instance."""


@dataclass(frozen=True)
class Instance:
    form_id: str
    version: str
    instance_id: str
    values: dict[str, str]  # leaf name: text (the last value for a name inside repeats)
    encrypted: bool = False


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def instance_root(document: bytes) -> Element:
    if len(document) > MAX_INSTANCE_BYTES:
        raise InstanceError("The instance document is too large.")
    try:
        return fromstring(document, forbid_dtd=True)
    except DefusedXmlException:
        raise InstanceError("Document type declarations are not accepted.") from None
    except (ParseError, ValueError):
        raise InstanceError("The instance is not well-formed XML.") from None


DECLARED_ENCODING = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def instance_text(document: bytes) -> str:
    """The instance as text to store: as sent when it is UTF-8 (the OpenRosa norm), else
    the parsed document written out again, so UTF-16 or windows-1250 answers are kept
    whole (and no NUL byte reaches a PostgreSQL text column)."""
    declared = DECLARED_ENCODING.match(document.lstrip())
    utf8 = declared is None or declared.group(1).lower() in (b"utf-8", b"utf8")
    if utf8 and not document.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = document.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if "\x00" not in text:
                return text
    try:
        return tostring(instance_root(document), encoding="unicode")
    except RecursionError:  # the serialiser recurses; no questionnaire nests this deep
        raise InstanceError("The instance nests too deeply.") from None


def instance_parse(document: bytes) -> Instance:
    """Read a submitted instance: its form id and version, instanceID and leaf values.

    Values are keyed by the field's name (the last part of its path). An encrypted
    submission's manifest (``encrypted="yes"``) reads the same way: its values are the
    manifest's (the encrypted key, file names), never the answers.
    """
    root = instance_root(document)
    form_id = root.get("id", "")
    if not form_id or len(form_id) > 64:
        raise InstanceError("The instance has no form id attribute.")
    values: dict[str, str] = {}
    instance_id = ""
    for element in root.iter():
        if element is root or len(element):
            continue
        name = _local(element.tag)
        text = (element.text or "").strip()
        if name == "instanceID":
            instance_id = text
        else:
            values[name] = text
    if not instance_id or len(instance_id) > 64:
        raise InstanceError("The instance has no usable meta/instanceID.")
    return Instance(
        form_id,
        root.get("version", "")[:64],
        instance_id,
        values,
        encrypted=root.get("encrypted", "").lower() == "yes",
    )
