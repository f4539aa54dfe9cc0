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


class MonthField(forms.Field):
    default_error_messages = {"invalid": _("Write the month as YYYY-MM, e.g. 2026-11.")}

    def to_python(self, value: Any) -> date | None:
        text = str(value or "").strip()
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
    month = MonthField(label=_("Month (YYYY-MM)"), required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[
            (code, label)
            for code, label in (("en", _("English")), ("bs", _("Bosnian")))
            if code in LANGUAGES
        ],
    )


class DtmFilterForm(forms.Form):
    """The query parameters of the DTM-style API, spelt as in IOM's DTM API."""

    Operation = forms.CharField(max_length=200, required=False)
    CountryName = forms.CharField(max_length=200, required=False)
    Admin0Pcode = forms.CharField(max_length=16, required=False)
    Admin1Name = forms.CharField(max_length=200, required=False)
    Admin1Pcode = forms.CharField(max_length=16, required=False)
    Admin2Name = forms.CharField(max_length=200, required=False)
    Admin2Pcode = forms.CharField(max_length=16, required=False)
    FromReportingDate = forms.DateField(required=False)
    ToReportingDate = forms.DateField(required=False)
    FromRoundNumber = forms.IntegerField(min_value=0, max_value=1_000_000, required=False)
    ToRoundNumber = forms.IntegerField(min_value=0, max_value=1_000_000, required=False)
