"""The DTM forms shipped with Waypoint, as XLSForms in ``presence/xlsforms/``.

They are kept in pyxform's Markdown table format: the same sheets (survey, choices,
settings) as an .xlsx, but readable in a diff. The form library (``collect``) puts them in
its library as open forms (``presence.apps`` registers them), serves them to phones and
hands their submissions to ``presence.services.entry_receive``.
"""

from __future__ import annotations

from pathlib import Path

XLSFORM_DIR = Path(__file__).parent / "xlsforms"
FORM_IDS = ("presence_location", "presence_flow_count", "presence_flow_survey")


def xlsform_path(form_id: str) -> Path:
    """The XLSForm of ``form_id`` (one of ``FORM_IDS``); KeyError for any other id."""
    if form_id not in FORM_IDS:
        raise KeyError(form_id)
    return XLSFORM_DIR / f"{form_id}.md"
