from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from waypoint.estimation.models import Source
from waypoint.places.models import Area, AreaLevel

MAX_UPLOAD = 2_000_000


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
    criterion = forms.ChoiceField(
        label=_("Model choice"), choices=[("aic", "AIC"), ("bic", "BIC")], initial="aic"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        areas = Area.objects.filter(level__in=[AreaLevel.ENTITY, AreaLevel.CANTON]).values_list(
            "code", "name"
        )
        area_field = self.fields["area"]
        assert isinstance(area_field, forms.ChoiceField)
        area_field.choices = [("", _("Bosnia and Herzegovina")), *areas]

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
        return data
