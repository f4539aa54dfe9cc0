"""Demo residents: beds in every open centre and stays for the most recent registrations.

Goes through reception's services (so every admission and exit is checked and audited as
in real use), with one administrator as the actor. Deterministic for the seed.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.people.models import Person
from waypoint.places.models import PopulationProfile, Site, SiteKind
from waypoint.reception.models import (
    AccommodationUnit,
    ExitReason,
    RollCallEntry,
    ServiceDelivery,
    Stay,
    UnitKind,
    UnitProfile,
)
from waypoint.reception.services import (
    bed_suggest,
    rollcall_record,
    stay_admit,
    stay_exit,
    unit_add,
)

BEDS_PER_UNIT = 20
# Shares of each centre's beds by unit profile, from the centre's population profile.
UNIT_MIX: dict[str, list[tuple[str, float]]] = {
    PopulationProfile.SINGLE_MEN: [(UnitProfile.SINGLE_MEN, 1.0)],
    PopulationProfile.FAMILIES: [(UnitProfile.FAMILIES, 1.0)],
    PopulationProfile.UNACCOMPANIED_CHILDREN: [(UnitProfile.UNACCOMPANIED_CHILDREN, 1.0)],
    PopulationProfile.FAMILIES_AND_CHILDREN: [
        (UnitProfile.FAMILIES, 0.7),
        (UnitProfile.UNACCOMPANIED_CHILDREN, 0.3),
    ],
    PopulationProfile.MIXED: [
        (UnitProfile.SINGLE_MEN, 0.5),
        (UnitProfile.FAMILIES, 0.4),
        (UnitProfile.UNACCOMPANIED_CHILDREN, 0.1),
    ],
}
CENTRE_KINDS = (SiteKind.RECEPTION_CENTRE, SiteKind.ASYLUM_CENTRE, SiteKind.IMMIGRATION_CENTRE)


@dataclass(frozen=True)
class ResidentsReport:
    beds: int
    admitted: int
    exited: int


def centres_furnish(*, actor: Any) -> int:
    """Units of 20 beds up to each open centre's capacity, by its profile; returns new beds."""
    added = 0
    centres = Site.objects.filter(kind__in=CENTRE_KINDS, is_open=True, capacity__gt=0)
    for site in centres.order_by("code"):
        if AccommodationUnit.objects.filter(site=site).exists():
            continue
        mix = UNIT_MIX.get(site.population_profile, UNIT_MIX[PopulationProfile.MIXED])
        for profile, share in mix:
            beds = round((site.capacity or 0) * share)
            for number in range(1, beds // BEDS_PER_UNIT + 2):
                size = min(BEDS_PER_UNIT, beds - (number - 1) * BEDS_PER_UNIT)
                if size <= 0:
                    break
                unit_add(
                    actor=actor,
                    site=site,
                    name=f"{profile[0].upper()}{number}",
                    kind=UnitKind.CONTAINER,
                    profile=profile,
                    beds=size,
                )
                added += size
    return added


def residents_build(
    *,
    actor: Any,
    seed: int,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ResidentsReport:
    """Fill each open centre to about two thirds of its beds with its latest registrations.

    Admissions fall on the registration day, or within the last 90 days for older records;
    about four in ten admitted over a week ago have left again; this morning's roll-call
    saw nearly everyone still there, so a few show as absent. ``progress`` is called with
    (people considered so far, people to consider) as the work goes.
    """
    now = now or timezone.now()
    rng = random.Random(seed)
    beds = centres_furnish(actor=actor)
    admitted = exited = 0
    zone = timezone.get_current_timezone()
    today = timezone.localdate(now)
    centres = Site.objects.filter(kind__in=CENTRE_KINDS, is_open=True, capacity__gt=0)
    work = []
    for site in centres.order_by("code"):
        wanted = (site.capacity or 0) * 2 // 3
        latest = Person.objects.filter(
            is_synthetic=True, registered_at=site, stays__isnull=True
        ).order_by("-registered_on", "-pk")[: wanted * 2]
        work.append((site, wanted, list(reversed(list(latest)))))
    total = sum(len(candidates) for _site, _wanted, candidates in work)
    done = 0
    for site, wanted, candidates in work:
        staying = 0
        for person in candidates:
            done += 1
            if progress is not None:
                progress(done, total)
            bed = bed_suggest(site=site, person=person)
            if bed is None or staying >= wanted:
                continue
            day = max(person.registered_on, today - timedelta(days=rng.randint(0, 90)))
            arrived = min(
                datetime.combine(day, time(10, rng.randrange(60)), zone), now - timedelta(hours=2)
            )
            try:
                with transaction.atomic():
                    stay = stay_admit(actor=actor, person=person, site=site, bed=bed, at=arrived)
            except ValidationError:
                continue  # e.g. a child then, an adult now: the suggestion fits today only
            admitted += 1
            staying += 1
            left = arrived + timedelta(days=rng.randint(3, 25), hours=rng.randint(0, 12))
            if arrived < now - timedelta(days=7) and left < now and rng.random() < 0.4:
                stay_exit(actor=actor, stay=stay, reason=ExitReason.ONWARD, at=left)
                exited += 1
                staying -= 1
        present = [
            stay_id
            for stay_id in Stay.objects.filter(site=site, exited_at__isnull=True).values_list(
                "pk", flat=True
            )
            if rng.random() < 0.96
        ]
        taken = now - timedelta(hours=1)
        rollcall_record(
            actor=actor,
            site=site,
            day=timezone.localdate(taken),
            present_stay_ids=present,
            at=taken,
        )
    return ResidentsReport(beds=beds, admitted=admitted, exited=exited)


def residents_remove() -> int:
    """Delete the reception records of synthetic people (before the people themselves)."""
    stays = Stay.objects.filter(person__is_synthetic=True)
    RollCallEntry.objects.filter(stay__in=stays).delete()
    ServiceDelivery.objects.filter(person__is_synthetic=True).delete()
    ServiceDelivery.objects.filter(household__head__is_synthetic=True).delete()
    removed = 0
    # A stay opened by a transfer points at the one it came from: delete the chain's ends
    # first, then what they pointed at.
    while True:
        ends = stays.filter(transferred_to__isnull=True)
        count, _by_model = ends.delete()
        removed += count
        if not count:
            break
    if removed:
        audit_record(
            actor=None,
            action=Action.DELETE,
            object_type="reception.stay",
            actor_label="waypoint demo",
            purpose=f"synthetic demo stays removed: {removed}",
        )
    return removed
