"""The XLSForms in ``presence/xlsforms/`` turned into XForms, and instances read back.

The XLSForm definitions are kept in pyxform's Markdown table format: the same sheets
(survey, choices, settings) as an .xlsx, but readable in a diff. They are converted with
pyxform once per process, on first use, and cached.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from pyxform.xls2xform import convert

XLSFORM_DIR = Path(__file__).parent / "xlsforms"
FORM_IDS = ("presence_location", "presence_flow_count", "presence_flow_survey")
# Anything bigger is not one of our instances (the largest is a few kilobytes).
MAX_INSTANCE_BYTES = 1024 * 1024


@dataclass(frozen=True)
class XForm:
    form_id: str
    version: str
    title: str
    xml: str

    @property
    def md5_hash(self) -> str:
        return "md5:" + hashlib.md5(self.xml.encode(), usedforsecurity=False).hexdigest()


class InstanceError(ValueError):
    """The submitted document is not a readable instance of one of our forms."""


@dataclass(frozen=True)
class Instance:
    form_id: str
    version: str
    instance_id: str
    values: dict[str, str]


@cache
def xform(form_id: str) -> XForm:
    """The XForm for ``form_id`` (one of ``FORM_IDS``); KeyError for any other id."""
    if form_id not in FORM_IDS:
        raise KeyError(form_id)
    source = (XLSFORM_DIR / f"{form_id}.md").read_text(encoding="utf-8")
    result = convert(xlsform=source, file_type=".md", pretty_print=True, form_name="data")
    title = re.search(r"<h:title>(.*?)</h:title>", result.xform)
    version = re.search(r'<data id="[^"]+" version="([^"]+)"', result.xform)
    return XForm(
        form_id=form_id,
        version=version.group(1) if version else "",
        title=title.group(1) if title else form_id,
        xml=result.xform,
    )


def all_xforms() -> list[XForm]:
    return [xform(form_id) for form_id in FORM_IDS]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def instance_parse(document: bytes) -> Instance:
    """Read a submitted instance: its form id and version, instanceID and leaf values.

    Values are keyed by the field's name (the last part of its path: the forms use unique
    names). Documents with a DTD are refused.
    """
    if len(document) > MAX_INSTANCE_BYTES:
        raise InstanceError("The instance document is too large.")
    try:
        # defusedxml (a dependency of pyxform) refuses DTDs, so no entity can expand.
        root = fromstring(document, forbid_dtd=True)
    except DefusedXmlException:
        raise InstanceError("Document type declarations are not accepted.") from None
    except (ParseError, ValueError):
        raise InstanceError("The instance is not well-formed XML.") from None
    form_id = root.get("id", "")
    if not form_id:
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
    return Instance(form_id, root.get("version", ""), instance_id, values)
