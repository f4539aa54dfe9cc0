"""Reads of the privacy app: everything held about one person (subject access), the
retention schedules and the last runs. Every read of personal data takes the acting user."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Count, Q, QuerySet
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from waypoint.accounts.access import Actor
from waypoint.audit.models import Action, AuditEvent
from waypoint.core.countries import country_name
from waypoint.estimation.models import ListKind, OutsideRecord
from waypoint.linkage.models import IdentityLink
from waypoint.people.models import (
    IDENTITY_FIELDS,
    Consent,
    Guardian,
    HouseholdMember,
    IdentityDocument,
    LegalBasis,
    Person,
    Relationship,
)
from waypoint.people.queries import person_for, person_view
from waypoint.people.recipients import recipient_label
from waypoint.privacy import access
from waypoint.privacy.access import Work
from waypoint.privacy.models import Erasure, RetentionRun
from waypoint.privacy.retention import SCHEDULES
from waypoint.protection.models import Incident, RecipientKind, Referral, Screening
from waypoint.protection.screening import Category, category_label
from waypoint.reception.models import ServiceDelivery, Stay
from waypoint.returns.models import Case, CaseMember, DataTransfer
from waypoint.returns.services.progress import EMBASSY_FIELDS

# The portal's languages, in which a person may receive their data.
SUBJECT_LANGUAGES = ("en", "bs", "ar", "fa", "ps", "ur", "bn", "fr")


def person_for_privacy(user: Actor, person_id: int, work: Work, *, shown: str = "") -> Person:
    """One registration in ``user``'s scope (``Http404`` otherwise, as in ``people``), and
    ``PermissionDenied`` unless their role does ``work`` at the person's site. With
    ``shown`` (a purpose), the page shows the record's details: the view is audited."""
    person = person_for(user, person_id)
    access.require_for_person(user, work, (person.registered_at, person.last_seen_at))
    if shown:
        person_view(user, person_id, purpose=shown)
    return person


def person_privacy_fragment(user: Actor, person: Person) -> dict[str, Any] | None:
    """The privacy links on a person's page (``core.navigation`` slot "person"), as the
    user's roles allow; nothing when none does."""
    sites = (person.registered_at, person.last_seen_at)
    links = {
        "privacy_export": access.may_for_person(user, Work.SUBJECT_ACCESS, sites),
        "privacy_rectify": access.may_for_person(user, Work.RECTIFY, sites),
        "privacy_erase": access.may_for_person(user, Work.ERASE, sites),
    }
    if not any(links.values()):
        return None
    return {"privacy_person_id": person.pk, **links}


# --- Subject access -------------------------------------------------------------------------


@dataclass
class Section:
    """One part of the export: a title and records, each a list of (label, value)."""

    key: str
    title: str
    records: list[list[tuple[str, str]]] = field(default_factory=list)
    note: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "section": self.key,
            "title": self.title,
            "note": self.note,
            "records": [[{"label": lab, "value": val} for lab, val in rec] for rec in self.records],
        }


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value) or "—"
    if isinstance(value, models.Model):
        return str(getattr(value, "name", value))
    return str(value)


def _record(instance: models.Model, **extra: Any) -> list[tuple[str, str]]:
    """(label, value) for the ``EXPORTED_FIELDS`` of ``instance``, labels and values in the
    active language; ``extra`` appends computed rows by their label."""
    rows = []
    for name in EXPORTED_FIELDS[type(instance)]:
        label = str(getattr(instance._meta.get_field(name), "verbose_name", name))
        rows.append((label[:1].upper() + label[1:], _shown(_value(instance, name))))
    rows.extend((label, _shown(value)) for label, value in extra.items())
    return rows


def _value(instance: models.Model, name: str) -> Any:
    """A field's value as the person reads it: choices by their label, countries by name,
    codes of recipients, legal bases and fields shared by what they stand for."""
    if getattr(instance._meta.get_field(name), "choices", None):
        return getattr(instance, f"get_{name}_display")()
    value = getattr(instance, name)
    if name in ("nationality", "country_of_birth", "issuing_country", "return_country"):
        return country_name(value) if value else ""
    if name == "recipients":
        return [recipient_label(code) for code in value or []]
    if name == "recipient":
        return recipient_label(value)
    if name == "legal_basis":
        return _label_of(LegalBasis, value)
    if name == "fields":
        return [_person_field_label(field_name) for field_name in value or []]
    return value


def _label_of(choices: type[models.TextChoices], code: str) -> str:
    """The label of ``code`` among ``choices``; the code itself when it is not one."""
    try:
        return str(choices(code).label)
    except ValueError:
        return code


