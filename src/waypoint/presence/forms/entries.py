"""Validation of one filled form, whatever carried it: a phone's XForm instance, a row of a
Kobo/ODK export, or the web form for paper questionnaires.

Field names are the XLSForm names, so an instance's values and an export's columns bind
directly.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from waypoint.core.countries import COUNTRY_NAMES
from waypoint.presence.models import Direction, Need, TransportMode

BIG = 1_000_000
NATIONALITY_CODES = ("AFG", "PAK", "MAR", "BGD", "SYR", "IRQ", "IRN", "IND", "NPL", "DZA", "XXX")
NATIONALITY_FIELDS = tuple(f"nationality_{code}" for code in NATIONALITY_CODES)
NATIONALITY_LABELS = {
    **{code: COUNTRY_NAMES[code] for code in NATIONALITY_CODES if code != "XXX"},
    "XXX": _("Other or unknown nationality"),
}


def _count(label: Any, required: bool = True) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=0, max_value=BIG, required=required)


class _SpaceSeparated(forms.CharField):
    """An XForm select_multiple value: names separated by spaces, each from ``choices``."""

    def __init__(self, *, choices: list[str], **kwargs: Any) -> None:
        self.allowed = set(choices)
        super().__init__(required=False, max_length=500, **kwargs)

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value) or ""
        return [item for item in text.replace(",", " ").split() if item]

    def validate(self, value: Any) -> None:
        unknown = [item for item in value if item not in self.allowed]
        if unknown:
            raise forms.ValidationError(
                _("Unknown choice: %(value)s"), params={"value": unknown[0][:40]}
            )

    def run_validators(self, value: Any) -> None:
        return None


class GeoPointField(forms.CharField):
    """An XForm ``geopoint``: "latitude longitude [altitude [accuracy]]", as phones send it;
    empty when the enumerator took no point."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, max_length=120, **kwargs)

    def to_python(self, value: Any) -> tuple[float, float, float | None] | None:  # type: ignore[override]
        text = (super().to_python(value) or "").strip()
        if not text:
            return None
        parts = text.split()
        try:
            numbers = [float(part) for part in parts[:4]]
        except ValueError:
            raise forms.ValidationError(_("A GPS point is a latitude and a longitude.")) from None
        if len(numbers) < 2 or len(parts) > 4 or any(n != n for n in numbers):
            raise forms.ValidationError(_("A GPS point is a latitude and a longitude."))
        latitude, longitude = numbers[0], numbers[1]
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise forms.ValidationError(_("This GPS point is not on the Earth."))
        accuracy = numbers[3] if len(numbers) == 4 and 0 <= numbers[3] < 1e7 else None
        return latitude, longitude, accuracy

    def validate(self, value: Any) -> None:
        return None

    def run_validators(self, value: Any) -> None:
        return None


