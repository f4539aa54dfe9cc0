"""Forms of the return case pages: one form per action, each bound to its case."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from waypoint.core.countries import validate_country_code
from waypoint.people.models import ConsentMethod
from waypoint.returns.models import (
    AssistanceItem,
    AssistanceKind,
    Case,
    CaseMember,
    DocumentKind,
    Outcome,
    Source,
    Topic,
    TravelDocument,
)
from waypoint.returns.stages import NEEDS_REASON, TRANSITIONS, ClosureReason, Stage
from waypoint.returns.sustainability import INDICATORS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
MONEY = {"max_digits": 10, "decimal_places": 2, "min_value": 0.01}


def country_field(label: Any, required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=3,
        required=required,
        validators=[validate_country_code],  # the one rule for a typed country code
        help_text=_("ISO 3166 alpha-3 code, e.g. AFG, PAK, MAR."),
    )


def _choices(form: forms.Form, name: str, choices: list[tuple[str, Any]]) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    field.choices = choices


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("Reference or name"), max_length=120, required=False)
    stage = forms.ChoiceField(
        label=_("Stage"), choices=[("", _("Any stage")), *Stage.choices], required=False
    )


class CaseOpenForm(forms.Form):
    """A walk-in or an SFA referral, optionally already registered."""

    source = forms.ChoiceField(
        label=_("Comes from"),
        choices=[(Source.WALK_IN, Source.WALK_IN.label), (Source.SFA, Source.SFA.label)],
    )
    registration_number = forms.CharField(
        label=_("Registration number (if registered)"), max_length=13, required=False
    )
    given_name = forms.CharField(label=_("Given name(s)"), max_length=120, required=False)
    family_name = forms.CharField(label=_("Family name"), max_length=120, required=False)
    return_country = country_field(_("Country of return"))
    return_city = forms.CharField(label=_("City or town of return"), max_length=120, required=False)
    contact = forms.CharField(label=_("Contact (phone or e-mail)"), max_length=200, required=False)


class ReferForm(forms.Form):
    return_country = country_field(_("Country of return"))
    return_city = forms.CharField(label=_("City or town of return"), max_length=120, required=False)
    contact = forms.CharField(label=_("Contact (phone or e-mail)"), max_length=200, required=False)


class CaseForm(forms.Form):
    """A form acting on one case; subclasses fill their choices from it."""

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.case = case

    def members(self) -> list[tuple[str, str]]:
        return [(str(member.pk), member.name) for member in self.case.members.all()]


class TakeForm(CaseForm):
    pass


class LinkForm(CaseForm):
    member = forms.ChoiceField(label=_("Case member"))
    registration_number = forms.CharField(label=_("Registration number"), max_length=13)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "member", self.members())


class CounsellingForm(CaseForm):
    held_on = forms.DateField(label=_("Date of the session"), widget=DATE)
    language = forms.CharField(
        label=_("Language (code)"), max_length=8, help_text=_("e.g. fa, ps, ur, ar")
    )
    interpreter = forms.CharField(label=_("Interpreter"), max_length=120, required=False)
    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        choices=Topic.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    notes = forms.CharField(
        label=_("Notes"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    next_appointment = forms.DateTimeField(
        label=_("Next appointment"), required=False, widget=DATETIME
    )


class ConsentForm(CaseForm):
    member = forms.ChoiceField(label=_("Person consenting"))
    embassy = country_field(_("Embassy of (country)"))
    method = forms.ChoiceField(label=_("How consent was given"), choices=ConsentMethod.choices)
    witness = forms.CharField(label=_("Witness or guardian"), max_length=120, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "member", self.members())


class EligibilityForm(CaseForm):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Eligible: approve")), ("reject", _("Not eligible: reject"))],
    )
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)


class DocumentRequestForm(CaseForm):
    member = forms.ChoiceField(label=_("For"))
    kind = forms.ChoiceField(label=_("Document"), choices=DocumentKind.choices)
    embassy = country_field(_("Embassy of (country)"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "member", self.members())


class DocumentIssueForm(CaseForm):
    document = forms.ChoiceField(label=_("Requested document"))
    issued_on = forms.DateField(label=_("Issued on"), widget=DATE)
    number = forms.CharField(label=_("Document number"), max_length=40, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        pending = TravelDocument.objects.filter(case=self.case, issued_on__isnull=True)
        _choices(
            self,
            "document",
            [
                (str(doc.pk), f"{doc.member.name}: {doc.get_kind_display()} ({doc.embassy})")
                for doc in pending.select_related("member")
            ],
        )


class FitnessForm(CaseForm):
    fit = forms.TypedChoiceField(
        label=_("Result of the medical check"),
        choices=[("yes", _("Fit to travel")), ("no", _("Not fit to travel"))],
        coerce=lambda value: value == "yes",
    )
    checked_on = forms.DateField(label=_("Checked on"), widget=DATE)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class BookingForm(CaseForm):
    departure_at = forms.DateTimeField(label=_("Departure"), widget=DATETIME)
    itinerary = forms.CharField(label=_("Itinerary (flights)"), max_length=300)
    transit = forms.CharField(label=_("Transit points"), max_length=200, required=False)
    escort = forms.CharField(label=_("Escort"), max_length=120, required=False)


class DepartForm(CaseForm):
    departed_on = forms.DateField(label=_("Departed on"), widget=DATE)


class ArrivalForm(CaseForm):
    arrived_on = forms.DateField(label=_("Arrived on"), widget=DATE)


class PlanForm(CaseForm):
    partner = forms.CharField(label=_("Partner in the country of return"), max_length=200)
    agreed_on = forms.DateField(label=_("Agreed on"), widget=DATE)
    kind_1 = forms.ChoiceField(label=_("Assistance 1"), choices=AssistanceKind.choices)
    budget_1 = forms.DecimalField(label=_("Budget 1 (EUR)"), **MONEY)  # type: ignore[arg-type]
    description_1 = forms.CharField(label=_("Description 1"), max_length=300, required=False)
    kind_2 = forms.ChoiceField(
        label=_("Assistance 2"), choices=[("", "—"), *AssistanceKind.choices], required=False
    )
    budget_2 = forms.DecimalField(label=_("Budget 2 (EUR)"), required=False, **MONEY)  # type: ignore[arg-type]
    description_2 = forms.CharField(label=_("Description 2"), max_length=300, required=False)

    def items(self) -> list[tuple[str, str, Any]]:
        data = self.cleaned_data
        rows = [(data["kind_1"], data["description_1"], data["budget_1"])]
        if data.get("kind_2") and data.get("budget_2"):
            rows.append((data["kind_2"], data["description_2"], data["budget_2"]))
        return rows


class DeliveryForm(CaseForm):
    item = forms.ChoiceField(label=_("Assistance item"))
    delivered_on = forms.DateField(label=_("Delivered on"), widget=DATE)
    amount = forms.DecimalField(label=_("Amount (EUR)"), **MONEY)  # type: ignore[arg-type]
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        items = AssistanceItem.objects.filter(plan__case=self.case)
        _choices(
            self,
            "item",
            [(str(item.pk), f"{item.get_kind_display()} · {item.budget} EUR") for item in items],
        )


class MonitoringForm(CaseForm):
    visited_on = forms.DateField(label=_("Visited on"), widget=DATE)
    visited_by = forms.CharField(label=_("Visited by"), max_length=120, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for indicator in INDICATORS:
            self.fields[indicator.code] = forms.ChoiceField(
                label=str(indicator.question),
                choices=[(value, label) for value, label, _points in indicator.answers],
            )

    def answers(self) -> dict[str, str]:
        return {indicator.code: self.cleaned_data[indicator.code] for indicator in INDICATORS}


class AdvanceForm(CaseForm):
    to = forms.ChoiceField(label=_("Move to stage"))
    reason = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        allowed = TRANSITIONS.get(self.case.stage, frozenset()) - NEEDS_REASON
        _choices(self, "to", [(value, label) for value, label in Stage.choices if value in allowed])


class StopForm(CaseForm):
    stage = forms.ChoiceField(
        label=_("Close the case as"),
        choices=[
            (Stage.WITHDRAWN, Stage.WITHDRAWN.label),
            (Stage.ABANDONED, Stage.ABANDONED.label),
        ],
    )
    reason = forms.ChoiceField(label=_("Reason"), choices=ClosureReason.choices)
    note = forms.CharField(label=_("Details"), max_length=300, required=False)


class PinForm(CaseForm):
    pass


def member_of(case: Case, member_id: str) -> CaseMember:
    return case.members.get(pk=int(member_id))
