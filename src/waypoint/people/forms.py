from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waypoint.core.countries import COUNTRY_CODES, OTHER_CODES
from waypoint.core.fields import CountryField, LanguagesField
from waypoint.people.models import (
    ConsentMethod,
    DatePrecision,
    DocumentType,
    Person,
    Purpose,
    Relationship,
    Sex,
)
from waypoint.people.names import transliterate
from waypoint.people.recipients import RecipientKind, embassy_code, recipient_label
from waypoint.people.services import consent_guardian_name, consent_methods_for
from waypoint.places.models import Site

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# Browsers send ISO dates; registration papers and spreadsheets use DD.MM.YYYY.
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]


def date_field(label: Any, *, required: bool = False) -> forms.DateField:
    return forms.DateField(
        label=label, required=required, widget=DATE_INPUT, input_formats=DATE_FORMATS
    )


EARLIEST_BIRTH_DATE = date(1900, 1, 1)


def validate_birth_date(value: date) -> None:
    """A validator for forms and serializers alike: a date of birth lies between
    1 January 1900 and today (a typing slip such as 9999-12-31 or 1850 is refused)."""
    if value > timezone.localdate():
        raise ValidationError(_("The date of birth is in the future."), code="future")
    if value < EARLIEST_BIRTH_DATE:
        raise ValidationError(_("The date of birth is before 1900."), code="too_early")


