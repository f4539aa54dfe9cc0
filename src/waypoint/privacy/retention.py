"""Retention schedules: how long each kind of record is kept, and the run that applies them.

IOM Data Protection Principles (IOM Data Protection Manual, 2010), principle 8, retention
of personal data: personal data are kept only for as long as is necessary for the purpose
for which they were collected, and are then destroyed or rendered anonymous. Each schedule
below names a kind of record, the time after which it is no longer needed, and what
happens then. The periods are defaults; an operator sets another with the environment
(``WAYPOINT_RETENTION_<NAME>_DAYS``, e.g. ``WAYPOINT_RETENTION_PEOPLE_DAYS=3650``) or with
``settings.RETENTION_DAYS = {"people": 3650}``; the environment wins.

The audit trail has no schedule the application applies: it is append-only and hash-
chained (``audit.models``), so removing old events would break the chain. It holds ids and
field names, not values; archiving it is an operator's decision, outside Waypoint.

``retention_run(today=...)`` decides against ``today`` (default: the local date), so tests
and ``waypoint retention run --today`` travel in time.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from waypoint.accounts.access import Actor
from waypoint.accounts.models import ApiToken, User
from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.estimation.models import OutsideRecord
from waypoint.people.models import Person
from waypoint.privacy.models import Erasure, ErasureReason, RetentionRun
from waypoint.privacy.services import person_erase
from waypoint.protection.models import Incident, IncidentStatus, Referral, ReferralStatus, Screening
from waypoint.reception.models import Stay
from waypoint.returns.models import Case, CaseMember, Source
from waypoint.returns.stages import TERMINAL, Stage

RUN_LABEL = "waypoint retention run"


@dataclass(frozen=True)
class Schedule:
    """One kind of record: kept ``default_days`` after ``counted_from``, then ``outcome``.

    ``due(cutoff_day, cutoff_moment)`` returns the rows past their time; ``apply(rows,
    counts)`` erases or deletes them and adds the rows per table to ``counts``. A schedule
    without ``due`` is never applied by the application (the audit trail).
    """

    name: str
    label: Promise
    counted_from: Promise
    outcome: Promise
    default_days: int | None
    due: Callable[[date, datetime], QuerySet[Any]] | None = None
    apply: Callable[[QuerySet[Any], Counter[str]], None] | None = field(default=None)

    @property
    def days(self) -> int | None:
        """The period in force: environment, then settings, then the default."""
        if self.default_days is None:
            return None
        from_env = os.environ.get(f"WAYPOINT_RETENTION_{self.name.upper()}_DAYS", "").strip()
        if from_env:
            return int(from_env)
        configured: dict[str, int] = getattr(settings, "RETENTION_DAYS", {})
        return int(configured.get(self.name, self.default_days))


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, timezone.get_current_timezone())


def _delete_rows(rows: QuerySet[Any], counts: Counter[str]) -> None:
    _total, by_model = rows.delete()
    for label, number in by_model.items():
        if number:
            counts[f"deleted:{label.lower()}"] += number


# --- People: registrations no longer needed -------------------------------------------------


def people_due(cutoff_day: date, cutoff: datetime) -> QuerySet[Person]:
    """Registrations with nothing since ``cutoff``: registered, last seen, admitted or
    exited before it, no return case changed since, no open stay, no open case; and not
    erased already."""
    stays = Stay.objects.filter(person=OuterRef("pk"))
    cases = Case.objects.filter(Q(principal=OuterRef("pk")) | Q(members__person=OuterRef("pk")))
    recent_stay = stays.filter(
        Q(exited_at__isnull=True) | Q(exited_at__gte=cutoff) | Q(admitted_at__gte=cutoff)
    )
    recent_case = cases.filter(
        Q(updated_at__gte=cutoff) | Q(stage_entered_at__gte=cutoff) | ~Q(stage__in=TERMINAL)
    )
    erased = Erasure.objects.values("person_pk")
    return (
        Person.objects.filter(registered_on__lt=cutoff_day)
        .filter(Q(last_seen_on__isnull=True) | Q(last_seen_on__lt=cutoff_day))
        .exclude(pk__in=erased)
        .exclude(Exists(recent_stay))
        .exclude(Exists(recent_case))
        .order_by("pk")
    )


def _people_apply(people: QuerySet[Person], counts: Counter[str]) -> None:
    for person in people:
        erasure = person_erase(
            actor=None, person=person, reason=ErasureReason.RETENTION, actor_label=RUN_LABEL
        )
        counts.update(erasure.counts)


# --- Protection records ---------------------------------------------------------------------


@dataclass
class _ProtectionDue:
    """Screenings, final referrals and closed incidents untouched since the cutoff."""

    screenings: QuerySet[Screening]
    referrals: QuerySet[Referral]
    incidents: QuerySet[Incident]

    def count(self) -> int:
        return self.screenings.count() + self.referrals.count() + self.incidents.count()

    def __iter__(self) -> Any:
        return iter((self.screenings, self.referrals, self.incidents))


def protection_due(cutoff_day: date, cutoff: datetime) -> Any:
    last_change = Referral.objects.annotate(last=Max("changes__changed_at"))
    return _ProtectionDue(
        screenings=Screening.objects.filter(screened_at__lt=cutoff),
        referrals=last_change.filter(
            status__in=[ReferralStatus.COMPLETED, ReferralStatus.DECLINED]
        ).filter(Q(last__lt=cutoff) | Q(last__isnull=True, created_at__lt=cutoff)),
        incidents=Incident.objects.filter(status=IncidentStatus.CLOSED, updated_at__lt=cutoff),
    )


def _protection_apply(due: Any, counts: Counter[str]) -> None:
    screenings, referrals, incidents = due
    _delete_rows(
        Referral.objects.filter(pk__in=list(referrals.values_list("pk", flat=True))), counts
    )
    _delete_rows(screenings, counts)
    _delete_rows(incidents, counts)


# --- The rest -------------------------------------------------------------------------------


def outside_records_due(cutoff_day: date, cutoff: datetime) -> QuerySet[OutsideRecord]:
    """Rows of outside lists whose period ended before the cutoff (the lists themselves,
    with their counts, stay; stored estimates keep counts only)."""
    return OutsideRecord.objects.filter(outside_list__last_day__lt=cutoff_day)


def applications_due(cutoff_day: date, cutoff: datetime) -> QuerySet[Case]:
    """Portal applications never linked to a registration, still waiting or ended, with no
    change since the cutoff."""
    linked = CaseMember.objects.filter(case=OuterRef("pk"), person__isnull=False)
    return (
        Case.objects.filter(source=Source.PORTAL, principal__isnull=True)
        .filter(stage__in=[Stage.APPLICATION, *TERMINAL])
        .annotate(last=Greatest("stage_entered_at", "updated_at"))
        .filter(last__lt=cutoff)
        .exclude(Exists(linked))
    )


def login_attempts_due(cutoff_day: date, cutoff: datetime) -> Any:
    return [
        AccessAttempt.objects.filter(attempt_time__lt=cutoff),
        AccessLog.objects.filter(attempt_time__lt=cutoff),
        AccessFailureLog.objects.filter(attempt_time__lt=cutoff),
    ]


def api_tokens_due(cutoff_day: date, cutoff: datetime) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(Q(expires_at__lt=cutoff) | Q(revoked_at__lt=cutoff))


def sessions_due(cutoff_day: date, cutoff: datetime) -> QuerySet[Session]:
    return Session.objects.filter(expire_date__lt=cutoff)


def task_results_due(cutoff_day: date, cutoff: datetime) -> QuerySet[Any]:
    results = apps.get_model("django_tasks_database", "DBTaskResult")
    return results.objects.filter(status__in=["SUCCESSFUL", "FAILED"], finished_at__lt=cutoff)


def _delete_each(due: Any, counts: Counter[str]) -> None:
    for rows in due if isinstance(due, list) else [due]:
        _delete_rows(rows, counts)


def _count(due: Any) -> int:
    if isinstance(due, list):
        return sum(rows.count() for rows in due)
    return int(due.count())


SCHEDULES: tuple[Schedule, ...] = (
    Schedule(
        "people",
        _("Registrations and everything about the person"),
        _("the last stay, return case or registration"),
        _("erased (stays, services and AVRR figures kept anonymised)"),
        5 * 365,
        people_due,
        _people_apply,
    ),
    Schedule(
        "protection",
        _("Screenings, completed or declined referrals, closed incidents"),
        _("the screening, the last status of the referral, the last change of the incident"),
        _("deleted"),
        3 * 365,
        protection_due,
        _protection_apply,
    ),
    Schedule(
        "outside_lists",
        _("Rows of outside lists (SFA certificates, police lists)"),
        _("the last day the list covers"),
        _("deleted (the list's counts and stored estimates kept)"),
        2 * 365,
        outside_records_due,
        _delete_each,
    ),
    Schedule(
        "portal_applications",
        _("Portal applications that never became a case"),
        _("the last change of the application"),
        _("deleted"),
        183,
        applications_due,
        _delete_each,
    ),
    Schedule(
        "login_attempts",
        _("Sign-in attempts and sign-in log (django-axes)"),
        _("the attempt"),
        _("deleted"),
        90,
        login_attempts_due,
        _delete_each,
    ),
    Schedule(
        "api_tokens",
        _("Expired or revoked API tokens"),
        _("expiry or revocation"),
        _("deleted"),
        30,
        api_tokens_due,
        _delete_each,
    ),
    Schedule(
        "sessions",
        _("Expired sign-in sessions"),
        _("expiry"),
        _("deleted"),
        0,
        sessions_due,
        _delete_each,
    ),
    Schedule(
        "task_results",
        _("Results of finished background tasks"),
        _("the end of the task"),
        _("deleted"),
        30,
        task_results_due,
        _delete_each,
    ),
    Schedule(
        "audit",
        _("Audit trail"),
        _("never by the application: append-only and hash-chained"),
        _("kept; archived only by the operator"),
        None,
    ),
)


@dataclass(frozen=True)
class ScheduleOutcome:
    schedule: str
    records: int
    counts: dict[str, int]
    dry_run: bool
    days: int | None


def retention_run(
    *, actor: Actor | None = None, today: date | None = None, dry_run: bool = False
) -> list[ScheduleOutcome]:
    """Apply every schedule as of ``today``: one transaction per schedule, one
    ``RetentionRun`` row and one audit event (counts per table, no names) per schedule,
    dry runs included (finding who is due reads personal data). A person with an open
    stay or an open return case is never due."""
    today = today or timezone.localdate()
    outcomes = []
    for schedule in SCHEDULES:
        days = schedule.days
        if schedule.due is None or days is None:
            continue
        cutoff_day = today - timedelta(days=days)
        with transaction.atomic():
            due = schedule.due(cutoff_day, _start_of(cutoff_day))
            records = _count(due)
            counts: Counter[str] = Counter()
            if not dry_run and records and schedule.apply is not None:
                schedule.apply(due, counts)
            RetentionRun.objects.create(
                schedule=schedule.name,
                today=today,
                dry_run=dry_run,
                records=records,
                counts=dict(sorted(counts.items())),
                ran_by=actor if isinstance(actor, User) else None,
            )
            audit_record(
                actor=actor,
                actor_label="" if actor is not None else RUN_LABEL,
                action=Action.DELETE if not dry_run else Action.READ_LIST,
                object_type="privacy.retentionrun",
                purpose=f"retention {schedule.name} as of {today:%Y-%m-%d}"
                + (" (dry run)" if dry_run else ""),
                changed_fields=[f"due={records}", *(f"{k}={v}" for k, v in counts.items())],
            )
        outcomes.append(ScheduleOutcome(schedule.name, records, dict(counts), dry_run, days))
    return outcomes
