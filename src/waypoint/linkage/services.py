"""Writing identity groups: the registry's deduplication run and reviewers' decisions.

Every change to who-is-who is audited: a run as one event, a decision or its undoing as
one event per registration it touches (merge, split or update), with no field values.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.core.batches import chunks
from waypoint.linkage import access, engine, grouping
from waypoint.linkage.access import Work
from waypoint.linkage.models import (
    DECISIONS,
    JOINING,
    CandidatePair,
    IdentityGroup,
    IdentityLink,
    LinkageRun,
    PairDecision,
    PairStatus,
    RunStatus,
)
from waypoint.people.models import DatePrecision, HouseholdMember, IdentityDocument, Person

logger = logging.getLogger(__name__)

# Who may decide pairs and start runs. Decisions also need both records in the user's scope.
# (``access.ROLES`` is the one copy; these names stay for the modules that import them.)
# The registry links a pair without review only when the model is very sure: a wrong merge
# hides a person, so the band where the benchmark's best-F1 cut-off lies
# (``engine.DEFAULT_THRESHOLD``) goes to reviewers instead. Below the floor, pairs are dropped.
AUTO_LINK_THRESHOLD = 0.95
REVIEW_FLOOR = 0.3
# The stricter cut-off of the unique-people range: at 0.99 the benchmark's precision is
# above 0.99 at every size, so the count there is close to an upper bound on the people.
STRICT_CUTOFF = 0.99
SAVE_BATCH = 2000


# --- Registry rows ---------------------------------------------------------------------------


def _birth_text(birth: date | None, precision: str) -> str:
    if birth is None:
        return ""
    if precision in (DatePrecision.YEAR, DatePrecision.ESTIMATED):
        return str(birth.year)
    return birth.isoformat()


def person_row(person: dict[str, Any], document: str = "") -> dict[str, str]:
    """A registration as the linkage roles see it (``person`` is a ``values()`` row)."""
    return {
        "given_name": person["given_name"],
        "family_name": person["family_name"],
        "father_name": person["father_name"],
        "mother_name": person["mother_name"],
        "birth_date": _birth_text(person["birth_date"], person["birth_date_precision"]),
        "birth_place": person["place_of_birth"],
        "sex": "" if person["sex"] == "U" else person["sex"],
        "nationality": "" if person["nationality"] in ("", "XXX") else person["nationality"],
        "document_number": document,
        "phone": person["phone"],
    }


PERSON_FIELDS = (
    "pk",
    "given_name",
    "family_name",
    "father_name",
    "mother_name",
    "birth_date",
    "birth_date_precision",
    "place_of_birth",
    "sex",
    "nationality",
    "phone",
)


def registry_rows(people: Iterable[int] | None = None) -> tuple[list[str], list[dict[str, str]]]:
    """(person ids as text, linkage rows) for the whole registry, or the given people."""
    persons = Person.objects.order_by("pk")
    documents = IdentityDocument.objects.order_by("person_id", "kind")
    if people is not None:
        wanted = list(people)
        persons = persons.filter(pk__in=wanted)
        documents = documents.filter(person_id__in=wanted)
    first_document: dict[int, str] = {}
    for person_id, number in documents.values_list("person_id", "number").iterator(10000):
        first_document.setdefault(person_id, number)
    ids: list[str] = []
    rows: list[dict[str, str]] = []
    for person in persons.values(*PERSON_FIELDS).iterator(chunk_size=10000):
        ids.append(str(person["pk"]))
        rows.append(person_row(person, first_document.get(person["pk"], "")))
    return ids, rows


# --- The batch run ---------------------------------------------------------------------------


def run_request(
    *,
    actor: Any,
    threshold: float = AUTO_LINK_THRESHOLD,
    review_floor: float = REVIEW_FLOOR,
    background: bool = True,
) -> LinkageRun:
    """Queue a deduplication of the whole registry; refused while another run is active.

    With ``background`` the run is a task for ``waypoint db_worker``; without, the caller
    runs it with ``run_execute`` itself (the command line and the demo do).
    """
    access.require(actor, Work.RUN)
    if not 0 < review_floor <= threshold < 1:
        raise ValidationError(_("The review band must lie between 0 and the match threshold."))
    with transaction.atomic():
        if (
            LinkageRun.objects.select_for_update()
            .filter(status__in=(RunStatus.QUEUED, RunStatus.RUNNING))
            .exists()
        ):
            raise ValidationError(_("A deduplication run is already queued or running."))
        run = LinkageRun.objects.create(
            started_by=actor, threshold=threshold, review_floor=review_floor
        )
        audit_record(actor=actor, action=Action.CREATE, target=run, purpose="deduplication")
        if background:
            # The database backend stores the task in this transaction: no run without it.
            from waypoint.linkage.tasks import deduplicate_registry

            deduplicate_registry.enqueue(run.pk)
    return run


def _progress(run: LinkageRun, percent: int, step: str) -> None:
    run.progress, run.step = percent, step
    run.save(update_fields=["progress", "step", "status", "started_at"])


def run_execute(*, run: LinkageRun) -> LinkageRun:
    """Deduplicate the registry into identity groups; the run records progress as it goes.

    Reviewers' decisions survive: a pair decided same, different or unsure keeps its
    status and only gets the new score. Automatic links and review items the new scores
    no longer support are dropped. A failure marks the run failed and changes nothing.
    """
    run.status, run.started_at = RunStatus.RUNNING, timezone.now()
    _progress(run, 5, "reading registrations")
    try:
        ids, rows = registry_rows()
        run.records = len(ids)
        _progress(run, 15, "training the model")
        index_of = {person_id: index for index, person_id in enumerate(ids)}
        labelled = [
            (index_of[str(left)], index_of[str(right)])
            for left, right in CandidatePair.objects.filter(status=PairStatus.SAME).values_list(
                "left_id", "right_id"
            )
        ]
        model = engine.train(rows, labelled_pairs=labelled)
        _progress(run, 40, "scoring pairs")
        scored = engine.score_pairs(rows, ids=ids, threshold=run.review_floor, model=model)
        _progress(run, 75, "saving pairs and groups")
        with transaction.atomic():
            _pairs_save(run, scored, _households_together())
            run.strict_cutoff = max(STRICT_CUTOFF, run.threshold)
            run.loose_cutoff = run.review_floor
            joins = _groups_rebuild(strict=run.strict_cutoff, loose=run.loose_cutoff)
            run.groups = len(ids) - joins[grouping.CHOSEN]
            run.groups_high = len(ids) - joins[grouping.STRICT]
            run.groups_low = len(ids) - joins[grouping.LOOSE]
            run.model = model
            run.status, run.progress, run.step = RunStatus.DONE, 100, "done"
            run.finished_at = timezone.now()
            run.save()
            audit_record(
                actor=run.started_by,
                action=Action.MERGE,
                target=run,
                purpose="deduplication",
                changed_fields=["identity groups"],
            )
    except Exception as error:
        # The log and the message name the step and the kind of error, never a record: an
        # exception's text or traceback may quote the names being compared.
        logger.error(
            "deduplication run %s failed at %s: %s", run.pk, run.step, type(error).__name__
        )
        run.status, run.finished_at = RunStatus.FAILED, timezone.now()
        run.error = f"{run.step}: {type(error).__name__}"[:300]
        run.save(update_fields=["status", "finished_at", "error"])
    return run


def _contributions(pair: engine.ScoredPair) -> list[list[Any]]:
    return [[part.field, part.level, round(part.weight, 3)] for part in pair.contributions]


def _households_together(people: Iterable[int] | None = None) -> set[tuple[int, int]]:
    """Pairs of registrations (smaller id first) that are members of one household.

    A household is registered together, so its members are different people, however
    alike their records (brothers and sisters share family, father's and mother's names
    and often a place of birth). Such a pair is never linked automatically; only a
    reviewer can put it in one group (a registration entered twice).
    """
    members = HouseholdMember.objects.order_by("household_id", "person_id")
    if people is not None:
        members = members.filter(household__members__person_id__in=list(people)).distinct()
    households: dict[int, list[int]] = {}
    for household_id, person_id in members.values_list("household_id", "person_id"):
        households.setdefault(household_id, []).append(person_id)
    return {
        (left, right)
        for persons in households.values()
        for index, left in enumerate(persons)
        for right in persons[index + 1 :]
    }


def _pairs_save(
    run: LinkageRun, scored: list[engine.ScoredPair], together: set[tuple[int, int]]
) -> None:
    existing = {(pair.left_id, pair.right_id): pair for pair in CandidatePair.objects.all()}
    seen: set[tuple[int, int]] = set()
    new: list[CandidatePair] = []
    changed: list[CandidatePair] = []
    linked = 0
    for found in scored:
        left, right = sorted((int(found.left_id), int(found.right_id)))
        seen.add((left, right))
        sure = found.probability >= run.threshold and (left, right) not in together
        linked += sure
        automatic = PairStatus.AUTO if sure else PairStatus.PENDING
        pair = existing.get((left, right))
        if pair is None:
            new.append(
                CandidatePair(
                    left_id=left,
                    right_id=right,
                    probability=found.probability,
                    contributions=_contributions(found),
                    status=automatic,
                    run=run,
                )
            )
            continue
        pair.probability, pair.contributions, pair.run = (
            found.probability,
            _contributions(found),
            run,
        )
        if pair.status in (PairStatus.AUTO, PairStatus.PENDING):
            pair.status = automatic
        changed.append(pair)
    stale = [
        pair.pk
        for key, pair in existing.items()
        if key not in seen and pair.status in (PairStatus.AUTO, PairStatus.PENDING)
    ]
    for chunk in chunks(stale, SAVE_BATCH):
        CandidatePair.objects.filter(pk__in=chunk).delete()
    CandidatePair.objects.bulk_create(new, batch_size=SAVE_BATCH)
    CandidatePair.objects.bulk_update(
        changed, ["probability", "contributions", "run", "status"], batch_size=SAVE_BATCH
    )
    run.pairs = len(scored)
    run.linked = linked
    run.queued = CandidatePair.objects.filter(status=PairStatus.PENDING).count()


PAIR_COLUMNS = ("left_id", "right_id", "probability", "status")


def _groups_save(people: Iterable[int] | None, snapshot: dict[str, Any]) -> None:
    """Replace the links and groups of ``people`` (everyone when None) with ``snapshot``."""
    links, groups = IdentityLink.objects.all(), IdentityGroup.objects.all()
    if people is not None:
        wanted = list(people)
        links, groups = links.filter(person_id__in=wanted), groups.filter(canonical_id__in=wanted)
    links.delete()
    groups.delete()
    IdentityLink.objects.bulk_create(
        [
            IdentityLink(person_id=person, canonical_id=first)
            for person, first in snapshot["canonical"].items()
        ],
        batch_size=SAVE_BATCH,
    )
    IdentityGroup.objects.bulk_create(
        [
            IdentityGroup(canonical_id=first, size=size, weakest_link=min(weakest, 1.0))
            for first, (size, weakest) in snapshot["weakest"].items()
        ],
        batch_size=SAVE_BATCH,
    )


def _grouped(
    pairs: Any, together: set[tuple[int, int]], *, strict: float, loose: float
) -> tuple[dict[str, Any], dict[str, int]]:
    """The groups as they stand (canonical ids and weakest links), and the number of joins
    after each step of ``grouping.groups_by_cutoff``."""
    snapshot: dict[str, Any] = {}
    joins: dict[str, int] = {}

    def after(step: str, grouper: grouping.Grouper[int]) -> None:
        joins[step] = grouper.joins
        if step == grouping.CHOSEN:
            snapshot["canonical"] = grouper.canonical()
            snapshot["weakest"] = grouper.weakest_links()

    grouping.groups_by_cutoff(
        pairs.values_list(*PAIR_COLUMNS).iterator(chunk_size=10000),
        together=together,
        strict=strict,
        loose=loose,
        after=after,
    )
    return snapshot, joins


def _groups_rebuild(
    *, strict: float = STRICT_CUTOFF, loose: float = REVIEW_FLOOR
) -> dict[str, int]:
    """Recompute every group; returns how many joins each step of the range made
    (registrations minus joins is the number of unique people at that step)."""
    snapshot, joins = _grouped(
        CandidatePair.objects.all(), _households_together(), strict=strict, loose=loose
    )
    _groups_save(None, snapshot)
    return joins


def _component(seeds: Iterable[int]) -> set[int]:
    """The registrations reachable from ``seeds`` through joining pairs."""
    found = set(seeds)
    frontier = set(found)
    while frontier:
        near = CandidatePair.objects.filter(
            Q(left_id__in=frontier) | Q(right_id__in=frontier), status__in=JOINING
        ).values_list("left_id", "right_id")
        reached = {person for pair in near for person in pair} - found
        found |= reached
        frontier = reached
    return found


def _regroup(seeds: Iterable[int]) -> dict[int, int]:
    """Recompute the groups around ``seeds``; returns person -> canonical for them."""
    people = _component(seeds)
    pairs = CandidatePair.objects.filter(
        left_id__in=people, right_id__in=people, status__in=[*JOINING, PairStatus.DIFFERENT]
    )
    snapshot, _joins = _grouped(
        pairs, _households_together(people), strict=STRICT_CUTOFF, loose=REVIEW_FLOOR
    )
    _groups_save(people, snapshot)
    canonical: dict[int, int] = snapshot["canonical"]
    return canonical


# --- Reviewers' decisions --------------------------------------------------------------------


def _audit_pair(actor: Any, pair: CandidatePair, before: str, after: str, note: str) -> None:
    joined_before, joined_after = before in JOINING, after in JOINING
    if joined_after and not joined_before:
        action = Action.MERGE
    elif joined_before and not joined_after:
        action = Action.SPLIT
    else:
        action = Action.UPDATE
    for person_id in (pair.left_id, pair.right_id):
        audit_record(
            actor=actor,
            action=action,
            target=pair,
            person_id=person_id,
            purpose="identity review",
            changed_fields=["identity group" if action != Action.UPDATE else "pair status"],
        )


def _change(
    *, actor: Any, pair: CandidatePair, after: str, note: str, undoes: PairDecision | None
) -> PairDecision:
    before = pair.status
    decision = PairDecision.objects.create(
        pair=pair, before=before, after=after, decided_by=actor, note=note[:300], undoes=undoes
    )
    pair.status = after
    pair.save(update_fields=["status", "updated_at"])
    _regroup([pair.left_id, pair.right_id])
    _audit_pair(actor, pair, before, after, note)
    return decision


def pair_decide(*, actor: Any, pair: CandidatePair, decision: str, note: str = "") -> PairDecision:
    """Record a reviewer's decision (same, different or unsure) and regroup around the pair.

    ``pair`` must come from ``queries.pair_for(actor, ...)``, which applies the scope.
    """
    access.require(actor, Work.REVIEW)
    if decision not in DECISIONS:
        raise ValidationError(_("Choose same person, different people or unsure."))
    with transaction.atomic():
        pair = CandidatePair.objects.select_for_update().get(pk=pair.pk)
        if pair.status == decision:
            raise ValidationError(_("The pair already has this decision."))
        return _change(actor=actor, pair=pair, after=decision, note=note, undoes=None)


def decision_undo(*, actor: Any, decision: PairDecision) -> PairDecision:
    """Put the pair back as it was before ``decision``; the groups follow.

    Refused when the decision was already undone or the pair was decided again since.
    """
    access.require(actor, Work.REVIEW)
    with transaction.atomic():
        pair = CandidatePair.objects.select_for_update().get(pk=decision.pair_id)
        if PairDecision.objects.filter(undoes=decision).exists():
            raise ValidationError(_("This decision has already been undone."))
        if pair.status != decision.after:
            raise ValidationError(
                _("The pair was decided again since; undo the later decision first.")
            )
        return _change(
            actor=actor,
            pair=pair,
            after=decision.before,
            note=_("Undo of decision %(id)s") % {"id": decision.pk},
            undoes=decision,
        )
