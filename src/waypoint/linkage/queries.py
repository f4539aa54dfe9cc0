"""Reading identity groups and the review queue, always for an acting user.

A reviewer sees a pair only when both registrations are within their scope for a
reviewing role; anything else answers 404. Counts of unique people come from the identity
groups; ``unique_people_in`` needs no user (callers pass registrations they already
scoped), ``unique_people_range`` takes the acting user and counts within their scope.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, Exists, F, FloatField, OuterRef, Q, QuerySet, Value, When
from django.db.models.expressions import Combinable
from django.db.models.functions import Abs, Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _

from waypoint.accounts.scoping import scope_for
from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.core.lookups import one_in_scope
from waypoint.linkage import access, engine, grouping
from waypoint.linkage.access import Work
from waypoint.linkage.labels import field_label, level_label
from waypoint.linkage.models import (
    JOINING,
    CandidatePair,
    IdentityGroup,
    IdentityLink,
    LinkageRun,
    PairDecision,
    PairStatus,
    RunStatus,
)
from waypoint.linkage.services import (
    AUTO_LINK_THRESHOLD,
    REVIEW_FLOOR,
    STRICT_CUTOFF,
    registry_rows,
)
from waypoint.people.models import HouseholdMember, Person
from waypoint.people.queries import persons_visible_to
from waypoint.people.timeline import Kind as TimelineKind
from waypoint.people.timeline import TimelineEntry

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


@dataclass(frozen=True)
class Cutoffs:
    """The cut-offs of the unique-people range, from the newest finished run."""

    chosen: float  # the run's match threshold: pairs at or above it were linked
    strict: float  # only automatic links at or above it count
    loose: float  # pairs waiting for review at or above it count as links too


def current_cutoffs() -> Cutoffs:
    run = LinkageRun.objects.filter(status=RunStatus.DONE).order_by("-finished_at", "-pk").first()
    if run is None:
        return Cutoffs(AUTO_LINK_THRESHOLD, STRICT_CUTOFF, REVIEW_FLOOR)
    strict = run.strict_cutoff if run.strict_cutoff is not None else STRICT_CUTOFF
    return Cutoffs(run.threshold, max(strict, run.threshold), run.review_floor)


@dataclass(frozen=True)
class UniqueCount:
    """How many individuals some registrations are, with the range the cut-off allows.

    ``figure`` is the count as the identity groups stand (the chosen cut-off); ``high`` is
    the count when only automatic links at or above ``strict_cutoff`` hold (more people);
    ``low`` when every pair waiting for review (or marked unsure) at or above
    ``loose_cutoff`` is linked too (fewer people). A reviewer's "same" and "different"
    hold in all three, and so does keeping members of one household apart.
    """

    registrations: int
    low: int
    figure: int
    high: int
    cutoff: float
    strict_cutoff: float
    loose_cutoff: float
    whole_registry: bool  # False: only the registrations in the user's scope (or asked for)

    @property
    def is_exact(self) -> bool:
        return self.low == self.high


def _count_scope(user: Any) -> tuple[bool, QuerySet[Person]]:
    scope = scope_for(user, access.ROLES[Work.COUNT])
    if scope.national:
        return True, Person.objects.all()
    return False, Person.objects.filter(
        scope.site_filter("registered_at") | scope.site_filter("last_seen_at")
    )


def _households_paired() -> list[tuple[int, int]]:
    """Pairs (smaller id first) of members of one household who are both in some
    candidate pair: only they could ever end up in one group."""
    paired = Q(person_id__in=CandidatePair.objects.values("left_id")) | Q(
        person_id__in=CandidatePair.objects.values("right_id")
    )
    households: dict[int, list[int]] = {}
    for household_id, person_id in (
        HouseholdMember.objects.filter(paired)
        .order_by("household_id", "person_id")
        .values_list("household_id", "person_id")
        .iterator(chunk_size=20000)
    ):
        households.setdefault(household_id, []).append(person_id)
    return [
        (left, right)
        for members in households.values()
        for index, left in enumerate(members)
        for right in members[index + 1 :]
    ]


def unique_people_range(user: Any, *, persons: QuerySet[Person] | None = None) -> UniqueCount:
    """How many unique people the registrations in the user's scope (narrowed to
    ``persons`` when given) are, at the chosen, a stricter and a looser cut-off.

    Computed from the stored candidate pairs and reviewers' decisions, without the model:
    one pass over the pairs, strongest first (3.3 s, 2.2 CPU seconds, for 1,110,075
    registrations and 166,615 pairs on SQLite; docs/benchmarks.md). Analysts and identity
    reviewers may count; other roles get ``PermissionDenied``. An aggregate, so not
    audited.
    """
    access.require(user, Work.COUNT)
    national, counted = _count_scope(user)
    whole = national and persons is None
    if persons is not None:
        counted = counted.filter(pk__in=persons.values("pk")) if not national else persons
    ids: set[int] | None = None
    if whole:
        registrations = Person.objects.count()
    else:
        ids = set(counted.order_by().values_list("pk", flat=True).iterator(chunk_size=20000))
        registrations = len(ids)
    counts: dict[str, int] = {}

    def after(step: str, grouper: grouping.Grouper[int]) -> None:
        if step == grouping.DECIDED:
            return
        if ids is None:
            counts[step] = registrations - grouper.joins
        else:
            counts[step] = grouper.count_groups(ids)

    cutoffs = _group_by_cutoff(after)
    return UniqueCount(
        registrations=registrations,
        low=counts[grouping.LOOSE],
        figure=counts[grouping.CHOSEN],
        high=counts[grouping.STRICT],
        cutoff=cutoffs.chosen,
        strict_cutoff=cutoffs.strict,
        loose_cutoff=cutoffs.loose,
        whole_registry=whole,
    )


def may_count(user: Any) -> bool:
    return access.may(user, Work.COUNT)


# --- Review ----------------------------------------------------------------------------------


def _reviewable(user: Any) -> QuerySet[Person]:
    return persons_visible_to(user, roles=access.ROLES[Work.REVIEW])


def may_review(user: Any) -> bool:
    return access.may(user, Work.REVIEW)


def may_run(user: Any) -> bool:
    return access.may(user, Work.RUN)


def pairs_visible_to(user: Any) -> QuerySet[CandidatePair]:
    """Candidate pairs whose two registrations the user may review."""
    if not may_review(user):
        return CandidatePair.objects.none()
    people = _reviewable(user).values("pk")
    return CandidatePair.objects.filter(left__in=people, right__in=people).select_related(
        "left__registered_at", "right__registered_at"
    )


def pairs_counted_by(user: Any) -> QuerySet[CandidatePair]:
    """Candidate pairs whose two registrations are in the user's counting scope: what the
    range of a count rests on. For the queue as figures (probability, why it waits, how
    many registrations it affects), never for the records."""
    if not may_count(user):
        return CandidatePair.objects.none()
    national, persons = _count_scope(user)
    if national:
        return CandidatePair.objects.all()
    people = persons.values("pk")
    return CandidatePair.objects.filter(left__in=people, right__in=people)


def _queue_pairs(user: Any) -> QuerySet[CandidatePair]:
    """The pairs of the user's queue: to decide for reviewers, as figures for counters."""
    return pairs_visible_to(user) if may_review(user) else pairs_counted_by(user)


