"""Portal forms: the eligibility self-check, the application, the status lookup, staff edits."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from waypoint.core.countries import country_choices
from waypoint.portal.catalogue import LANGUAGE_NAMES

YES, NO, UNSURE = "yes", "no", "unsure"
YES_NO = [(YES, _("Yes")), (NO, _("No"))]
YES_NO_UNSURE = [*YES_NO, (UNSURE, _("I am not sure"))]

COUNTRIES = country_choices()
RELATIONSHIPS = [
    ("", "—"),
    ("spouse", _("Wife or husband")),
    ("child", _("Child")),
    ("parent", _("Parent")),
    ("sibling", _("Brother or sister")),
    ("other", _("Other relative")),
]
OUTSIDE = "outside"
FAMILY_ROWS = 5

# The portal's own wording for field errors: Django ships no Pashto catalogue, and these
# read better to someone filling a form on a phone than the technical defaults.
ERRORS = {
    "required": _("Please fill in this field."),
    "invalid_choice": _("Please choose one of the options."),
    "max_length": _("Please write at most %(limit_value)d characters."),
    "invalid": _("Please check what you wrote here."),
    "min_value": _("Please check this year."),
    "max_value": _("Please check this year."),
    "null_characters_not_allowed": _("Please check what you wrote here."),
}


class PublicForm(forms.Form):
    """A form for the public: every field speaks the portal's own error messages."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.use_portal_errors()

    own_errors: dict[str, dict[str, Any]] = {}

    def use_portal_errors(self) -> None:
        for name, field in self.fields.items():
            field.error_messages.update({**ERRORS, **self.own_errors.get(name, {})})


class EligibilityForm(PublicForm):
    """A few questions answered in the address bar (GET); nothing is stored."""

    wish = forms.ChoiceField(
        label=_(
            "Do you want to go back to your country, or to another country where you have "
            "the right to live, of your own free will?"
        ),
        choices=YES_NO_UNSURE,
        widget=forms.RadioSelect,
    )
    in_bih = forms.ChoiceField(
        label=_("Are you in Bosnia and Herzegovina now?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    documents = forms.ChoiceField(
        label=_("Do you have a valid passport or another travel document?"),
        choices=YES_NO_UNSURE,
        widget=forms.RadioSelect,
    )
    asylum = forms.ChoiceField(
        label=_("Have you applied for asylum in Bosnia and Herzegovina and is it still open?"),
        choices=YES_NO_UNSURE,
        widget=forms.RadioSelect,
    )
    alone_minor = forms.ChoiceField(
        label=_("Are you under 18 and in Bosnia and Herzegovina without a parent or guardian?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
    )

    def outcome(self) -> dict[str, Any]:
        """What the answers suggest: a verdict and the notes that apply (all shown as text)."""
        answers = self.cleaned_data
        notes = []
        if answers["wish"] == NO:
            verdict = "not_needed"
        elif answers["in_bih"] == NO:
            verdict = "elsewhere"
        elif answers["alone_minor"] == YES:
            verdict = "with_guardian"
        else:
            verdict = "likely"
            if answers["wish"] == UNSURE:
                notes.append("unsure")
            if answers["documents"] != YES:
                notes.append("documents")
            if answers["asylum"] != NO:
                notes.append("asylum")
        return {"verdict": verdict, "notes": notes}


def _country_choices() -> list[tuple[str, Any]]:
    return [("", "—"), *COUNTRIES]


class ApplicationForm(PublicForm):
    own_errors = {"consent": {"required": _("Please read the privacy notice and tick the box.")}}

    given_name = forms.CharField(label=_("Given name"), max_length=100)
    family_name = forms.CharField(label=_("Family name"), max_length=100, required=False)
    nationality = forms.ChoiceField(label=_("Nationality"), choices=_country_choices)
    return_country = forms.ChoiceField(
        label=_("Country you want to return to"), choices=_country_choices
    )
    return_city = forms.CharField(
        label=_("City or area you want to return to"), max_length=100, required=False
    )
    contact = forms.CharField(
        label=_("Phone number, or how a counsellor can reach you"), max_length=120
    )
    staying_at = forms.ChoiceField(label=_("Where are you staying?"))
    staying_place = forms.CharField(
        label=_("If not in a centre: which town or place"), max_length=120, required=False
    )
    preferred_language = forms.ChoiceField(
        label=_("Language you prefer for counselling"), choices=list(LANGUAGE_NAMES.items())
    )
    special_needs = forms.CharField(
        label=_("Anything we should know: health, disability, pregnancy, a child's needs"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    privacy_notice = forms.IntegerField(widget=forms.HiddenInput, required=False)
    consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that my data is used as it says.")
    )
    # The honeypot: hidden from people by the stylesheet; a script that fills every field
    # fills it too. See docs/portal.md.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args: Any, centres: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        staying = self.fields["staying_at"]
        assert isinstance(staying, forms.ChoiceField)
        staying.choices = [
            ("", "—"),
            *centres,
            (OUTSIDE, _("Not in a centre")),
        ]
        this_year = timezone.now().year
        for row in range(1, FAMILY_ROWS + 1):
            self.fields[f"member_{row}_name"] = forms.CharField(
                label=_("Name"), max_length=100, required=False
            )
            self.fields[f"member_{row}_relationship"] = forms.ChoiceField(
                label=_("Relationship to you"), choices=RELATIONSHIPS, required=False
            )
            self.fields[f"member_{row}_birth_year"] = forms.IntegerField(
                label=_("Year of birth"), min_value=1900, max_value=this_year, required=False
            )
        self.use_portal_errors()

    @property
    def family_rows(self) -> list[list[forms.BoundField]]:
        return [
            [self[f"member_{row}_{part}"] for part in ("name", "relationship", "birth_year")]
            for row in range(1, FAMILY_ROWS + 1)
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for row in range(1, FAMILY_ROWS + 1):
            name = data.get(f"member_{row}_name", "")
            others = data.get(f"member_{row}_relationship") or data.get(f"member_{row}_birth_year")
            if others and not name:
                self.add_error(f"member_{row}_name", _("Write the name of this family member."))
        return data

    def family_members(self) -> tuple[tuple[str, str, int | None], ...]:
        members = []
        for row in range(1, FAMILY_ROWS + 1):
            name = self.cleaned_data.get(f"member_{row}_name", "")
            if name:
                relationship = self.cleaned_data.get(f"member_{row}_relationship") or "other"
                members.append(
                    (name, relationship, self.cleaned_data.get(f"member_{row}_birth_year"))
                )
        return tuple(members)


class StatusForm(PublicForm):
    reference = forms.CharField(label=_("Reference"), max_length=40)
    pin = forms.CharField(label=_("PIN"), max_length=20, widget=forms.PasswordInput)

    def clean_reference(self) -> str:
        return "".join(self.cleaned_data["reference"].split()).upper()

    def clean_pin(self) -> str:
        return "".join(self.cleaned_data["pin"].split())


class PageVersionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 24}),
        help_text=_(
            "Plain text. A blank line starts a paragraph; '# ' a heading, '## ' a smaller "
            "heading; '- ' a list item, '1. ' a numbered item; **strong**; "
            "[label](page-slug or https://...) a link; [text in brackets] is highlighted."
        ),
    )
    publish = forms.BooleanField(
        label=_("Publish now (otherwise the version is saved as a draft)"), required=False
    )