def _person_field_label(name: str) -> str | Promise:
    """What a field of a registration is called ("documents" names the identity documents)."""
    try:
        model_field = Person._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    if model_field.is_relation and model_field.auto_created:  # a reverse relation
        related = model_field.related_model
        plural = related._meta.verbose_name_plural if isinstance(related, type) else None
        return plural or name
    return getattr(model_field, "verbose_name", name)


REGISTRATION_FIELDS = [
    "registration_number",
    *IDENTITY_FIELDS,
    "languages",
    "phone",
    "arrived_on",
    "entry_point",
    "asylum_intention",
    "asylum_certificate_on",
    "legal_basis",
    "notice_language",
    "registered_at",
    "registered_on",
    "last_seen_at",
    "last_seen_on",
]

# What the export shows of each kind of record, in order. ``subject_access_labels`` lists
# their labels and choices, which the portal's languages must all translate.
EXPORTED_FIELDS: dict[type[models.Model], list[str]] = {
    Person: REGISTRATION_FIELDS,
    IdentityDocument: ["kind", "number", "issuing_country", "expires_on"],
    Consent: ["purpose", "recipients", "method", "given_on", "witness", "withdrawn_on"],
    HouseholdMember: ["relationship"],
    Guardian: ["name", "institution", "phone", "appointed_on"],
    Stay: ["site", "bed", "admitted_at", "exited_at", "exit_reason"],
    ServiceDelivery: ["kind", "delivered_on", "quantity", "site"],
    Screening: ["screened_at", "site"],
    Referral: ["created_at", "recipient", "recipient_name", "status"],
    Incident: ["occurred_on", "kind", "site", "status"],
    Case: ["reference", "stage", "return_country", "return_city"],
    DataTransfer: ["recipient", "legal_basis", "fields"],
}
# Codes the export shows by their label, beside the choices of the fields above.
LABELLED_CODES: tuple[type[models.TextChoices], ...] = (
    Category,  # the needs a screening found
    RecipientKind,  # recipients of consents and transfers
    LegalBasis,  # of a transfer
    Relationship,  # the person's place in a return case
    ListKind,  # lists of other authorities
    Action,  # how staff used the record
)


def subject_access_labels() -> list[str | Promise]:
    """Every label the export may show that another app defines (as lazy strings): the
    names and choices of ``EXPORTED_FIELDS``, ``LABELLED_CODES`` and the fields a transfer
    names. Its own labels are the messages of this module and of its template."""
    labels: list[str | Promise] = []
    for model, names in EXPORTED_FIELDS.items():
        for name in names:
            model_field = model._meta.get_field(name)
            labels.append(getattr(model_field, "verbose_name", name))
            labels.extend(label for _code, label in getattr(model_field, "flatchoices", []))
    for choices in LABELLED_CODES:
        labels.extend(choices.labels)
    labels.extend(_person_field_label(name) for name in EMBASSY_FIELDS)
    return labels


