"""The stages of a return case and the moves between them: the rules are data, in one place.

``TRANSITIONS`` lists where a case may go from each stage; withdrawal and abandonment are
allowed from every open stage. ``STAGE_DAYS`` is the time a case may stay in a stage before
it is flagged overdue (see docs/returns.md). Guards that need the case's records (documents
issued, fitness to travel) live in ``services``; this module is plain data and functions.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    APPLICATION = "application", _("Application received")
    COUNSELLING = "counselling", _("Counselling")
    ELIGIBILITY = "eligibility", _("Eligibility assessment")
    TRAVEL_DOCUMENTS = "travel_documents", _("Travel documents")
    MEDICAL = "medical", _("Medical check: fitness to travel")
    TRAVEL_BOOKED = "travel_booked", _("Travel booked")
    DEPARTED = "departed", _("Departed")
    ARRIVED = "arrived", _("Arrival confirmed")
    REINTEGRATION_PLANNED = "reintegration_planned", _("Reintegration planned")
    ASSISTANCE_DELIVERED = "assistance_delivered", _("Reintegration assistance delivered")
    MONITORING = "monitoring", _("Monitoring")
    CLOSED = "closed", _("Closed")
    REJECTED = "rejected", _("Not eligible")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ABANDONED = "abandoned", _("Abandoned")


# Where a case may go next from each stage (withdrawn/abandoned added below for open stages).
# Eligibility ends in an approval (travel documents) or a rejection; travel booked can go
# back to the medical stage when a flight is missed and the fitness check must be redone.
_FORWARD: dict[str, tuple[str, ...]] = {
    Stage.APPLICATION: (Stage.COUNSELLING,),
    Stage.COUNSELLING: (Stage.ELIGIBILITY,),
    Stage.ELIGIBILITY: (Stage.TRAVEL_DOCUMENTS, Stage.REJECTED),
    Stage.TRAVEL_DOCUMENTS: (Stage.MEDICAL,),
    Stage.MEDICAL: (Stage.TRAVEL_BOOKED,),
    Stage.TRAVEL_BOOKED: (Stage.DEPARTED, Stage.MEDICAL),
    Stage.DEPARTED: (Stage.ARRIVED,),
    Stage.ARRIVED: (Stage.REINTEGRATION_PLANNED, Stage.CLOSED),
    Stage.REINTEGRATION_PLANNED: (Stage.ASSISTANCE_DELIVERED,),
    Stage.ASSISTANCE_DELIVERED: (Stage.MONITORING,),
    Stage.MONITORING: (Stage.CLOSED,),
    Stage.CLOSED: (),
    Stage.REJECTED: (),
    Stage.WITHDRAWN: (),
    Stage.ABANDONED: (),
}

TERMINAL = frozenset({Stage.CLOSED, Stage.REJECTED, Stage.WITHDRAWN, Stage.ABANDONED})
# After departure a person is no longer "withdrawing" from a return; the case is closed.
BEFORE_DEPARTURE = (
    Stage.APPLICATION,
    Stage.COUNSELLING,
    Stage.ELIGIBILITY,
    Stage.TRAVEL_DOCUMENTS,
    Stage.MEDICAL,
    Stage.TRAVEL_BOOKED,
)

TRANSITIONS: dict[str, frozenset[str]] = {
    stage: frozenset(
        [*nexts, *((Stage.WITHDRAWN, Stage.ABANDONED) if stage not in TERMINAL else ())]
    )
    for stage, nexts in _FORWARD.items()
}

# Moves that must say why (recorded on the stage change).
NEEDS_REASON = frozenset({Stage.REJECTED, Stage.WITHDRAWN, Stage.ABANDONED})

# Days a case may stay in a stage before it is overdue; None: no limit.
STAGE_DAYS: dict[str, int | None] = {
    Stage.APPLICATION: 7,
    Stage.COUNSELLING: 14,
    Stage.ELIGIBILITY: 10,
    Stage.TRAVEL_DOCUMENTS: 45,
    Stage.MEDICAL: 10,
    Stage.TRAVEL_BOOKED: 21,
    Stage.DEPARTED: 7,
    Stage.ARRIVED: 30,
    Stage.REINTEGRATION_PLANNED: 90,
    Stage.ASSISTANCE_DELIVERED: 90,
    Stage.MONITORING: 365,
    Stage.CLOSED: None,
    Stage.REJECTED: None,
    Stage.WITHDRAWN: None,
    Stage.ABANDONED: None,
}


class ClosureReason(models.TextChoices):
    """Why a case was withdrawn or abandoned (for the managers' figures)."""

    CHANGED_MIND = "changed_mind", _("Changed their mind")
    ASYLUM = "asylum", _("Applied for asylum in BiH")
    ONWARD = "onward", _("Moved on irregularly")
    LOST_CONTACT = "lost_contact", _("Lost contact")
    FAMILY = "family", _("Family reasons")
    SECURITY = "security", _("Security situation in the country of return")
    DOCUMENTS = "documents", _("Travel document refused or not obtainable")
    HEALTH = "health", _("Health")
    OTHER = "other", _("Other")


def is_allowed(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


def order_of(stage: str) -> int:
    """Position of a stage along the forward path (for sorting the workspace)."""
    return list(Stage.values).index(stage) if stage in Stage.values else len(Stage.values)
