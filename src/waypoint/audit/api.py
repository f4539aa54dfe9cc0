"""API plumbing for the audit trail: the audited page of a list endpoint (no endpoints here).

A viewset's ``list`` materialises its page through ``audited_page``, so each page of
personal data an API client reads writes one ``READ_LIST`` event with the rows' ids.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import QuerySet
from rest_framework.generics import GenericAPIView

from waypoint.audit.services import audit_list_read


def audited_page(
    view: GenericAPIView[Any],
    rows: QuerySet[Any],
    *,
    purpose: str = "api",
    query: Mapping[str, object] | None = None,
) -> list[Any]:
    """The page of ``rows`` the view's paginator picks, recorded as read by the request's user.

    ``query`` is the filters applied, by their declared names (only the names are recorded,
    see ``audit_list_read``). The object type is the rows' model (``"people.person"``).
    """
    page = view.paginate_queryset(rows)
    shown = list(page) if page is not None else list(rows)
    current = getattr(view.paginator, "page", None)  # PageNumberPagination keeps Django's page
    audit_list_read(
        actor=view.request.user,
        object_type=rows.model._meta.label_lower,
        ids=[row.pk for row in shown],
        purpose=purpose,
        page=current.number if current is not None else None,
        query=query,
    )
    return shown