def _sections(person: Person) -> list[Section]:
    registration = _record(person, **{_("Photo held"): bool(person.photo)})
    sections = [Section("registration", _("Registration"), [registration])]
    sections.append(
        Section(
            "documents",
            _("Identity documents"),
            [_record(doc) for doc in person.documents.all()],
        )
    )
    sections.append(
        Section(
            "consents",
            _("Consents"),
            [_record(c) for c in person.consents.all()],
        )
    )
    family: list[list[tuple[str, str]]] = []
    membership = getattr(person, "membership", None)
    if membership is not None:
        family.append(_record(membership))
    guardian = getattr(person, "guardian", None)
    if guardian is not None:
        family.append(_record(guardian))
    sections.append(Section("family", _("Household and guardian"), family))
    stays = Stay.objects.filter(person=person).select_related("site", "bed").order_by("admitted_at")
    sections.append(
        Section(
            "stays",
            _("Stays"),
            [_record(s) for s in stays],
        )
    )
    services = ServiceDelivery.objects.filter(person=person).select_related("site")
    sections.append(
        Section(
            "services",
            _("Services and items received"),
            [_record(s) for s in services],
        )
    )
    screenings = Screening.objects.filter(person=person).select_related("site")
    sections.append(
        Section(
            "screenings",
            _("Vulnerability screenings"),
            [
                _record(
                    s,
                    **{_("Needs found"): [category_label(flag) for flag in s.flags or []]},
                )
                for s in screenings
            ],
        )
    )
    referrals = Referral.objects.filter(person=person)
    sections.append(
        Section(
            "referrals",
            _("Referrals to services"),
            [_record(r) for r in referrals],
        )
    )
    incidents = Incident.objects.filter(person=person).select_related("site")
    sections.append(
        Section(
            "incidents",
            _("Protection incidents"),
            [_record(i) for i in incidents],
            note=_(
                "The accounts of incidents are shared with you by a protection officer in a "
                "conversation, since they may name other people."
            ),
        )
    )
    cases = Case.objects.filter(Q(principal=person) | Q(members__person=person)).distinct()
    case_records = []
    for case in cases:
        member = CaseMember.objects.filter(case=case, person=person).first()
        case_records.append(
            _record(
                case,
                **{
                    _("Opened on"): case.created_at,
                    _("Departed on"): case.departed_on,
                    _("Your role in the case"): (
                        _("principal applicant")
                        if case.principal_id == person.pk
                        else _label_of(Relationship, member.relationship if member else "")
                    ),
                },
            )
        )
    sections.append(Section("returns", _("Assisted voluntary return"), case_records))
    transfers = DataTransfer.objects.filter(person=person)
    sections.append(
        Section(
            "recipients",
            _("Data shared with others"),
            [_record(t) for t in transfers],
        )
    )
    link = IdentityLink.objects.filter(person=person).first()
    same = (
        IdentityLink.objects.filter(canonical_id=link.canonical_id)
        .exclude(person=person)
        .values_list("person__registration_number", flat=True)
        if link
        else []
    )
    sections.append(
        Section(
            "linkage",
            _("Other registrations recorded as the same person"),
            [[(_("Registration number"), number)] for number in same],
        )
    )
    outside = OutsideRecord.objects.filter(person=person).select_related("outside_list")
    sections.append(
        Section(
            "outside_lists",
            _("Lists of other authorities matched to you"),
            [
                [
                    (_("List"), r.outside_list.name),
                    (_("Kind"), r.outside_list.get_kind_display()),
                ]
                for r in outside
            ],
        )
    )
    uses = (
        AuditEvent.objects.filter(person_id=person.pk)
        .values("action")
        .annotate(times=Count("pk"))
        .order_by("action")
    )
    labels = dict(AuditEvent._meta.get_field("action").choices or [])
    sections.append(
        Section(
            "uses",
            _("How often staff used your record"),
            [[(str(labels.get(u["action"], u["action"])), str(u["times"]))] for u in uses],
        )
    )
    return sections


@dataclass(frozen=True)
class SubjectAccess:
    person_id: int
    language: str
    bidi: bool
    title: str
    sections: list[Section]
    made_on: date

    def as_json(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "language": self.language,
            "title": self.title,
            "made_on": self.made_on.isoformat(),
            "sections": [section.as_json() for section in self.sections],
        }


def subject_access_for(user: Actor, person_id: int, *, language: str) -> SubjectAccess:
    """Everything Waypoint holds about one registration, labelled in ``language`` (one of
    the portal's eight). ``Http404`` out of scope, ``PermissionDenied`` for a role that does
    not answer subject access requests. A pure read: the caller records the export
    (``services.subject_access_record``) when it hands the file over."""
    if language not in SUBJECT_LANGUAGES:
        raise ValueError(f"no subject access export in {language!r}")
    person = person_for_privacy(user, person_id, Work.SUBJECT_ACCESS)
    with translation.override(language):
        return SubjectAccess(
            person_id=person.pk,
            language=language,
            bidi=language in settings.LANGUAGES_BIDI,
            title=_("The personal data Waypoint holds about you"),
            sections=_sections(person),
            made_on=timezone.localdate(),
        )


# --- The privacy page -----------------------------------------------------------------------


def schedules_for(user: Actor) -> list[dict[str, Any]]:
    """The schedules in force with their periods (for administrators)."""
    access.require(user, Work.ADMINISTER)
    return [
        {
            "name": schedule.name,
            "label": schedule.label,
            "counted_from": schedule.counted_from,
            "outcome": schedule.outcome,
            "days": schedule.days,
        }
        for schedule in SCHEDULES
    ]


def retention_runs_for(user: Actor, *, limit: int = 30) -> QuerySet[RetentionRun]:
    access.require(user, Work.ADMINISTER)
    return RetentionRun.objects.select_related("ran_by")[:limit]


def erasures_for(user: Actor, *, limit: int = 30) -> QuerySet[Erasure]:
    access.require(user, Work.ADMINISTER)
    return Erasure.objects.select_related("erased_by")[:limit]
