"""Reading the audit trail: administrators only."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from waypoint.audit import access
from waypoint.audit.access import Work
from waypoint.audit.models import AuditEvent


def audit_events_for(
    user: Any,
    *,
    person: int | None = None,
    actor_email: str = "",
    action: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[AuditEvent]:
    """Events newest first, filtered; an empty result for anyone who may not read the trail.

    Dates are whole days in the server's time zone, both ends included. ``person`` finds the
    events about that person and the lists and searches of registrations that showed them.
    """
    if not access.may(user, Work.READ_AUDIT):
        return AuditEvent.objects.none()
    events = AuditEvent.objects.select_related("actor")
    if person is not None:
        shown = Q(object_type="people.person", object_ids__icontains=f'"{person}"')
        events = events.filter(Q(person_id=person) | shown)
    if actor_email:
        events = events.filter(actor_label__icontains=actor_email)
    if action:
        events = events.filter(action=action)
    zone = timezone.get_current_timezone()
    if date_from:
        events = events.filter(occurred_at__gte=datetime.combine(date_from, time.min, zone))
    if date_to:
        end = datetime.combine(date_to + timedelta(days=1), time.min, zone)
        events = events.filter(occurred_at__lt=end)
    return events
