from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from waypoint.reports.models import ReportKind
from waypoint.reports.services import LANGUAGES


def parse_month(text: str) -> date:
    """``YYYY-MM`` as the first day of that month; ``ValueError`` otherwise."""
    year, _sep, month = (text or "").strip().partition("-")
    if len(year) != 4 or not year.isdigit() or not month.isdigit() or len(month) != 2:
        raise ValueError(text)
    return date(int(year), int(month), 1)


class MonthField(forms.CharField):
    default_error_messages = {"invalid": _("Write the month as YYYY-MM, e.g. 2026-11.")}

    def to_python(self, value: Any) -> date | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        try:
            return parse_month(text)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Report"), choices=ReportKind.choices)
    round_number = forms.IntegerField(
        label=_("Round"), required=False, min_value=1, max_value=2_147_483_647
    )
    month = MonthField(label=_("Month (YYYY-MM)"), required=False, max_length=7)
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[
            (code, label)
            for code, label in (("en", _("English")), ("bs", _("Bosnian")))
            if code in LANGUAGES
        ],
    )
