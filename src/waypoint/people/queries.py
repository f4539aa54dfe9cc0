"""Reading people. Every function takes the acting user and returns only what their scope allows."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from waypoint.accounts.scoping import scope_for
from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.people.models import Person


def persons_visible_to(user: Any) -> QuerySet[Person]:
    """Registrations the user's personal-data roles cover: registered at, or last seen at, a
    site in scope. Other roles see none."""
    scope = scope_for(user)
    if scope.is_empty:
        return Person.objects.none()
    people = Person.objects.select_related("registered_at", "last_seen_at")
    if scope.national:
        return people
    return people.filter(scope.site_filter("registered_at") | scope.site_filter("last_seen_at"))


def person_for(user: Any, person_id: int) -> Person:
    """One registration the user may see; ``Http404`` when it does not exist or is out of scope."""
    try:
        return persons_visible_to(user).get(pk=person_id)
    except (Person.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404("No such person.") from None


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