def _same_household() -> Exists:
    """True when the pair's two registrations are members of one household: such a pair
    waits for a reviewer however alike the two are (``services._households_together``)."""
    return Exists(
        HouseholdMember.objects.filter(
            person_id=OuterRef("left_id"), household__members__person_id=OuterRef("right_id")
        )
    )


def _group_size(side: str) -> Combinable:
    """Registrations in the group of the pair's ``side`` (1 when it is in none)."""
    return Coalesce(F(f"{side}__identity__canonical__identity_group__size"), Value(1))


def review_queue(user: Any, *, status: str = PairStatus.PENDING) -> QuerySet[CandidatePair]:
    """Pairs waiting for the user's decision (or marked unsure), those whose decision
    would change the counts most first; for a role that counts but does not review, the
    pairs its counts rest on (``pairs_counted_by``).

    Each pair is annotated with ``affected``, the registrations a decision would join
    (the two groups' sizes added up) or separate (the size of the one group both already
    belong to through other links), and ``impact``, which orders the queue::

        impact = (1 - |probability - cut-off|) x affected

    with the cut-off the newest run's match threshold: a pair near the line between "linked
    automatically" and "waiting" in a large group first. Ties: most likely first.
    """
    if status not in QUEUE_STATUSES:
        status = PairStatus.PENDING
    cutoff = current_cutoffs().chosen
    same_group = Q(
        left__identity__canonical_id__isnull=False,
        left__identity__canonical_id=F("right__identity__canonical_id"),
    )
    closeness = Value(1.0, output_field=FloatField()) - Abs(
        F("probability") - Value(cutoff, output_field=FloatField())
    )
    return (
        _queue_pairs(user)
        .filter(status=status)
        .annotate(
            affected=Case(
                When(same_group, then=_group_size("left")),
                default=_group_size("left") + _group_size("right"),
            )
        )
        .annotate(impact=closeness * F("affected"), same_household=_same_household())
        .order_by("-impact", "-probability", "pk")
    )


