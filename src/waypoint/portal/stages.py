"""What each stage of a return case means for the applicant, in plain words."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from waypoint.returns.queries import PublicStatus

EXPLANATIONS: dict[str, Promise] = {
    "application": _("We have received your application. A counsellor will contact you."),
    "counselling": _("A counsellor is talking with you about your return and your options."),
    "eligibility": _("Your application is being assessed."),
    "travel_documents": _(
        "Your return was approved. Your travel documents are being prepared with your "
        "country's embassy or consulate."
    ),
    "medical": _("A health check before travel is being arranged."),
    "travel_booked": _("Your travel is booked. A counsellor will give you the details."),
    "departed": _("You have departed. We wish you a safe journey."),
    "arrived": _("Your arrival has been confirmed."),
    "reintegration_planned": _("Support after your return is being planned with you."),
    "assistance_delivered": _("Support after your return has been given."),
    "monitoring": _("We are in touch to see how you are doing after your return."),
    "closed": _("Your case is closed."),
    "rejected": _(
        "Your application could not be accepted. A counsellor will explain why and what you can do."
    ),
    "withdrawn": _("Your application was withdrawn. You can apply again at any time."),
    "abandoned": _(
        "Your case was closed because we could not reach you. You can apply again at any time."
    ),
}


@dataclass(frozen=True)
class ShownStage:
    label: str | Promise
    explanation: str | Promise | None
    updated_on: object


def public_stage(status: PublicStatus) -> ShownStage:
    return ShownStage(
        label=status.stage_label,
        explanation=EXPLANATIONS.get(status.stage),
        updated_on=status.updated_on,
    )
