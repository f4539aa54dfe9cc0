"""The demo's voluntary return cases: removed before the synthetic people they point at."""

from __future__ import annotations

from django.db.models import Q

from waypoint.returns.models import Case


def cases_remove() -> int:
    """Delete cases whose applicant or a member is a synthetic person (their history goes too)."""
    synthetic = Case.objects.filter(
        Q(principal__is_synthetic=True) | Q(members__person__is_synthetic=True)
    ).distinct()
    count, _by_model = Case.objects.filter(
        pk__in=list(synthetic.values_list("pk", flat=True))
    ).delete()
    return count
