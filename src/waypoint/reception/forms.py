"""Forms parse what staff type; the services decide what is allowed."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import QueryDict
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
    Stay,
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


def search_fold(text: str) -> str:
    """``text`` as the roll-call search compares it: lower case, without accents (č→c, đ→d).

    rollcall.js folds what is typed the same way, so the list filters alike with and
    without JavaScript."""
    decomposed = unicodedata.normalize("NFKD", text)
    return _ACCENTS.sub("", decomposed).replace("đ", "d").replace("Đ", "D").lower()


def card_key(text: str) -> str:
    """A registration number as typed, scanned or printed, reduced to its letters and digits."""
    return _NOT_LETTER_OR_DIGIT.sub("", text.upper())


_ACCENTS = re.compile("[\u0300-\u036f]")
_NOT_LETTER_OR_DIGIT = re.compile("[^0-9A-Z]")


@dataclass(frozen=True)
class RollCallRow:
    """One resident on the roll-call sheet: ticked or not, shown by the search or not."""

    stay: Stay
    present: bool
    shown: bool

    @property
    def search_text(self) -> str:
        person = self.stay.person
        words = [
            person.given_name,
            person.family_name,
            person.given_name_original,
            person.family_name_original,
            person.registration_number,
            card_key(person.registration_number),
            str(self.stay.bed) if self.stay.bed else "",
        ]
        return search_fold(" ".join(word for word in words if word))

    @property
    def card(self) -> str:
        return card_key(self.stay.person.registration_number)


@dataclass(frozen=True)
class RollCallSheet:
    """The roll-call as the officer sees it: rows, how many are ticked, what a card read did."""

    rows: list[RollCallRow]
    notice: str = ""
    notice_is_error: bool = False

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def marked(self) -> int:
        return sum(row.present for row in self.rows)

    @property
    def shown(self) -> int:
        return sum(row.shown for row in self.rows)


class RollCallAction(models.TextChoices):
    """What a roll-call button does: only SAVE writes; the others redraw the sheet (no JS)."""

    SAVE = "save"
    SHOW = "show"
    ALL = "all"
    CLEAR = "clear"


class RollCallForm(forms.Form):
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    present = forms.TypedMultipleChoiceField(
        label=_("Present"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    q = forms.CharField(
        label=_("Find a resident"),
        required=False,
        max_length=120,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        help_text=_("Name or registration number."),
    )
    card = forms.CharField(
        label=_("Card number"),
        required=False,
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
        help_text=_("Type it or scan the card with a scanner; Enter marks the resident present."),
    )

    def __init__(self, *args: Any, stays: list[Stay], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stays = stays
        self.fields["present"].choices = [  # type: ignore[attr-defined]
            (stay.pk, str(stay.person)) for stay in stays
        ]

    def clean_day(self) -> date:
        day: date = self.cleaned_data["day"]
        today = timezone.localdate()
        if not today - timedelta(days=1) <= day <= today:
            raise ValidationError(_("A roll-call is for today or yesterday."))
        return day

    def clean(self) -> dict[str, Any]:
        # A number left in the card box when Save is pressed counts, rather than being lost.
        cleaned = super().clean() or {}
        number = cleaned.get("card", "")
        if number:
            stay = self.stay_with_card(number)
            if stay is None:
                self.add_error("card", _unknown_card(number))
            elif "present" in cleaned:
                cleaned["present"] = sorted({*cleaned["present"], stay.pk})
        return cleaned

    def stay_with_card(self, number: str) -> Stay | None:
        """The resident whose registration number is ``number`` (dashes and case aside)."""
        key = card_key(number)
        return next((s for s in self.stays if card_key(s.person.registration_number) == key), None)

    def sheet(self, data: QueryDict, action: str) -> RollCallSheet:
        """The sheet redrawn from what was sent: its ticks, the search, a card number or
        "mark all"/"clear" applied to the residents the search shows."""
        search = [word for word in search_fold(data.get("q", "")[:120]).split() if word]
        ticked = {int(value) for value in data.getlist("present") if value.isdigit()}
        rows = [
            RollCallRow(stay=stay, present=stay.pk in ticked, shown=False) for stay in self.stays
        ]
        rows = [replace(row, shown=all(word in row.search_text for word in search)) for row in rows]
        if action in (RollCallAction.ALL, RollCallAction.CLEAR):
            mark = action == RollCallAction.ALL
            rows = [replace(row, present=mark) if row.shown else row for row in rows]
        number = data.get("card", "").strip()[:40]
        if action == RollCallAction.SAVE or not number:
            return RollCallSheet(rows=rows)
        found = self.stay_with_card(number)
        if found is None:
            return RollCallSheet(rows=rows, notice=_unknown_card(number), notice_is_error=True)
        rows = [replace(row, present=True) if row.stay == found else row for row in rows]
        notice = _("Marked present: %(name)s") % {"name": str(found.person)}
        return RollCallSheet(rows=rows, notice=notice)


def _unknown_card(number: str) -> str:
    return _("No resident here has card number %(number)s.") % {"number": number}


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
