"""One timeline per person: everything Waypoint knows happened to an individual, in order.

A ``Person`` is one registration; the timeline reads every registration of the same
individual (their identity group) that the user may see, and asks each source for the
entries it holds about them. ``people`` sits left of the apps that hold most of the story
(reception, protection, returns, linkage), so they plug in here from their ``ready()``:

- ``register_group_provider(fn)``: ``fn(user, person)`` returns the other registrations of
  the person's identity group that the user may see (linkage registers one);
- ``register_timeline_source(fn)``: ``fn(user, persons)`` returns ``TimelineEntry`` rows
  about ``persons``, only what the user may see (each app applies its own ``access.py``).

The registration's own entries (registration, arrival, documents, household, guardian,
consents) are the source ``registration_entries`` below. Reading a timeline is a read of
personal data: ``person_timeline`` and ``timeline_of`` write one audit event naming the
registrations read (sources that show more sensitive records audit those themselves).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from waypoint.audit.models import Action, AuditEvent
from waypoint.audit.services import audit_list_read
from waypoint.people.models import Consent, Guardian, HouseholdMember, IdentityDocument, Person
from waypoint.people.queries import person_for, persons_visible_to


class Kind(models.TextChoices):
    """What an entry is about: the filter on the person page and in the API (``kind``)."""

    REGISTRATION = "registration", gettext_lazy("Registration")
    STAY = "stay", gettext_lazy("Stays and absences")
    SERVICE = "service", gettext_lazy("Services and distributions")
    PROTECTION = "protection", gettext_lazy("Protection")
    IDENTITY = "identity", gettext_lazy("Identity merges and splits")
    RETURN = "return", gettext_lazy("Voluntary return")


@dataclass(frozen=True)
class TimelineEntry:
    """One thing that happened, and where the timeline learnt it.

    ``when`` is a moment (aware datetime) or a day; ``title`` is translated; ``detail`` may
    be empty; ``where`` names the site; ``source`` names the app and record the entry came
    from ("Reception · stay 123", "Registration LIP-000123"); ``url`` opens that record for
    users who may open it, else None. ``registration`` is the registration number of the
    person the entry belongs to.
    """

    when: datetime | date
    kind: str
    title: str
    detail: str = ""
    where: str = ""
    source: str = ""
    url: str | None = None
    registration: str = ""

    @property
    def has_time(self) -> bool:
        return isinstance(self.when, datetime)

    @property
    def moment(self) -> datetime:
        """``when`` as an aware datetime; a day counts from its first moment (local time)."""
        if isinstance(self.when, datetime):
            if timezone.is_naive(self.when):
                return timezone.make_aware(self.when)
            return self.when
        return timezone.make_aware(datetime.combine(self.when, time.min))

    @property
    def day(self) -> date:
        if isinstance(self.when, datetime):
            return timezone.localdate(self.moment)
        return self.when

    @property
    def kind_label(self) -> str:
        return str(Kind(self.kind).label) if self.kind in Kind.values else self.kind


TimelineSource = Callable[[Any, Sequence[Person]], Iterable[TimelineEntry]]
GroupProvider = Callable[[Any, Person], Iterable[Person]]

_sources: list[TimelineSource] = []
_group_providers: list[GroupProvider] = []


def register_timeline_source(source: TimelineSource) -> None:
    """Add ``source`` to every timeline (called from an app's ``ready()``; once per source)."""
    if source not in _sources:
        _sources.append(source)


def register_group_provider(provider: GroupProvider) -> None:
    """Let ``provider(user, person)`` name the other registrations of the same individual."""
    if provider not in _group_providers:
        _group_providers.append(provider)


def timeline_sources() -> list[TimelineSource]:
    """The registered sources, the registration's own first."""
    return [registration_entries, *_sources]


def identity_group(user: Any, person: Person) -> list[Person]:
    """``person`` and the other registrations of the same individual the user may see,
    oldest registration first. Only registrations in the user's reading scope count, what
    ever a provider returns."""
    others: set[int] = set()
    for provider in _group_providers:
        others.update(other.pk for other in provider(user, person) if other.pk != person.pk)
    if not others:
        return [person]
    visible = list(persons_visible_to(user).filter(pk__in=others))
    return sorted([person, *visible], key=lambda each: (each.registered_on, each.pk))


# --- The registration's own entries ------------------------------------------------------


def _registration_source(person: Person) -> str:
    return _("Registration %(number)s") % {"number": person.registration_number}


def _created_at(object_type: str, ids: Iterable[int]) -> dict[int, datetime]:
    """When each record was created, from the audit trail (documents carry no date)."""
    wanted = [str(each) for each in ids]
    if not wanted:
        return {}
    found: dict[int, datetime] = {}
    events = AuditEvent.objects.filter(
        action=Action.CREATE, object_type=object_type, object_id__in=wanted
    ).values_list("object_id", "occurred_at")
    for object_id, occurred_at in events:
        found.setdefault(int(object_id), occurred_at)
    return found


def registration_entries(user: Any, persons: Sequence[Person]) -> list[TimelineEntry]:
    """Timeline source "registration" (people): the registration itself, arrival in BiH,
    the certificate of intention to seek asylum, identity documents (dated by the audit
    trail), household membership, guardian and consents. ``persons`` were read through
    ``persons_visible_to``; every personal-data role that sees a person reads these."""
    entries: list[TimelineEntry] = []
    by_id = {person.pk: person for person in persons}
    for person in persons:
        source = _registration_source(person)
        url = reverse("people:person", args=[person.pk])
        common = {"source": source, "url": url, "registration": person.registration_number}
        entries.append(
            TimelineEntry(
                when=person.registered_on,
                kind=Kind.REGISTRATION,
                title=_("Registered"),
                where=person.registered_at.name,
                **common,
            )
        )
        if person.arrived_on:
            entries.append(
                TimelineEntry(
                    when=person.arrived_on,
                    kind=Kind.REGISTRATION,
                    title=_("Arrived in BiH"),
                    detail=person.entry_point,
                    **common,
                )
            )
        if person.asylum_certificate_on:
            entries.append(
                TimelineEntry(
                    when=person.asylum_certificate_on,
                    kind=Kind.REGISTRATION,
                    title=_("Certificate of intention to seek asylum"),
                    **common,
                )
            )
    documents = list(IdentityDocument.objects.filter(person__in=list(by_id)))
    added = _created_at("people.identitydocument", [document.pk for document in documents])
    for document in documents:
        if document.pk not in added:
            continue
        owner = by_id[document.person_id]
        entries.append(
            TimelineEntry(
                when=added[document.pk],
                kind=Kind.REGISTRATION,
                title=_("Identity document recorded"),
                detail=str(document.get_kind_display()),
                source=_registration_source(owner),
                url=reverse("people:person", args=[owner.pk]),
                registration=owner.registration_number,
            )
        )
    for member in HouseholdMember.objects.filter(person__in=list(by_id)).select_related(
        "household"
    ):
        owner = by_id[member.person_id]
        entries.append(
            TimelineEntry(
                when=member.household.created_at,
                kind=Kind.REGISTRATION,
                title=_("Registered with a household"),
                detail=str(member.get_relationship_display()),
                source=_registration_source(owner),
                url=reverse("people:person", args=[owner.pk]),
                registration=owner.registration_number,
            )
        )
    for guardian in Guardian.objects.filter(child__in=list(by_id), appointed_on__isnull=False):
        owner = by_id[guardian.child_id]
        entries.append(
            TimelineEntry(
                when=guardian.appointed_on,  # type: ignore[arg-type]  # filtered above
                kind=Kind.REGISTRATION,
                title=_("Guardian appointed"),
                detail=guardian.institution,
                source=_registration_source(owner),
                url=reverse("people:person", args=[owner.pk]),
                registration=owner.registration_number,
            )
        )
    for consent in Consent.objects.filter(person__in=list(by_id)):
        owner = by_id[consent.person_id]
        common = {
            "source": _registration_source(owner),
            "url": reverse("people:person", args=[owner.pk]),
            "registration": owner.registration_number,
        }
        entries.append(
            TimelineEntry(
                when=consent.given_on,
                kind=Kind.REGISTRATION,
                title=_("Consent given"),
                detail=str(consent.get_purpose_display()),
                **common,
            )
        )
        if consent.withdrawn_on:
            entries.append(
                TimelineEntry(
                    when=consent.withdrawn_on,
                    kind=Kind.REGISTRATION,
                    title=_("Consent withdrawn"),
                    detail=str(consent.get_purpose_display()),
                    **common,
                )
            )
    return entries


# --- Reading a timeline ------------------------------------------------------------------


@dataclass(frozen=True)
class Timeline:
    person: Person
    registrations: list[Person]  # the identity group as the user sees it
    entries: list[TimelineEntry]  # oldest first
    kinds: list[str]  # the kinds asked for; empty: all


def clean_kinds(asked: Iterable[str]) -> list[str]:
    """The known kinds among ``asked``, in ``Kind`` order (unknown ones are dropped)."""
    wanted = set(asked)
    return [kind for kind in Kind.values if kind in wanted]


def timeline_of(
    user: Any, person: Person, *, kinds: Iterable[str] = (), purpose: str = "person timeline"
) -> Timeline:
    """The timeline of a person already read through a scoped query (``person_for``).

    Gathers the entries of every registration in the identity group the user may see from
    every source, keeps ``kinds`` (all when empty) and orders them oldest first (a day's
    entries without a time come first that day; ties keep the source order). Records one
    ``READ_LIST`` audit event naming the registrations read, with the filter's name.
    """
    chosen = clean_kinds(kinds)
    registrations = identity_group(user, person)
    entries: list[TimelineEntry] = []
    for source in timeline_sources():
        entries.extend(source(user, registrations))
    if chosen:
        entries = [entry for entry in entries if entry.kind in chosen]
    entries.sort(key=lambda entry: entry.moment)
    audit_list_read(
        actor=user,
        object_type="people.person",
        ids=[registration.pk for registration in registrations],
        purpose=purpose,
        query={"kind": chosen},
    )
    return Timeline(person=person, registrations=registrations, entries=entries, kinds=chosen)


def person_timeline(
    user: Any, person_id: int, *, kinds: Iterable[str] = (), purpose: str = "person timeline"
) -> Timeline:
    """``timeline_of`` the registration ``person_id``; ``Http404`` when it is out of scope."""
    return timeline_of(user, person_for(user, person_id), kinds=kinds, purpose=purpose)
