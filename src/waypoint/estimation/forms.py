from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from waypoint.estimation.histories import HISTORY_LIMITS
from waypoint.estimation.models import ListKind, OutsideList, Source
from waypoint.estimation.sources import LISTS, OUTSIDE, list_labels, strata_labels
from waypoint.linkage.lists import LIST_LIMITS
from waypoint.places.models import Area, AreaLevel

MAX_UPLOAD = HISTORY_LIMITS.max_bytes  # 2 MB, as the message below says
MAX_LIST_UPLOAD = LIST_LIMITS.max_bytes  # 20 MB
DEFAULT_MAPPING = (
    "given_name=given_name,family_name=family_name,birth_date=birth_date,sex=sex,"
    "nationality=nationality"
)


def _area_choices() -> list[tuple[str, str]]:
    areas = Area.objects.filter(level__in=[AreaLevel.ENTITY, AreaLevel.CANTON]).values_list(
        "code", "name"
    )
    return [("", str(_("Bosnia and Herzegovina"))), *areas]


class EstimateForm(forms.Form):
    source = forms.ChoiceField(
        label=_("Lists"), choices=Source.choices, initial=Source.REGISTRY, widget=forms.RadioSelect
    )
    file = forms.FileField(
        label=_("Table of capture histories (.csv)"),
        required=False,
        help_text=_("One 0/1 column per list and a column with how many people have that history."),
    )
    count_column = forms.CharField(label=_("Count column"), initial="count", max_length=60)
    first_day = forms.DateField(label=_("From"), required=False)
    last_day = forms.DateField(label=_("To"), required=False)
    area = forms.ChoiceField(label=_("Area"), required=False)
    lists = forms.MultipleChoiceField(
        label=_("Lists to use"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "At least two; three or more let the models allow for lists that depend on each other."
        ),
    )
    strata = forms.ChoiceField(
        label=_("Estimate separately by"),
        required=False,
        help_text=_(
            "Groups whose chances of being listed differ are estimated apart and added up; "
            "this reduces the bias heterogeneity causes."
        ),
    )
    criterion = forms.ChoiceField(
        label=_("Model choice"), choices=[("aic", "AIC"), ("bic", "BIC")], initial="aic"
    )

    def __init__(
        self, *args: Any, outside_lists: list[OutsideList] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        area_field = self.fields["area"]
        assert isinstance(area_field, forms.ChoiceField)
        area_field.choices = _area_choices()
        lists_field = self.fields["lists"]
        assert isinstance(lists_field, forms.MultipleChoiceField)
        labels = list_labels()
        lists_field.choices = [(key, labels[key]) for key in LISTS] + [
            (
                f"{OUTSIDE}{item.pk}",
                f"{item.name} ({item.first_day:%d.%m.%Y}–{item.last_day:%d.%m.%Y})",
            )
            for item in outside_lists or []
        ]
        lists_field.initial = list(LISTS)
        strata_field = self.fields["strata"]
        assert isinstance(strata_field, forms.ChoiceField)
        strata_field.choices = [("", _("No strata")), *strata_labels().items()]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("source") == Source.UPLOAD:
            upload = data.get("file")
            if upload is None:
                self.add_error("file", _("Choose the .csv file of capture histories."))
            elif upload.size > MAX_UPLOAD:
                self.add_error("file", _("The file is larger than 2 MB."))
        elif data.get("source") == Source.REGISTRY:
            first, last = data.get("first_day"), data.get("last_day")
            if first is None:
                self.add_error("first_day", _("Give the first day of the period."))
            if last is None:
                self.add_error("last_day", _("Give the last day of the period."))
            if first and last and last < first:
                self.add_error("last_day", _("The period ends before it begins."))
            if len(data.get("lists") or []) < 2:
                self.add_error("lists", _("Choose at least two lists."))
        return data


class OutsideListForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    kind = forms.ChoiceField(label=_("Kind of list"), choices=ListKind.choices)
    file = forms.FileField(
        label=_("File (.csv or .xlsx)"),
        help_text=_("One row per person, with a header line."),
    )
    id_column = forms.CharField(
        label=_("Column with the row id"),
        initial="id",
        max_length=60,
        help_text=_("A value that is different on every row, such as the list's own number."),
    )
    mapping = forms.CharField(
        label=_("Columns to link on"),
        initial=DEFAULT_MAPPING,
        max_length=400,
        help_text=_(
            "ROLE=COLUMN, separated by commas. Roles: given_name, family_name, full_name, "
            "father_name, birth_date, birth_year, sex, nationality."
        ),
    )
    first_day = forms.DateField(label=_("From"))
    last_day = forms.DateField(label=_("To"))
    area = forms.ChoiceField(label=_("Area covered"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        area_field = self.fields["area"]
        assert isinstance(area_field, forms.ChoiceField)
        area_field.choices = _area_choices()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("file")
        if upload is not None and upload.size > MAX_LIST_UPLOAD:
            self.add_error("file", _("The file is larger than 20 MB."))
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and last < first:
            self.add_error("last_day", _("The period ends before it begins."))
        return data