class LocationAssessmentForm(forms.Form):
    round_number = forms.IntegerField(label=_("Round number"), min_value=1, max_value=BIG)
    location_code = forms.CharField(label=_("Location code"), max_length=24)
    observed_on = forms.DateField(label=_("Date of the visit"))
    team = forms.CharField(label=_("Team"), max_length=60, required=False)
    migrants_observed = _count(_("Migrants observed"))
    not_in_trc = _count(_("Of whom not accommodated or registered in any TRC"))
    adult_men = _count(_("Adult men"))
    adult_women = _count(_("Adult women"))
    boys = _count(_("Boys"))
    girls = _count(_("Girls"))
    unaccompanied_children = _count(_("Unaccompanied children"))
    needs = _SpaceSeparated(label=_("Needs"), choices=list(Need.values))
    access_notes = forms.CharField(label=_("Access notes"), max_length=500, required=False)
    weather_notes = forms.CharField(label=_("Weather notes"), max_length=500, required=False)
    gps = GeoPointField(label=_("GPS position"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, code in zip(NATIONALITY_FIELDS, NATIONALITY_CODES, strict=True):
            self.fields[name] = _count(NATIONALITY_LABELS[code], required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        total = data.get("migrants_observed")
        if total is not None and (data.get("not_in_trc") or 0) > total:
            self.add_error("not_in_trc", _("Cannot be more than the migrants observed."))
        return data

    def nationalities(self) -> dict[str, int]:
        return {
            code: self.cleaned_data[name]
            for name, code in zip(NATIONALITY_FIELDS, NATIONALITY_CODES, strict=True)
            if self.cleaned_data.get(name)
        }


class ObservationWebForm(LocationAssessmentForm):
    """The same questions for paper forms typed in; round and location come from the page."""

    needs = forms.MultipleChoiceField(  # type: ignore[assignment]
        label=_("Needs"), choices=Need.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("round_number", "location_code"):
            self.fields[name].required = False
            self.fields[name].widget = forms.HiddenInput()


class FlowCountEntryForm(forms.Form):
    point_code = forms.CharField(label=_("Flow monitoring point"), max_length=24)
    counted_at = forms.DateTimeField(label=_("Time of the count"))
    men = _count(_("Men"))
    women = _count(_("Women"))
    boys = _count(_("Boys"))
    girls = _count(_("Girls"))
    nationality = forms.RegexField(
        label=_("Nationality"), regex=r"^[A-Z]{3}$", required=False, max_length=3
    )
    previous_transit_point = forms.CharField(
        label=_("Previous transit point"), max_length=120, required=False
    )
    next_destination = forms.CharField(label=_("Next destination"), max_length=120, required=False)
    final_destination = forms.CharField(
        label=_("Final destination"), max_length=120, required=False
    )
    transport_mode = forms.ChoiceField(
        label=_("Transport mode"), choices=[("", ""), *TransportMode.choices], required=False
    )
    direction = forms.ChoiceField(
        label=_("Direction"), choices=[("", ""), *Direction.choices], required=False
    )


ISO3 = r"^([A-Z]{3})?$"


class FlowSurveyEntryForm(forms.Form):
    point_code = forms.CharField(label=_("Flow monitoring point"), max_length=24)
    surveyed_on = forms.DateField(label=_("Date of the interview"))
    sex = forms.ChoiceField(label=_("Sex"), choices=[("M", _("Male")), ("F", _("Female"))])
    age = forms.IntegerField(label=_("Age"), min_value=14, max_value=99)
    nationality = forms.RegexField(label=_("Nationality"), regex=ISO3, max_length=3)
    country_of_departure = forms.RegexField(
        label=_("Country of departure (ISO code)"), regex=ISO3, max_length=3, required=False
    )
    education = forms.ChoiceField(
        label=_("Education"),
        choices=[(v, v) for v in ("", "none", "primary", "secondary", "tertiary")],
        required=False,
    )
    occupation_before = forms.CharField(
        label=_("Occupation before leaving"), max_length=60, required=False
    )
    reasons = _SpaceSeparated(
        label=_("Reasons for leaving"),
        choices=["economic", "conflict", "persecution", "family", "education", "other"],
    )
    transit_countries = _SpaceSeparated(
        label=_("Transit countries"),
        choices=["TUR", "GRC", "BGR", "MKD", "SRB", "MNE", "ALB", "other"],
    )
    journey_cost_eur = forms.IntegerField(
        label=_("Journey cost (EUR)"), min_value=0, max_value=BIG, required=False
    )
    journey_days = forms.IntegerField(
        label=_("Journey duration (days)"), min_value=0, max_value=BIG, required=False
    )
    travelling_with = forms.ChoiceField(
        label=_("Travelling with"),
        choices=[(v, v) for v in ("", "alone", "family", "friends")],
        required=False,
    )
    intended_destination = forms.RegexField(
        label=_("Intended destination (ISO code)"), regex=ISO3, max_length=3, required=False
    )
    needs = _SpaceSeparated(label=_("Needs"), choices=list(Need.values))
    abuse_indicators = _SpaceSeparated(
        label=_("Exploitation and abuse indicators"),
        choices=["unpaid_work", "held_against_will", "violence", "documents_taken", "none"],
    )
    intends_to_return = forms.ChoiceField(
        label=_("Intention to return"),
        choices=[(v, v) for v in ("", "yes", "no", "unsure")],
        required=False,
    )
