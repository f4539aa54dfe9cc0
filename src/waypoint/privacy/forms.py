"""Forms of the privacy pages: erasure, subject access export, rectification."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from waypoint.people.models import IDENTITY_FIELDS, Person
from waypoint.privacy.models import ErasureReason
from waypoint.privacy.queries import SUBJECT_LANGUAGES


class EraseForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=ErasureReason.choices)
    confirmation = forms.CharField(
        label=_("Type the registration number to confirm"), max_length=13
    )

    def __init__(self, *args: Any, registration_number: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.registration_number = registration_number

    def clean_confirmation(self) -> str:
        typed = self.cleaned_data["confirmation"].strip().upper()
        if typed != self.registration_number.upper():
            raise forms.ValidationError(_("The registration number does not match."))
        return typed


FORMATS = [("pdf", "PDF"), ("html", "HTML"), ("json", "JSON")]


class ExportForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the person"),
        choices=[(code, name) for code, name in settings.LANGUAGES if code in SUBJECT_LANGUAGES],
    )
    format = forms.ChoiceField(label=_("Form"), choices=FORMATS)


CORRECTABLE = [*IDENTITY_FIELDS, "phone"]


class RectifyForm(forms.ModelForm):
    """The identity fields a person may ask to have corrected; built on a copy of the
    registration, so the service sees what changed."""

    requested_by_person = forms.BooleanField(
        label=_("The person asked for this correction"), required=False, initial=True
    )

    class Meta:
        model = Person
        fields = CORRECTABLE
        widgets = {"birth_date": forms.DateInput(attrs={"type": "date"})}

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in CORRECTABLE}
