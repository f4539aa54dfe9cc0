from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from waypoint.linkage import engine
from waypoint.linkage.models import PairStatus
from waypoint.linkage.services import REVIEW_FLOOR


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (PairStatus.SAME, _("Same person")),
            (PairStatus.DIFFERENT, _("Different people")),
            (PairStatus.UNSURE, _("Unsure: leave for another reviewer")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=300,
        help_text=_("Why, in a few words (no personal details)."),
    )


class RunForm(forms.Form):
    threshold = forms.FloatField(
        label=_("Match threshold"),
        min_value=0.01,
        max_value=0.9999,
        initial=engine.DEFAULT_THRESHOLD,
        help_text=_("Pairs at or above this probability are linked without review."),
    )
    review_floor = forms.FloatField(
        label=_("Lowest probability reviewed"),
        min_value=0.01,
        max_value=0.9999,
        initial=REVIEW_FLOOR,
        help_text=_("Pairs between this and the threshold go to the review queue."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        floor, threshold = data.get("review_floor"), data.get("threshold")
        if floor is not None and threshold is not None and floor > threshold:
            self.add_error("review_floor", _("The review band must lie below the threshold."))
        return data
