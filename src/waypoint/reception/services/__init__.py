"""Writing reception data. Every function is keyword-only, atomic, and audits what it wrote."""

from waypoint.reception.services.cards import resident_card_issue
from waypoint.reception.services.deliveries import (
    DistributionRejected,
    LineError,
    distribution_check,
    distribution_record_batch,
    service_record,
)
from waypoint.reception.services.rollcalls import rollcall_record
from waypoint.reception.services.stays import (
    absence_confirm_exit,
    bed_refusal,
    bed_suggest,
    beds_free,
    fitting_profiles,
    registration_take_over,
    stay_admit,
    stay_bed_assign,
    stay_exit,
    stay_transfer,
    unit_add,
)

__all__ = [
    "DistributionRejected",
    "LineError",
    "absence_confirm_exit",
    "bed_refusal",
    "bed_suggest",
    "beds_free",
    "distribution_check",
    "distribution_record_batch",
    "fitting_profiles",
    "registration_take_over",
    "resident_card_issue",
    "rollcall_record",
    "service_record",
    "stay_admit",
    "stay_bed_assign",
    "stay_exit",
    "stay_transfer",
    "unit_add",
]
