"""One object in scope, or 404: the lookup every ``queries.py`` ends its ``*_for`` with."""

from __future__ import annotations

from typing import TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet
from django.http import Http404

M = TypeVar("M", bound=Model)


def one_in_scope(rows: QuerySet[M], pk: object, what: str) -> M:
    """The row of ``rows`` (already narrowed to the user's scope) whose primary key is
    ``pk``. ``Http404`` ("No such <what>.") when there is none, whether it does not exist,
    lies out of scope or ``pk`` is not a key at all: the answer tells nothing apart."""
    try:
        return rows.get(pk=pk)
    except (ObjectDoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404(f"No such {what}.") from None
