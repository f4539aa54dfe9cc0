"""Forms for managing rounds, the baseline, review and the partner data filters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from waypoint.places.models import Area, AreaLevel
from waypoint.presence.models import Location, Round
from waypoint.presence.xlsforms_meta import FORM_CHOICES


class RoundForm(forms.ModelForm):
    class Meta:
        model = Round
        fields = [
            "number",
            "snapshot_date",
            "teams",
            "enumerators_male",
            "enumerators_female",
            "sfa_staff_male",
            "sfa_staff_female",
            "red_cross_staff_male",
            "red_cross_staff_female",
            "change_threshold",
        ]
        widgets = {"snapshot_date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # SQLite does not bound integers: keep every count inside PostgreSQL's range too.
        for name, field in self.fields.items():
            if name != "snapshot_date":
                field.validators.append(MaxValueValidator(1_000_000 if name == "number" else 32767))


class LocationForm(forms.ModelForm):
    municipality = forms.ModelChoiceField(
        queryset=Area.objects.filter(level=AreaLevel.MUNICIPALITY),
        label=_("Municipality"),
        to_field_name="code",
    )

    class Meta:
        model = Location
        fields = ["code", "name", "type", "municipality", "latitude", "longitude", "active_from"]
        widgets = {"active_from": forms.DateInput(attrs={"type": "date"})}

    def clean_latitude(self) -> Any:
        value = self.cleaned_data["latitude"]
        if not 42 <= value <= 46:
            raise forms.ValidationError(_("Bosnia and Herzegovina lies between 42 and 46° N."))
        return value

    def clean_longitude(self) -> Any:
        value = self.cleaned_data["longitude"]
        if not 15 <= value <= 20:
            raise forms.ValidationError(_("Bosnia and Herzegovina lies between 15 and 20° E."))
        return value


class LocationReviseForm(LocationForm):
    effective_on = forms.DateField(
        label=_("Changed on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    class Meta(LocationForm.Meta):
        fields = ["name", "type", "municipality", "latitude", "longitude"]


class LocationCloseForm(forms.Form):
    effective_on = forms.DateField(
        label=_("Closed on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    merged_into = forms.CharField(
        label=_("Merged into (location code)"), max_length=24, required=False
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class CheckConfirmForm(forms.Form):
    check = forms.CharField(max_length=32, widget=forms.HiddenInput())
    location = forms.CharField(max_length=24, required=False, widget=forms.HiddenInput())
    note = forms.CharField(label=_("Why the figure is right"), max_length=300, required=False)


class ImportUploadForm(forms.Form):
    form_id = forms.ChoiceField(label=_("Form"), choices=FORM_CHOICES)
    round_number = forms.IntegerField(label=_("Round number"), min_value=1, max_value=1_000_000)
    file = forms.FileField(label=_("Kobo or ODK export (.csv or .xlsx)"))
