"""The XLSForms in the repository convert (and pass ODK Validate), carry both languages and
the round's fields."""

from __future__ import annotations

import pytest

from waypoint.collect.xlsform import xlsform_convert
from waypoint.presence.xforms import FORM_IDS, xlsform_path


def xform(form_id: str):  # type: ignore[no-untyped-def]
    path = xlsform_path(form_id)
    return xlsform_convert(path.name, path.read_bytes())


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_every_xlsform_converts_with_english_and_bosnian_labels(form_id):
    form = xform(form_id)
    assert form.version
    assert f'id="{form_id}"' in form.xml
    assert 'lang="English (en)"' in form.xml and 'lang="Bosnian (bs)"' in form.xml
    assert "instanceID" in form.xml


def test_no_form_asks_for_a_name():
    for form_id in FORM_IDS:
        fields = xform(form_id).xml
        assert "given_name" not in fields and "family_name" not in fields
