"""Forms parse what staff type; the services decide what is allowed."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waypoint.places.models import Site
from waypoint.reception.access import CENTRE_KINDS
from waypoint.reception.models import (
    DISTRIBUTION_CHOICES,
    RESERVED_EXIT_REASONS,
    SERVICE_CHOICES,
    Bed,
    ExitReason,
)
from waypoint.reception.services.deliveries import MAX_QUANTITY

MAX_LINES = 2000


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Name or registration number"), max_length=120, required=False)


class BedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Bed) -> str:
        return f"{obj.unit.name} / {obj.label} ({obj.unit.get_profile_display()})"


class AdmitForm(forms.Form):
    bed = BedChoiceField(
        label=_("Bed"),
        queryset=Bed.objects.none(),
        required=False,
        empty_label=_("— no bed yet —"),
        help_text=_("The suggested bed fits the person's profile; choose another if needed."),
    )
    admitted_at = forms.DateTimeField(
        label=_("Admitted at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Leave empty for now."),
    )

    def __init__(self, *args: Any, beds: QuerySet[Bed], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bed"].queryset = beds  # type: ignore[attr-defined]


class TakeOverForm(forms.Form):
    registration_number = forms.CharField(
        label=_("Registration number"),
        max_length=13,
        help_text=_("As on the person's card."),
    )
    birth_date = forms.DateField(
        label=_("Date of birth"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("As on the person's card."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "For example: came to this centre from the street; left their centre a month ago."
        ),
    )


class BedForm(forms.Form):
    """Give an open stay a bed (or take it away), e.g. at the centre a person was moved to."""

    bed = BedChoiceField(
        label=_("Bed"),
        queryset=Bed.objects.none(),
        required=False,
        empty_label=_("— no bed —"),
    )

    def __init__(self, *args: Any, beds: QuerySet[Bed], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bed"].queryset = beds  # type: ignore[attr-defined]


class TransferForm(forms.Form):
    to_site = forms.ModelChoiceField(
        label=_("To centre"),
        queryset=Site.objects.none(),
        to_field_name="code",
        empty_label=None,
    )

    def __init__(self, *args: Any, current: Site, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_site"].queryset = (  # type: ignore[attr-defined]
            Site.objects.filter(kind__in=CENTRE_KINDS, is_open=True)
            .exclude(pk=current.pk)
            .order_by("name")
        )


class ExitForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=[
            (value, label)
            for value, label in ExitReason.choices
            if value not in RESERVED_EXIT_REASONS
        ],
    )
    exited_at = forms.DateTimeField(
        label=_("Left at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Leave empty for now."),
    )


class RollCallForm(forms.Form):
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    present = forms.TypedMultipleChoiceField(
        label=_("Present"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, stays: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = stays  # type: ignore[attr-defined]

    def clean_day(self) -> date:
        day: date = self.cleaned_data["day"]
        today = timezone.localdate()
        if not today - timedelta(days=1) <= day <= today:
            raise ValidationError(_("A roll-call is for today or yesterday."))
        return day


def _past_date(value: date) -> None:
    if value > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."))


class ServiceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Service"), choices=SERVICE_CHOICES + DISTRIBUTION_CHOICES)
    registration_number = forms.CharField(
        label=_("Registration number"),
        max_length=13,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    whole_household = forms.BooleanField(
        label=_("For the person's whole household"), required=False
    )
    delivered_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}), validators=[_past_date]
    )
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, max_value=MAX_QUANTITY)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def clean_registration_number(self) -> str:
        return str(self.cleaned_data["registration_number"]).strip().upper()


class DistributionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Item"), choices=DISTRIBUTION_CHOICES + SERVICE_CHOICES)
    delivered_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}), validators=[_past_date]
    )
    quantity = forms.IntegerField(
        label=_("Quantity per person"), min_value=1, max_value=MAX_QUANTITY
    )
    numbers = forms.CharField(
        label=_("Registration numbers, one per line"),
        max_length=MAX_LINES * 20,
        widget=forms.Textarea(
            attrs={"rows": 12, "autocomplete": "off", "spellcheck": "false", "autofocus": True}
        ),
        help_text=_("Scan each card's QR code or type the number, then Enter."),
    )

    def clean_numbers(self) -> list[str]:
        lines = str(self.cleaned_data["numbers"]).splitlines()
        if len(lines) > MAX_LINES:
            raise ValidationError(_("At most %(most)s lines at a time.") % {"most": MAX_LINES})
        return lines


class OccupancyForm(forms.Form):
    first = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    last = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("first"), data.get("last")
        if first and last and first > last:
            raise ValidationError(_("The first day comes before the last."))
        return data
