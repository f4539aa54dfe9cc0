"""Roll-calls: who of a centre's residents was present at a headcount."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.core.batches import chunks
from waypoint.people.models import Person
from waypoint.places.models import Site
from waypoint.reception.access import Work, require
from waypoint.reception.models import RollCall, RollCallEntry, Stay
from waypoint.reception.services._common import CHUNK, moment, user_or_none


def _seen_time(day: date, now: datetime) -> datetime:
    """When the people ticked present were seen: now for today, the day's last minute before."""
    if day == timezone.localdate(now):
        return now
    end = timezone.make_aware(datetime.combine(day, time(23, 59)))
    return min(end, now)


@transaction.atomic
def rollcall_record(
    *,
    actor: Any,
    site: Site,
    day: date,
    present_stay_ids: Iterable[int],
    at: datetime | None = None,
) -> RollCall:
    """Record a headcount at ``site``: every resident at that time gets an entry, present or not.

    The open stays in ``present_stay_ids`` and their persons are marked as seen (``last_seen_at``
    of the stay; ``last_seen_at``/``last_seen_on`` of the person), never moving those back in
    time. An id that is not an open stay at this centre refuses the whole roll-call (the list
    on the officer's screen is out of date).
    """
    require(actor, Work.ACCOMMODATE, site)
    now = moment(at)
    if day > timezone.localdate(now):
        raise ValidationError(_("A roll-call cannot be for a day in the future."))
    seen_at = _seen_time(day, now)
    residents = dict(
        Stay.objects.filter(
            site=site, exited_at__isnull=True, admitted_at__lte=seen_at
        ).values_list("pk", "person_id")
    )
    present = {int(stay_id) for stay_id in present_stay_ids}
    stale = present - residents.keys()
    if stale:
        raise ValidationError(
            _(
                "%(count)s of the people ticked are no longer residents here; "
                "reload the list and tick again."
            )
            % {"count": len(stale)}
        )
    roll_call = RollCall.objects.create(
        site=site, day=day, taken_by=user_or_none(actor), taken_at=now
    )
    RollCallEntry.objects.bulk_create(
        [
            RollCallEntry(roll_call=roll_call, stay_id=stay_id, present=stay_id in present)
            for stay_id in sorted(residents)
        ],
        batch_size=500,
    )
    present_ids = sorted(present)
    person_ids = sorted(residents[stay_id] for stay_id in present)
    for batch in chunks(present_ids, CHUNK):
        Stay.objects.filter(pk__in=batch, last_seen_at__lt=seen_at).update(last_seen_at=seen_at)
    for batch in chunks(person_ids, CHUNK):
        Person.objects.filter(pk__in=batch).filter(
            Q(last_seen_on__isnull=True) | Q(last_seen_on__lte=day)
        ).update(last_seen_at=site, last_seen_on=day, updated_at=now)
    audit_record(
        actor=actor,
        action=Action.CREATE,
        target=roll_call,
        purpose="reception",
        changed_fields=[
            "entries",
            "stay.last_seen_at",
            "person.last_seen_at",
            "person.last_seen_on",
        ],
    )
    return roll_call
