"""Reading identity groups and the review queue, always for an acting user.

A reviewer sees a pair only when both registrations are within their scope for a
reviewing role; anything else answers 404. Counts of unique people need no user: they are
aggregates, and come from the identity groups.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import F, Q, QuerySet
from django.db.models.expressions import Combinable
from django.db.models.functions import Coalesce
from django.http import Http404

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.linkage import engine
from waypoint.linkage.labels import field_label, level_label
from waypoint.linkage.models import (
    CandidatePair,
    IdentityLink,
    LinkageRun,
    PairDecision,
    PairStatus,
)
from waypoint.linkage.services import REVIEW_ROLES, RUN_ROLES, registry_rows
from waypoint.people.models import Person
from waypoint.people.queries import persons_visible_to

QUEUE_STATUSES = (PairStatus.PENDING, PairStatus.UNSURE)


# --- Counting unique people ------------------------------------------------------------------


def canonical_person(prefix: str = "") -> Combinable:
    """An expression for the canonical registration of ``<prefix>person``.

    ``prefix`` is the path to the person from the queried model, e.g. ``"person__"`` on
    stays; empty on ``Person`` itself. Distinct values of it are unique people.
    """
    own = f"{prefix}pk" if not prefix else f"{prefix}id"
    return Coalesce(F(f"{prefix}identity__canonical_id"), F(own))


def unique_people_in(persons: QuerySet[Person]) -> int:
    """How many individuals the registrations in ``persons`` belong to."""
    return persons.order_by().values(key=canonical_person()).distinct().count()


# --- Review ----------------------------------------------------------------------------------


def _reviewable(user: Any) -> QuerySet[Person]:
    return persons_visible_to(user, roles=REVIEW_ROLES)


def may_review(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_role(*REVIEW_ROLES))


def may_run(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_role(*RUN_ROLES))


def pairs_visible_to(user: Any) -> QuerySet[CandidatePair]:
    """Candidate pairs whose two registrations the user may review."""
    if not may_review(user):
        return CandidatePair.objects.none()
    people = _reviewable(user).values("pk")
    return CandidatePair.objects.filter(left__in=people, right__in=people).select_related(
        "left__registered_at", "right__registered_at"
    )


def review_queue(user: Any, *, status: str = PairStatus.PENDING) -> QuerySet[CandidatePair]:
    """Pairs waiting for the user's decision (or marked unsure), most likely first."""
    if status not in QUEUE_STATUSES:
        status = PairStatus.PENDING
    return pairs_visible_to(user).filter(status=status).order_by("-probability", "pk")


def queue_counts(user: Any) -> dict[str, int]:
    visible = pairs_visible_to(user)
    return {status: visible.filter(status=status).count() for status in QUEUE_STATUSES}


def pair_for(user: Any, pair_id: int) -> CandidatePair:
    """One pair the user may review; ``Http404`` otherwise."""
    try:
        return pairs_visible_to(user).get(pk=pair_id)
    except (CandidatePair.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404("No such pair.") from None


@dataclass(frozen=True)
class FieldContribution:
    field: str
    level: str
    weight: float

    @property
    def agrees(self) -> bool:
        return self.weight > 0

    @property
    def field_label(self) -> str:
        return field_label(self.field)

    @property
    def level_label(self) -> str:
        return level_label(self.level)


@dataclass(frozen=True)
class PairView:
    pair: CandidatePair
    left: Person
    right: Person
    contributions: list[FieldContribution]
    decisions: list[PairDecision]


def pair_review(user: Any, pair_id: int) -> PairView:
    """Both records of a pair side by side, with each field's contribution; audited as views."""
    pair = pair_for(user, pair_id)
    people = {
        person.pk: person
        for person in Person.objects.filter(pk__in=[pair.left_id, pair.right_id])
        .select_related("registered_at", "last_seen_at")
        .prefetch_related("documents")
    }
    for person_id in people:
        audit_record(
            actor=user,
            action=Action.VIEW,
            target=pair,
            person_id=person_id,
            purpose="identity review",
        )
    contributions = [
        FieldContribution(str(field), str(level), float(weight))
        for field, level, weight in pair.contributions
    ]
    return PairView(
        pair=pair,
        left=people[pair.left_id],
        right=people[pair.right_id],
        contributions=sorted(contributions, key=lambda part: -abs(part.weight)),
        decisions=list(pair.decisions.select_related("decided_by", "undone_by")),
    )


def decisions_visible_to(user: Any) -> QuerySet[PairDecision]:
    """Decisions on pairs the user may review, newest first."""
    return (
        PairDecision.objects.filter(pair__in=pairs_visible_to(user).values("pk"))
        .select_related("pair", "decided_by", "undone_by")
        .order_by("-decided_at", "-pk")
    )


def decision_for(user: Any, decision_id: int) -> PairDecision:
    try:
        return decisions_visible_to(user).get(pk=decision_id)
    except (PairDecision.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404("No such decision.") from None


def group_of(user: Any, person: Person) -> list[Person]:
    """The other registrations of the same individual that the user may see."""
    link = IdentityLink.objects.filter(person=person).first()
    if link is None:
        return []
    members = IdentityLink.objects.filter(canonical_id=link.canonical_id).exclude(person=person)
    return list(
        persons_visible_to(user)
        .filter(Q(pk__in=members.values("person_id")))
        .order_by("registration_number")
    )


def runs_visible_to(user: Any) -> QuerySet[LinkageRun]:
    if not may_run(user):
        return LinkageRun.objects.none()
    return LinkageRun.objects.select_related("started_by")


def run_for(user: Any, run_id: int) -> LinkageRun:
    try:
        return runs_visible_to(user).get(pk=run_id)
    except (LinkageRun.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404("No such run.") from None


def identity_fragment(user: Any, person: Person) -> dict[str, Any] | None:
    """Context of ``linkage/partials/identity.html`` on the person page, or None."""
    others = group_of(user, person)
    if not others:
        return None
    return {"identity_others": others}


_model_cache: dict[int, dict[str, Any]] = {}


def _current_model() -> dict[str, Any] | None:
    """The newest finished run's model, parsed once per process."""
    run_id = (
        LinkageRun.objects.filter(status="done")
        .exclude(model={})
        .order_by("-finished_at")
        .values_list("pk", flat=True)
        .first()
    )
    if run_id is None:
        return None
    if run_id not in _model_cache:
        _model_cache.clear()
        _model_cache[run_id] = LinkageRun.objects.values_list("model", flat=True).get(pk=run_id)
    return _model_cache[run_id]


def candidate_probabilities(record: dict[str, str], person_ids: list[int]) -> dict[int, float]:
    """Match probabilities of registrations for a record being typed (search before register).

    Scored with the latest run's trained model (the priors before any run). The caller
    (``people.queries.identification_search``) has already applied its access rules.
    """
    if not person_ids or not any(record.values()):
        return {}
    ids, rows = registry_rows(person_ids)
    scored = engine.score_candidates(record, rows, candidate_ids=ids, model=_current_model())
    return {int(pair.right_id): pair.probability for pair in scored}
