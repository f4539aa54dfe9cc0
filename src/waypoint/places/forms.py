from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from waypoint.places.models import SiteKind


class SiteFilterForm(forms.Form):
    """The kind filter of the sites page; an unknown kind is simply not applied."""

    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *SiteKind.choices]
    )
