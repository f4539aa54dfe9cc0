from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waypoint.people.models import Person, Sex
from waypoint.places.models import Area, Site
from waypoint.protection.models import (
    AgeGroup,
    IncidentKind,
    IncidentStatus,
    Need,
    OutreachService,
    RecipientKind,
    ReferralStatus,
)
from waypoint.protection.screening import ANSWER_CHOICES, Answer, ScreeningTemplate

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PersonLookupForm(forms.Form):
    number = forms.CharField(label=_("Registration number"), max_length=13)

    def clean_number(self) -> str:
        return str(self.cleaned_data["number"]).strip().upper()


class ScreeningForm(forms.Form):
    """One yes / no / unknown question per field, for the questions the template asks of
    the person (their age on ``on`` and their sex; every question when they are unknown)."""

    def __init__(
        self,
        *args: Any,
        template: ScreeningTemplate,
        person: Person | None = None,
        on: date | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.template = template
        self.age = person.age_on(on or timezone.localdate()) if person is not None else None
        self.sex = person.sex if person is not None else None
        self.asked = template.questions_for(age=self.age, sex=self.sex)
        self.not_asked = [question for question in template.questions if question not in self.asked]
        for question in self.asked:
            self.fields[question.code] = forms.ChoiceField(
                label=str(question.text),
                choices=ANSWER_CHOICES,
                widget=forms.RadioSelect,
                initial=Answer.UNKNOWN,
                required=False,
            )
        self.fields["notes"] = forms.CharField(
            label=_("Notes"),
            max_length=4000,
            required=False,
            widget=forms.Textarea(attrs={"rows": 4}),
            help_text=_("Only protection staff can read these notes."),
        )

    def questions(self) -> list[forms.BoundField]:
        return [self[question.code] for question in self.asked]

    def answers(self) -> dict[str, object]:
        # A question left blank was asked and not answered; the service marks the questions
        # this person is not asked as "not asked".
        return {
            question.code: self.cleaned_data[question.code] or Answer.UNKNOWN
            for question in self.asked
        }


class _PersonNumberField(forms.CharField):
    """A registration number, resolved to a person among ``people`` (the caller's scope)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=13, required=False, **kwargs)
        self.people: QuerySet[Person] = Person.objects.none()

    def clean(self, value: Any) -> Person | None:
        number = str(super().clean(value) or "").strip().upper()
        if not number:
            return None
        person = self.people.filter(registration_number=number).first()
        if person is None:
            raise forms.ValidationError(_("No person with this registration number in your scope."))
        return person


class ReferralForm(forms.Form):
    recipient = forms.ChoiceField(label=_("Refer to"), choices=RecipientKind.choices)
    recipient_name = forms.CharField(
        label=_("Organisation or contact"), max_length=120, required=False
    )
    note = forms.CharField(
        label=_("Reason for the referral"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Share only what the service needs."),
    )


class ReferralStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=ReferralStatus.choices)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args: Any, allowed: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["status"]
        assert isinstance(field, forms.ChoiceField)
        labels = dict(ReferralStatus.choices)
        field.choices = [(status, labels[status]) for status in allowed]


class IncidentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=IncidentKind.choices)
    occurred_on = forms.DateField(label=_("Date of the incident"), widget=DATE_INPUT)
    site = forms.ModelChoiceField(
        label=_("Site"), queryset=Site.objects.none(), to_field_name="code"
    )
    person = _PersonNumberField(
        label=_("Registration number of the person concerned"),
        help_text=_("Optional. Leave empty for a complaint or an unregistered person."),
    )
    narrative = forms.CharField(
        label=_("What happened"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Stored encrypted. Readable only by protection staff in scope."),
    )

    def __init__(
        self, *args: Any, sites: QuerySet[Site], people: QuerySet[Person], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        site_field = self.fields["site"]
        person_field = self.fields["person"]
        assert isinstance(site_field, forms.ModelChoiceField)
        assert isinstance(person_field, _PersonNumberField)
        site_field.queryset = sites
        person_field.people = people


class IncidentStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=IncidentStatus.choices)


class OutreachForm(forms.Form):
    contacted_on = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Area.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("— none —"),
    )
    location = forms.CharField(
        label=_("Location"),
        max_length=200,
        required=False,
        help_text=_("Where the team met them, e.g. a squat, a road or a station."),
    )
    person = _PersonNumberField(
        label=_("Registration number"),
        help_text=_("Leave empty to keep the contact anonymous."),
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices, initial=Sex.UNKNOWN)
    age_group = forms.ChoiceField(
        label=_("Age group"), choices=AgeGroup.choices, initial=AgeGroup.UNKNOWN
    )
    nationality = forms.CharField(
        label=_("Nationality"),
        max_length=3,
        required=False,
        validators=[RegexValidator(r"^[A-Za-z]{3}$", _("Three letters, e.g. AFG."))],
        help_text=_("ISO 3166 alpha-3 code; XXX when unknown."),
    )
    needs = forms.MultipleChoiceField(
        label=_("Needs"),
        choices=Need.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    services = forms.MultipleChoiceField(
        label=_("Services given"),
        choices=OutreachService.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    referral_made = forms.BooleanField(label=_("Referral made"), required=False)
    notes = forms.CharField(label=_("Notes"), max_length=500, required=False)

    def __init__(
        self, *args: Any, areas: QuerySet[Area], people: QuerySet[Person], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        area_field = self.fields["municipality"]
        person_field = self.fields["person"]
        assert isinstance(area_field, forms.ModelChoiceField)
        assert isinstance(person_field, _PersonNumberField)
        area_field.queryset = areas
        person_field.people = people
