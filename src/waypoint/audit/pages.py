"""The audited page of a list a web page shows: Django's paginator, and one ``READ_LIST``
event with the ids of the rows on the page (see ``services.audit_list_read``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

from waypoint.audit.services import audit_list_read


def audited_page(
    request: HttpRequest,
    rows: QuerySet[Any],
    *,
    size: int,
    purpose: str,
    query: Mapping[str, object] | None = None,
) -> Page[Any]:
    """The page of ``rows`` asked for by ``?page=``, recorded as read by the request's user.

    ``query`` is the filters applied, by name (only names are recorded); the object type is
    the rows' model (``"people.person"``)."""
    page = Paginator(rows, size).get_page(request.GET.get("page"))
    audit_list_read(
        actor=request.user,
        object_type=rows.model._meta.label_lower,
        ids=[row.pk for row in page],
        purpose=purpose,
        page=page.number,
        query=query,
    )
    return page
