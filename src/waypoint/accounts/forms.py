from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from waypoint.accounts.break_glass import reason_problem
from waypoint.accounts.models import LANGUAGE_CHOICES, Role
from waypoint.accounts.throttle import address_blocked
from waypoint.places.models import Area, AreaLevel, Site


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    def clean_username(self) -> str:
        return str(self.cleaned_data["username"]).strip().lower()

    def clean(self) -> dict[str, Any]:
        if self.request is not None and address_blocked(self.request):
            raise forms.ValidationError(
                _("Too many failed sign-ins from this network. Wait 15 minutes and try again."),
                code="address_blocked",
            )
        return super().clean()


class UserSearchForm(forms.Form):
    q = forms.CharField(label=_("Search by email or name"), max_length=100, required=False)


class UserCreateForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=LANGUAGE_CHOICES)


class UserUpdateForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=LANGUAGE_CHOICES)
    is_active = forms.BooleanField(label=_("Active (may sign in)"), required=False)


class AssignmentForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    site = forms.ModelChoiceField(
        label=_("Site"),
        queryset=Site.objects.order_by("name"),
        required=False,
        to_field_name="code",
        empty_label=_("— none —"),
    )
    area = forms.ModelChoiceField(
        label=_("Area"),
        queryset=Area.objects.filter(level__lte=AreaLevel.CANTON).order_by("path"),
        required=False,
        to_field_name="code",
        empty_label=_("— none —"),
        help_text=_("Leave site and area empty for a national assignment."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("site") and data.get("area"):
            raise ValidationError(_("Choose a site or an area, not both."))
        return data


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("What the token is for"),
        max_length=80,
        help_text=_("For example the name of the script or system that will use it."),
    )
    days = forms.IntegerField(label=_("Valid for (days)"), min_value=1, max_value=365, initial=90)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        help_text=_(
            "The 6 digits your authenticator app shows now, or one of your recovery codes."
        ),
    )


class PasskeyForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the passkey"),
        max_length=64,
        help_text=_("So you can tell your passkeys apart, for example “work laptop”."),
    )


BREAK_GLASS_MINUTES = [
    (30, _("30 minutes")),
    (60, _("1 hour")),
    (120, _("2 hours")),
    (240, _("4 hours")),
]
NATIONAL = "national"


class BreakGlassForm(forms.Form):
    """Ask for emergency access: where, why, for how long."""

    where = forms.ChoiceField(label=_("Centre"))
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("At least a sentence: what the emergency is and why you need these records."),
    )
    minutes = forms.TypedChoiceField(
        label=_("For how long"), choices=BREAK_GLASS_MINUTES, coerce=int, initial=60
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sites = Site.objects.order_by("name").values_list("code", "name")
        where = self.fields["where"]
        assert isinstance(where, forms.ChoiceField)
        where.choices = [
            ("", _("— choose a centre —")),
            *[(code, f"{name} ({code})") for code, name in sites],
            (NATIONAL, _("Every centre (national)")),
        ]

    def clean_reason(self) -> str:
        reason = str(self.cleaned_data["reason"]).strip()
        problem = reason_problem(reason)
        if problem:
            raise ValidationError(problem)
        return reason

    def site(self) -> Site | None:
        """The chosen site; None for every centre (after ``is_valid``)."""
        where = self.cleaned_data["where"]
        return None if where == NATIONAL else Site.objects.get(code=where)