class PersonForm(forms.Form):
    """Identity details. Latin names left empty are suggested from the original script."""

    given_name_original = forms.CharField(
        label=_("Given name(s) in original script"), max_length=120, required=False
    )
    given_name = forms.CharField(label=_("Given name(s), Latin"), max_length=120, required=False)
    family_name_original = forms.CharField(
        label=_("Family name in original script"), max_length=120, required=False
    )
    family_name = forms.CharField(label=_("Family name, Latin"), max_length=120, required=False)
    father_name_original = forms.CharField(
        label=_("Father's name in original script"), max_length=120, required=False
    )
    father_name = forms.CharField(label=_("Father's name, Latin"), max_length=120, required=False)
    mother_name = forms.CharField(label=_("Mother's name"), max_length=120, required=False)
    # No default: a registration officer says which, never inherits "Male" by not looking.
    sex = forms.ChoiceField(label=_("Sex"), choices=[("", "—"), *Sex.choices])
    birth_date = date_field(_("Date of birth"))
    birth_date_precision = forms.ChoiceField(
        label=_("How exact is the date of birth"), choices=DatePrecision.choices
    )
    nationality = CountryField(label=_("Nationality, as declared"), required=False)
    country_of_birth = CountryField(label=_("Country of birth"), required=False)
    place_of_birth = forms.CharField(label=_("Place of birth"), max_length=120, required=False)
    languages = LanguagesField(label=_("Languages"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=32, required=False)
    arrived_on = date_field(_("Date of arrival in BiH"))
    entry_point = forms.CharField(label=_("Entry point"), max_length=120, required=False)
    asylum_intention = forms.BooleanField(
        label=_("Intention to seek asylum expressed"), required=False
    )
    asylum_certificate_on = date_field(_("Date of the certificate"))
    notice_language = forms.CharField(
        label=_("Information notice given in (language code)"), max_length=8, required=False
    )

    def clean_birth_date(self) -> date | None:
        value: date | None = self.cleaned_data["birth_date"]
        if value is not None:
            validate_birth_date(value)
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for field in ("given_name", "family_name", "father_name"):
            if not data.get(field) and data.get(f"{field}_original"):
                data[field] = transliterate(data[f"{field}_original"])[:120]
        if not data.get("given_name"):
            self.add_error("given_name", _("Enter a given name, in Latin or original script."))
        if data.get("asylum_certificate_on") and not data.get("asylum_intention"):
            self.add_error(
                "asylum_certificate_on", _("A certificate date needs the asylum intention ticked.")
            )
        return data


class RegisterForm(PersonForm):
    site = forms.ModelChoiceField(
        label=_("Registering centre"), queryset=Site.objects.none(), to_field_name="code"
    )
    household = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=1, max_value=2**62
    )
    relationship = forms.ChoiceField(
        label=_("Relationship to the head of household"),
        choices=[("", "—"), *Relationship.choices[1:]],
        required=False,
    )

    def __init__(self, *args: Any, sites: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["site"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = sites if sites is not None else Site.objects.none()
        order = ["site", *[name for name in self.fields if name != "site"]]
        self.order_fields(order)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("household") and not data.get("relationship"):
            self.add_error("relationship", _("Choose the relationship to the head."))
        return data


class IdentifyForm(forms.Form):
    name = forms.CharField(label=_("Name, any script"), max_length=200, required=False)
    birth_date = date_field(_("Date of birth"))
    nationality = CountryField(label=_("Nationality"), required=False)
    number = forms.CharField(
        label=_("Registration or document number"), max_length=40, required=False
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Name or number"), max_length=200, required=False)


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=DocumentType.choices)
    number = forms.CharField(label=_("Number"), max_length=40)
    issuing_country = CountryField(label=_("Issuing country"), required=False)
    expires_on = date_field(_("Expiry date"))


class ConsentForm(forms.Form):
    """A consent: the recipients from the list referrals use, by name, and the ways of
    giving consent that fit the person (``services.consent_methods_for``); cleans to the
    arguments of ``services.consent_record``."""

    purpose = forms.ChoiceField(label=_("Purpose"), choices=Purpose.choices)
    recipients = forms.MultipleChoiceField(
        label=_("Data may go to"),
        choices=RecipientKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: for use within Waypoint only."),
    )
    other_embassy = CountryField(
        label=_("Embassy of (country)"),
        required=False,
        help_text=_("Only when the data may go to an embassy."),
    )
    method = forms.ChoiceField(label=_("How consent was given"), choices=ConsentMethod.choices)
    given_on = date_field(_("Date"), required=True)
    witness = forms.CharField(label=_("Witness or guardian"), max_length=120, required=False)

    def __init__(self, *args: Any, person: Person | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.person = person
        if person is None:
            return
        today = timezone.localdate()
        recipients = self.fields["recipients"]
        method = self.fields["method"]
        assert isinstance(recipients, forms.MultipleChoiceField)
        assert isinstance(method, forms.ChoiceField)
        if person.nationality in COUNTRY_CODES - OTHER_CODES:
            # The embassy of the person's own country, by name, beside the other recipients.
            code = embassy_code(person.nationality)
            recipients.choices = [*RecipientKind.choices, (code, recipient_label(code))]
        labels = dict(ConsentMethod.choices)
        allowed = consent_methods_for(person, today)
        method.choices = [(code, labels[code]) for code in allowed]
        method.initial = allowed[0]
        self.fields["given_on"].initial = today
        if ConsentMethod.GUARDIAN in allowed:
            self.fields["witness"].initial = consent_guardian_name(person)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        embassy = data.pop("other_embassy", "")
        if embassy:
            data["recipients"] = [*data.get("recipients", []), embassy_code(embassy)]
        if data.get("method") == ConsentMethod.GUARDIAN and not data.get("witness") and self.person:
            data["witness"] = consent_guardian_name(self.person)
        if data.get("method") in {ConsentMethod.ORAL_WITNESSED, ConsentMethod.GUARDIAN} and not (
            data.get("witness")
        ):
            self.add_error("witness", _("Name the witness or the guardian."))
        return data


class GuardianForm(forms.Form):
    name = forms.CharField(label=_("Guardian's name"), max_length=120)
    institution = forms.CharField(label=_("Institution"), max_length=120, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=32, required=False)
    appointed_on = date_field(_("Appointed on"))


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_("First row: column names. Nothing is saved unless every row is valid."),
    )
    site = forms.ModelChoiceField(
        label=_("Centre for rows without a site column"),
        queryset=Site.objects.none(),
        to_field_name="code",
        required=False,
    )

    def __init__(self, *args: Any, sites: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["site"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = sites if sites is not None else Site.objects.none()