def queue_counts(user: Any) -> dict[str, int]:
    visible = _queue_pairs(user)
    return {status: visible.filter(status=status).count() for status in QUEUE_STATUSES}


def pair_for(user: Any, pair_id: int) -> CandidatePair:
    """One pair the user may review; ``Http404`` otherwise."""
    return one_in_scope(
        pairs_visible_to(user).annotate(same_household=_same_household()), pair_id, "pair"
    )


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
    left_group: IdentityGroup | None = None
    right_group: IdentityGroup | None = None
    differs: frozenset[str] = frozenset()  # the compared fields whose values differ
    cutoff: float = AUTO_LINK_THRESHOLD

    @property
    def same_group(self) -> bool:
        return self.left_group is not None and self.left_group == self.right_group


# What the two records of a pair are shown by, side by side (``linkage/partials/record.html``)
COMPARED_FIELDS = (
    "given_name",
    "given_name_original",
    "family_name",
    "family_name_original",
    "father_name",
    "mother_name",
    "sex",
    "birth_date",
    "place_of_birth",
    "nationality",
    "phone",
)


def _differing(left: Person, right: Person) -> frozenset[str]:
    """The ``COMPARED_FIELDS`` whose values differ between two records, case and spaces
    aside; documents differ when neither number is held by the other."""

    def value(person: Person, field: str) -> str:
        return " ".join(str(getattr(person, field) or "").casefold().split())

    found = {field for field in COMPARED_FIELDS if value(left, field) != value(right, field)}
    numbers = [{document.number for document in person.documents.all()} for person in (left, right)]
    if numbers[0] != numbers[1]:
        found.add("documents")
    return frozenset(found)


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
        left_group=group_for(people[pair.left_id]),
        right_group=group_for(people[pair.right_id]),
        differs=_differing(people[pair.left_id], people[pair.right_id]),
        cutoff=current_cutoffs().chosen,
    )


def decisions_visible_to(user: Any) -> QuerySet[PairDecision]:
    """Decisions on pairs the user may review, newest first."""
    return (
        PairDecision.objects.filter(pair__in=pairs_visible_to(user).values("pk"))
        .select_related("pair", "decided_by", "undone_by")
        .order_by("-decided_at", "-pk")
    )


def decision_for(user: Any, decision_id: int) -> PairDecision:
    return one_in_scope(decisions_visible_to(user), decision_id, "decision")


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
    """Deduplication runs (aggregates only) for the roles that count unique people."""
    if not may_count(user):
        return LinkageRun.objects.none()
    return LinkageRun.objects.select_related("started_by")


def run_for(user: Any, run_id: int) -> LinkageRun:
    return one_in_scope(runs_visible_to(user), run_id, "run")


def group_for(person: Person) -> IdentityGroup | None:
    """The identity group the registration belongs to (its size and weakest link)."""
    link = IdentityLink.objects.filter(person=person).first()
    if link is None:
        return None
    return IdentityGroup.objects.filter(canonical_id=link.canonical_id).first()


