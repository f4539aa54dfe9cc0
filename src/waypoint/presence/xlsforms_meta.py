"""The forms field phones fill, by id, with their names for people."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

FORM_CHOICES = [
    ("presence_location", _("Location assessment")),
    ("presence_flow_count", _("Flow monitoring registry count")),
    ("presence_flow_survey", _("Flow monitoring survey")),
]
