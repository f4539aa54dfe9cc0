"""Writing return cases. Every function is atomic and records its audit event.

Split by part of the case: ``intake`` (applications, referrals, linking), ``progress``
(stages, counselling, eligibility, documents, travel), ``reintegration`` (plans, delivery,
monitoring) and ``demo`` (synthetic cases).
"""

from waypoint.returns.services._common import documents_complete, stage_move, travel_missing
from waypoint.returns.services.demo import cases_generate
from waypoint.returns.services.intake import (
    PortalApplication,
    PortalReceipt,
    application_submit,
    case_assign,
    case_open,
    member_link,
    pin_reissue,
)
from waypoint.returns.services.progress import (
    arrival_confirm,
    case_depart,
    case_stop,
    counselling_record,
    eligibility_decide,
    fitness_record,
    travel_book,
    travel_document_issue,
    travel_document_request,
)
from waypoint.returns.services.reintegration import (
    delivery_record,
    monitoring_record,
    plan_record,
)

__all__ = [
    "PortalApplication",
    "PortalReceipt",
    "application_submit",
    "arrival_confirm",
    "case_assign",
    "case_depart",
    "case_open",
    "case_stop",
    "cases_generate",
    "counselling_record",
    "delivery_record",
    "documents_complete",
    "eligibility_decide",
    "fitness_record",
    "member_link",
    "monitoring_record",
    "pin_reissue",
    "plan_record",
    "stage_move",
    "travel_book",
    "travel_document_issue",
    "travel_document_request",
    "travel_missing",
]
