"""Reading people. Every function takes the acting user and returns only what their scope allows."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Case, Count, Q, QuerySet, Value, When
from django.http import Http404

from waypoint.accounts.scoping import scope_for
from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.core.lookups import one_in_scope
from waypoint.people import access
from waypoint.people.access import Work
from waypoint.people.models import (
    Household,
    HouseholdMember,
    IdentityDocument,
    NameKey,
    Person,
    Sex,
)
from waypoint.people.names import (
    KEY_LENGTH,
    best_by_identity,
    is_placeholder_date,
    name_keys,
    name_tokens,
    pair_keys,
    skeleton,
    typed_name_keys,
)
from waypoint.places.models import Site


def persons_visible_to(user: Any, *, roles: Iterable[str] | None = None) -> QuerySet[Person]:
    """Registrations the user's personal-data roles (or ``roles``) cover: registered at, or
    last seen at, a site in scope. Other roles see none."""
    scope = scope_for(user, access.ROLES[Work.READ] if roles is None else roles)
    if scope.is_empty:
        return Person.objects.none()
    people = Person.objects.select_related("registered_at", "last_seen_at")
    if scope.national:
        return people
    return people.filter(scope.site_filter("registered_at") | scope.site_filter("last_seen_at"))


def person_for(user: Any, person_id: int) -> Person:
    """One registration the user may see; ``Http404`` when it does not exist or is out of scope."""
    return one_in_scope(persons_visible_to(user), person_id, "person")


def registrations_summary(user: Any) -> dict[str, int]:
    """How many registrations the user can see, and at how many sites (for the landing page)."""
    visible = persons_visible_to(user)
    return {
        "registrations": visible.count(),
        "site_count": visible.values("registered_at").distinct().count(),
    }


def person_view(user: Any, person_id: int, *, purpose: str = "") -> Person:
    """``person_for`` that also records that the user opened the record."""
    person = person_for(user, person_id)
    audit_record(
        actor=user, action=Action.VIEW, target=person, person_id=person.pk, purpose=purpose
    )
    return person


# --- Identification: search before register -----------------------------------------------

HIT_LIMIT = 10
CANDIDATE_LIMIT = 300


# Search before register shows a likelihood only from this one on (below it, the model says
# the two are unrelated), and reads as near-certain the same name (in any script or spelling
# of its sounds), date of birth and nationality, whatever the model's score.
SHOWN_FROM = 0.01
SAME_IDENTITY = 0.99


@dataclass(frozen=True)
class IdentificationHit:
    """What a national identification search may reveal: identity fields and last centre."""

    person_id: int
    registration_number: str
    given_name: str
    family_name: str
    father_name: str
    original_name: str
    sex: str
    birth_date: date | None
    nationality: str
    last_seen_at: str
    last_seen_on: date | None
    score: float
    in_scope: bool
    probability: float | None = None  # from the linkage model, when one ranks candidates

    @property
    def sex_label(self) -> str:
        return str(Sex(self.sex).label) if self.sex in Sex.values else self.sex

    @property
    def likelihood_percent(self) -> int | None:
        """The likelihood to show, or None: below ``SHOWN_FROM`` the model says only that the
        two are unrelated, which "0% likely" put badly; the row stays, by its name keys."""
        if self.probability is None or self.probability < SHOWN_FROM:
            return None
        return max(1, round(self.probability * 100))


# Apps to the right of people (linkage) rank candidates with their model: a ranker gets
# the typed record (roles given_name/full_name, birth_date, nationality, document_number)
# and candidate person ids, and returns each id's match probability.
CandidateRanker = Callable[[dict[str, str], list[int]], dict[int, float]]
_candidate_rankers: list[CandidateRanker] = []
# How many of the best name-key candidates the ranker scores.
RANKED_CANDIDATES = 50


def register_candidate_ranker(ranker: CandidateRanker) -> None:
    if ranker not in _candidate_rankers:
        _candidate_rankers.append(ranker)


def birth_date_variants(born: date) -> tuple[list[int], list[date]]:
    """The birth years and dates a second registration of someone born on ``born`` is
    likely to carry: the year and a year either side; the date itself, with day and month
    swapped, and a year off. A 01.01 placeholder says only the year."""
    years = [year for year in (born.year - 1, born.year, born.year + 1) if 1 <= year <= 9999]
    if is_placeholder_date(born):
        return years, []
    days = [born]
    candidates = [(born.year, born.day, born.month)]
    candidates += [(born.year + shift, born.month, born.day) for shift in (-1, 1)]
    for year, month, day in candidates:
        try:
            other = date(year, month, day)
        except ValueError:  # no 29 February that year, no 13th month
            continue
        if other not in days:
            days.append(other)
    return years, days


def typed_search_keys(text: str, born: date | None = None) -> tuple[list[str], list[str]]:
    """(single keys, keys to look up) for a typed name and date of birth.

    The single keys are ``typed_name_keys``: the text read as one name, then each word as
    a field of its own. The keys looked up are their pairs and, with a date of birth, each
    single key with the years and dates ``birth_date_variants`` gives (the ``dated_keys``
    every registration carries). A person matches more of them the more of the name and
    date agree, so the count ranks candidates within the index; each name on its own,
    with the date, still reaches a person whose other name was left out, misspelt or
    written another way.
    """
    singles = typed_name_keys(text)
    lookup = sorted(pair_keys(singles))
    if born is not None and singles:
        years, days = birth_date_variants(born)
        for single in singles[:6]:
            lookup += [f"{single}@{year:04d}" for year in years]
            lookup += [f"{single}@{day.isoformat()}" for day in days]
    return singles, [key[:KEY_LENGTH] for key in lookup]


def _candidate_ids(text: str, limit: int, born: date | None = None) -> list[tuple[int, int]]:
    """(person id, how many keys matched), best first, from the name-key index.

    One grouped look-up of ``typed_search_keys``: most keys matched first, then the
    newest registration. A single name typed without a date of birth adds the newest
    registrations holding it, straight off the index (one common name has too many
    holders to group within the budget).
    """
    singles, lookup = typed_search_keys(text, born)
    found: dict[int, int] = {}
    if lookup:
        rows = (
            NameKey.objects.filter(key__in=lookup)
            .values("person_id")
            .annotate(matched=Count("key"))
            .order_by("-matched", "-person_id")[:limit]
        )
        found = {row["person_id"]: row["matched"] for row in rows}
    if born is None and len(name_keys(text)) == 1:
        newest = NameKey.objects.filter(key=singles[0]).order_by("-person_id")
        for person_id in newest.values_list("person_id", flat=True)[: limit - len(found)]:
            found.setdefault(person_id, 1)
    return sorted(found.items(), key=lambda item: (-item[1], -item[0]))


def identification_search(
    user: Any,
    *,
    name: str = "",
    birth_date: date | None = None,
    nationality: str = "",
    number: str = "",
    purpose: str = "search before register",
) -> list[IdentificationHit]:
    """Likely existing registrations across ALL centres, for registration roles only.

    Matches names in any script or spelling (via ``people.names``), registration numbers and
    document numbers; ranks by matched name keys, then date of birth (same year counts) and
    nationality. Returns identity fields and the last centre only; full records stay
    within the user's scope. Every search is audited, without its terms, with the ids of
    the registrations it showed.
    """
    if not access.may(user, Work.IDENTIFY):
        return []
    scores: dict[int, float] = {}
    number = number.strip().upper()
    if number:
        exact = Person.objects.filter(registration_number=number).values_list("id", flat=True)
        documents = IdentityDocument.objects.filter(number=number).values_list(
            "person_id", flat=True
        )
        for person_id in [*exact[:HIT_LIMIT], *documents[:HIT_LIMIT]]:
            scores[person_id] = scores.get(person_id, 0) + 10
    if name.strip():
        for person_id, matched in _candidate_ids(name[:200], CANDIDATE_LIMIT, birth_date):
            scores[person_id] = scores.get(person_id, 0) + 2 * matched
    if not scores:
        if name.strip() or number:
            audit_record(
                actor=user, action=Action.SEARCH, object_type="people.person", purpose=purpose
            )
        return []
    rows: dict[int, tuple[str, date | None, str]] = {}
    for pk, given, family, father, born, country in Person.objects.filter(
        pk__in=list(scores)
    ).values_list("pk", "given_name", "family_name", "father_name", "birth_date", "nationality"):
        rows[pk] = (f"{given} {family} {father}", born, country)
    best_scored = best_by_identity(
        name,
        birth_date,
        nationality,
        # ties stay in the order the index gave
        ((pk, score, *rows[pk]) for pk, score in scores.items() if pk in rows),
        keep=max(RANKED_CANDIDATES, HIT_LIMIT),
    )
    scores = dict(best_scored)
    ranked = [person_id for person_id, _score in best_scored]
    probabilities: dict[int, float] = {}
    for ranker in _candidate_rankers:
        record = {
            "full_name": name[:200],
            "birth_date": birth_date.isoformat() if birth_date else "",
            "nationality": nationality,
            "document_number": number,
        }
        probabilities = ranker(record, ranked[:RANKED_CANDIDATES])
    best = sorted(
        ranked, key=lambda person_id: (-probabilities.get(person_id, -1.0), -scores[person_id])
    )[:HIT_LIMIT]
    people = Person.objects.filter(pk__in=best).select_related("last_seen_at", "registered_at")
    scope = scope_for(user, access.ROLES[Work.READ])
    typed = _name_sounds(name)
    hits = []
    for person in people:
        probability = probabilities.get(person.pk)
        if _same_identity(typed, birth_date, nationality, person):
            probability = max(probability or 0.0, SAME_IDENTITY)
        hits.append(
            IdentificationHit(
                person_id=person.pk,
                registration_number=person.registration_number,
                given_name=person.given_name,
                family_name=person.family_name,
                father_name=person.father_name,
                original_name=" ".join(
                    part
                    for part in (person.given_name_original, person.family_name_original)
                    if part
                ),
                sex=person.sex,
                birth_date=person.birth_date,
                nationality=person.nationality,
                last_seen_at=person.last_seen_at.name if person.last_seen_at else "",
                last_seen_on=person.last_seen_on,
                score=round(scores[person.pk], 2),
                probability=probability,
                in_scope=scope.allows_site(person.registered_at)
                or scope.allows_site(person.last_seen_at),
            )
        )
    hits.sort(
        key=lambda hit: (
            -(hit.probability if hit.probability is not None else -1.0),
            -hit.score,
            hit.registration_number,
        )
    )
    audit_record(
        actor=user,
        action=Action.SEARCH,
        object_type="people.person",
        purpose=purpose,
        changed_fields=[f"hits:{len(hits[:HIT_LIMIT])}"],
        object_ids=[hit.person_id for hit in hits[:HIT_LIMIT]],
    )
    return hits[:HIT_LIMIT]


def _name_sounds(text: str) -> frozenset[str]:
    """The consonant skeletons of a name's words: the same for Mohammad, Mohamad and محمد,
    whatever the order of the words."""
    return frozenset(skeleton(token) for token in name_tokens(text) if token)


def _same_identity(
    typed: frozenset[str], birth_date: date | None, nationality: str, person: Person
) -> bool:
    if not typed or birth_date is None or person.birth_date != birth_date:
        return False
    if not nationality or nationality.upper() != person.nationality:
        return False
    latin = f"{person.given_name} {person.family_name}"
    original = f"{person.given_name_original} {person.family_name_original}"
    return typed in (_name_sounds(latin), _name_sounds(original))


# From this likelihood on, saving a registration stops and asks whether it is the same
# person (``people.views.register``).
LIKELY_DUPLICATE = 0.5


def likely_duplicates(user: Any, data: dict[str, Any]) -> list[IdentificationHit]:
    """Registrations that are likely the person about to be registered (``data``: the
    registration form's cleaned data), most likely first; empty when none reaches
    ``LIKELY_DUPLICATE``."""
    names = [
        f"{data.get('given_name', '')} {data.get('family_name', '')}",
        f"{data.get('given_name_original', '')} {data.get('family_name_original', '')}",
    ]
    found: dict[int, IdentificationHit] = {}
    for name in (name.strip() for name in names):
        if not name:
            continue
        for hit in identification_search(
            user,
            name=name,
            birth_date=data.get("birth_date"),
            nationality=data.get("nationality", ""),
            purpose="likely duplicates before registering",
        ):
            if (hit.probability or 0.0) >= LIKELY_DUPLICATE:
                found.setdefault(hit.person_id, hit)
    return sorted(found.values(), key=lambda hit: -(hit.probability or 0.0))


def persons_search(user: Any, text: str) -> QuerySet[Person]:
    """Registrations in the user's scope matching a name, registration or document number,
    best first (``search_order``); newest first when nothing is typed."""
    people = persons_visible_to(user)
    text = text.strip()[:200]
    if not text:
        return people.order_by("-registered_on", "-id")
    upper = text.upper()
    by_number = Q(registration_number=upper) | Q(documents__number=upper)
    matched = dict(_candidate_ids(text, limit=500))
    rows = (
        people.filter(by_number | Q(pk__in=list(matched)))
        .distinct()
        .values_list("pk", "registration_number", *SEARCHED_NAMES)
    )
    ranked = search_order(text, matched, rows)
    if not ranked:
        return people.none()
    return people.filter(pk__in=ranked).order_by(
        Case(*(When(pk=pk, then=Value(place)) for place, pk in enumerate(ranked))), "-id"
    )


SEARCHED_NAMES = ("given_name", "family_name", "given_name_original", "family_name_original")


def search_order(text: str, matched: dict[int, int], rows: Iterable[tuple[Any, ...]]) -> list[int]:
    """Ids of ``rows`` (pk, registration number, then the ``SEARCHED_NAMES``) in the order a
    reader expects: the registration or document number typed; then those holding every
    word typed as written (in either script), then most of them; then most index keys
    matched (``matched``: a spelling that sounds alike); newest last among equals.

    A search for "Rahimi" lists the Rahimis before a Rahim or a Rahimullah, which share
    the key but not the name.
    """
    upper = text.upper()
    typed = set(name_tokens(text))

    def rank(row: tuple[Any, ...]) -> tuple[int, int, int, int, int]:
        pk, number, *names = row
        held = set(name_tokens(" ".join(name for name in names if name)))
        exact = len(typed & held)
        return (
            0 if number == upper or pk not in matched else 1,
            -(exact == len(typed) and exact > 0),
            -exact,
            -matched.get(pk, 0),
            -pk,
        )

    return [row[0] for row in sorted(rows, key=rank)]


def registration_sites_for(user: Any) -> QuerySet[Site]:
    """Sites that issue registration numbers where the user holds a registering role."""
    scope = scope_for(user, access.ROLES[Work.REGISTER])
    if scope.is_empty:
        return Site.objects.none()
    return scope.sites().exclude(registration_prefix="").order_by("name")


def household_of(user: Any, person: Person) -> dict[str, Any] | None:
    """The household of a person already read through a scoped query: its members the user
    may see (``members``) and how many others there are (``elsewhere``), never who they are
    or where they were registered."""
    membership = HouseholdMember.objects.filter(person=person).select_related("household").first()
    if membership is None:
        return None
    members = list(
        HouseholdMember.objects.filter(household=membership.household).select_related("person")
    )
    visible = set(
        persons_visible_to(user)
        .filter(pk__in=[member.person_id for member in members])
        .values_list("pk", flat=True)
    )
    return {
        "household": membership.household,
        "members": [member for member in members if member.person_id in visible],
        "elsewhere": sum(1 for member in members if member.person_id not in visible),
    }


def household_head_for(user: Any, household_id: int) -> Person:
    """The head of a household the user can see; Http404 otherwise."""
    household = one_in_scope(Household.objects.all(), household_id, "household")
    if household.head_id is None:
        raise Http404("No such household.")
    return person_for(user, household.head_id)


def households_visible_to(user: Any) -> QuerySet[Household]:
    """Households whose head the user can see."""
    heads = persons_visible_to(user).values("pk")
    return Household.objects.filter(head__in=heads).prefetch_related("members").order_by("pk")
