"""The form library's forms: upload an XLSForm or a form file, who submits, export."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from waypoint.accounts.models import Role
from waypoint.collect.access import ROLES, Work
from waypoint.collect.models import MAX_ATTACHMENT_BYTES
from waypoint.collect.xlsform import MAX_XLSFORM_BYTES
from waypoint.places.models import Area

# A private key in PEM is a few kilobytes; anything bigger is not one.
MAX_KEY_BYTES = 64 * 1024


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("XLSForm (.xlsx, .xls or .md)"),
        help_text=_(
            "A new form_id adds a form (a draft until you publish it); a form_id already "
            "here adds a version of that form."
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_XLSFORM_BYTES:
            raise forms.ValidationError(_("The XLSForm is larger than 5 MB."))
        return upload


class MediaForm(forms.Form):
    file = forms.FileField(label=_("File the form needs"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_ATTACHMENT_BYTES:
            raise forms.ValidationError(_("A form file may be 10 MB at most."))
        return upload


class StateForm(forms.Form):
    state = forms.CharField(max_length=8, widget=forms.HiddenInput())


def _role_choices() -> list[tuple[str, Any]]:
    return [(role.value, role.label) for role in Role if role.value in ROLES[Work.SUBMIT]]


class SubmittersForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=_("Who may submit"), widget=forms.CheckboxSelectMultiple, choices=_role_choices
    )
    area = forms.ModelChoiceField(
        label=_("Within the area"),
        queryset=Area.objects.order_by("path"),
        required=False,
        empty_label=_("Anywhere"),
        help_text=_("Only people assigned within this area (or around it) submit to it."),
    )


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[
            ("xlsx", _("Excel workbook (.xlsx), repeat groups in their own sheets")),
            ("csv", _("CSV files in a .zip, one per sheet")),
        ],
        initial="xlsx",
    )
    private_key = forms.FileField(
        label=_("Private key (.pem), for an encrypted form"),
        required=False,
        help_text=_("Used for this export only and never stored."),
    )
    passphrase = forms.CharField(
        label=_("Passphrase of the key"),
        required=False,
        max_length=1000,
        widget=forms.PasswordInput(render_value=False),
    )

    def clean_private_key(self) -> bytes | None:
        upload = self.cleaned_data.get("private_key")
        if not upload:
            return None
        if upload.size > MAX_KEY_BYTES:
            raise forms.ValidationError(_("This file is too large to be a private key."))
        return bytes(upload.read())
