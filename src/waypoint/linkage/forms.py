from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from waypoint.core.spreadsheets import ImportFileError, check_size
from waypoint.linkage import engine
from waypoint.linkage.lists import LIST_LIMITS
from waypoint.linkage.models import PairStatus
from waypoint.linkage.services import AUTO_LINK_THRESHOLD, REVIEW_FLOOR


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (PairStatus.SAME, _("Same person")),
            (PairStatus.DIFFERENT, _("Different people")),
            (PairStatus.UNSURE, _("Unsure: leave for another reviewer")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=300,
        help_text=_("Why, in a few words (no personal details)."),
    )


class RunForm(forms.Form):
    threshold = forms.FloatField(
        label=_("Match threshold"),
        min_value=0.01,
        max_value=0.9999,
        initial=AUTO_LINK_THRESHOLD,
        help_text=_("Pairs at or above this probability are linked without review."),
    )
    review_floor = forms.FloatField(
        label=_("Lowest probability reviewed"),
        min_value=0.01,
        max_value=0.9999,
        initial=REVIEW_FLOOR,
        help_text=_("Pairs between this and the threshold go to the review queue."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        floor, threshold = data.get("review_floor"), data.get("threshold")
        if floor is not None and threshold is not None and floor > threshold:
            self.add_error("review_floor", _("The review band must lie below the threshold."))
        return data


class ListForm(forms.Form):
    file = forms.FileField(
        label=_("List (CSV or XLSX)"),
        help_text=_("The first sheet of a workbook, or a CSV file with a header line."),
    )
    id_column = forms.CharField(label=_("Column with each row's id"), max_length=100)
    mapping = forms.CharField(
        label=_("Columns to compare"),
        max_length=500,
        help_text=_(
            "ROLE=COLUMN pairs separated by commas, e.g. given_name=Ime,family_name=Prezime,"
            "birth_date=Datum. Roles: given_name, family_name, full_name, father_name, "
            "mother_name, birth_date, birth_year, birth_place, sex, nationality, document_number, "
            "phone."
        ),
    )
    threshold = forms.FloatField(
        label=_("Match threshold"),
        min_value=0.01,
        max_value=0.9999,
        initial=engine.DEFAULT_THRESHOLD,
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        try:  # refused before the view reads the upload into memory
            check_size(upload.size or 0, LIST_LIMITS)
        except ImportFileError as error:
            raise ValidationError(str(error)) from None
        return upload