def identity_fragment(user: Any, person: Person) -> dict[str, Any] | None:
    """Context of ``linkage/partials/identity.html`` on the person page, or None."""
    others = group_of(user, person)
    if not others:
        return None
    return {"identity_others": others, "identity_group": group_for(person)}


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


def identity_groupings() -> dict[str, dict[int, int]]:
    """Registration -> its identity group's smallest registration, at the strict, the chosen
    and the loose cut-off (``strict``, ``chosen``, ``loose``); registrations alone in their
    group are left out. Estimates use it to show how much they depend on linkage."""
    tiers = {grouping.STRICT: "strict", grouping.CHOSEN: "chosen", grouping.LOOSE: "loose"}
    found: dict[str, dict[int, int]] = {}

    def after(step: str, grouper: grouping.Grouper[int]) -> None:
        if step in tiers:
            found[tiers[step]] = dict(grouper.canonical())

    _group_by_cutoff(after)
    return found


def _group_by_cutoff(after: Callable[[str, grouping.Grouper[int]], None]) -> Cutoffs:
    """Group every stored pair at the current cut-offs, calling ``after`` at each step."""
    cutoffs = current_cutoffs()
    pairs = list(
        CandidatePair.objects.order_by().values_list("left_id", "right_id", "probability", "status")
    )
    grouping.groups_by_cutoff(
        pairs,
        together=_households_paired(),
        strict=cutoffs.strict,
        loose=cutoffs.loose,
        after=after,
    )
    return cutoffs


# --- The person's timeline (registered into people.timeline) ------------------------------


def timeline_identity(user: Any, persons: Sequence[Person]) -> list[TimelineEntry]:
    """Timeline source "identity" (linkage): the pairs that linked ``persons`` automatically
    and every reviewer's decision on their pairs (merged, kept apart, split again by an
    undo), for anyone who may read the person. The other registration is named only when the
    user may see it; reviewers' notes are not shown; the pair opens only for reviewers."""
    ids = [person.pk for person in persons]
    numbers = {person.pk: person.registration_number for person in persons}
    pairs = list(CandidatePair.objects.filter(Q(left__in=ids) | Q(right__in=ids)))
    if not pairs:
        return []
    sides = {side for pair in pairs for side in (pair.left_id, pair.right_id)}
    visible = dict(
        persons_visible_to(user).filter(pk__in=sides).values_list("pk", "registration_number")
    )
    reviewable = set(
        pairs_visible_to(user)
        .filter(pk__in=[pair.pk for pair in pairs])
        .values_list("pk", flat=True)
    )
    entries: list[TimelineEntry] = []

    def named(person_id: int) -> str:
        return visible.get(person_id) or _("a registration outside your scope")

    def entry(pair: CandidatePair, when: Any, title: str, source: str) -> TimelineEntry:
        own = pair.left_id if pair.left_id in numbers else pair.right_id
        return TimelineEntry(
            when,
            TimelineKind.IDENTITY,
            title,
            _("%(one)s and %(other)s")
            % {"one": named(pair.left_id), "other": named(pair.right_id)},
            source=source,
            url=reverse("linkage:pair", args=[pair.pk]) if pair.pk in reviewable else None,
            registration=numbers[own],
        )

    for pair in pairs:
        if pair.status == PairStatus.AUTO:
            title = _("Linked automatically as the same person (match %(percent)s%%)") % {
                "percent": round(pair.probability * 100)
            }
            entries.append(
                entry(pair, pair.updated_at, title, _("Linkage · pair %(id)s") % {"id": pair.pk})
            )
    decisions = PairDecision.objects.filter(pair__in=pairs).select_related("pair", "undoes")
    for decision in decisions:
        if decision.after == PairStatus.SAME:
            title = _("Identity merged: the same person")
        elif decision.before in JOINING:
            title = _("Identity split: no longer the same person")
        elif decision.after == PairStatus.DIFFERENT:
            title = _("Identity review: different people")
        else:
            title = _("Identity review: %(status)s") % {"status": PairStatus(decision.after).label}
        source = _("Linkage · decision %(id)s") % {"id": decision.pk}
        entries.append(entry(decision.pair, decision.decided_at, title, source))
    return entries
