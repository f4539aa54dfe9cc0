"""Writes of estimation: run an estimate and keep it with its inputs."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.estimation import access
from waypoint.estimation.histories import EstimationInputError, Histories, read_histories
from waypoint.estimation.models import ListKind, OutsideList, OutsideRecord, Source, StoredEstimate
from waypoint.estimation.mse import estimate
from waypoint.estimation.outside import link_rows, outside_table
from waypoint.estimation.sources import not_in_centres, registry_estimate
from waypoint.places.models import Area


def _table(histories: Histories) -> list[list[int]]:
    return [[*history, count] for history, count in sorted(histories.counts.items())]


def estimate_run(
    *,
    actor: Any,
    source: str,
    criterion: str = "aic",
    data: bytes = b"",
    count_column: str = "count",
    first_day: date | None = None,
    last_day: date | None = None,
    area_code: str = "",
    bootstrap: int = 500,
    lists: list[str] | None = None,
    strata: str = "",
) -> StoredEstimate:
    """Estimate from an uploaded table or from Waypoint's lists in a period and area, and
    keep the counts per history, the options and the answer. ``EstimationInputError`` says
    what is wrong with the input; nothing is kept then."""
    access.require(actor, access.Work.ESTIMATE)
    options: dict[str, Any] = {"criterion": criterion, "bootstrap": bootstrap, "seed": 0}
    if source == Source.UPLOAD:
        histories = read_histories(data, count_column=count_column)
        result: dict[str, Any] = dict(estimate(histories, **options).as_json())
    else:
        if first_day is None or last_day is None:
            raise EstimationInputError(_("Give the period."))
        histories, band = registry_estimate(
            first_day, last_day, area_code=area_code, chosen=lists, strata=strata, **options
        )
        if strata:
            options["strata"] = strata
        result = band.as_json()
        outside = not_in_centres(result, histories)
        if outside is not None:
            result["not_in_centres"] = outside
    with transaction.atomic():
        stored = StoredEstimate.objects.create(
            source=source,
            first_day=first_day if source == Source.REGISTRY else None,
            last_day=last_day if source == Source.REGISTRY else None,
            area_code=area_code if source == Source.REGISTRY else "",
            lists=list(histories.lists),
            histories=_table(histories),
            options=options,
            result=result,
            created_by=actor,
        )
        audit_record(actor=actor, action=Action.CREATE, target=stored, purpose="estimate")
    return stored


def estimate_publish(
    *, actor: Any, stored: StoredEstimate, published: bool = True
) -> StoredEstimate:
    """Show ``stored`` in the published figures (or withdraw it). Only estimates made from
    Waypoint's lists over a period are published: an uploaded table has no period or area
    a reader could place."""
    access.require(actor, access.Work.ESTIMATE)
    if published and stored.source != Source.REGISTRY:
        raise EstimationInputError(
            _("Only estimates from Waypoint's lists over a period are published.")
        )
    with transaction.atomic():
        stored.published_at = timezone.now() if published else None
        stored.published_by = actor if published else None
        stored.save(update_fields=["published_at", "published_by"])
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            target=stored,
            purpose="estimate published" if published else "estimate withdrawn",
            changed_fields=["published_at"],
        )
    return stored


def outside_list_import(
    *,
    actor: Any,
    name: str,
    kind: str,
    filename: str,
    data: bytes,
    id_column: str,
    mapping: str,
    first_day: date,
    last_day: date,
    area_code: str = "",
) -> OutsideList:
    """Import an outside list for estimates: read it (CSV or XLSX, columns mapped to linkage
    roles), link every row to a registration or to a row of an earlier outside list, and keep
    the list. All or nothing: ``EstimationInputError`` says what is wrong and nothing is
    kept. Audited as a write of personal data (the rows' linkage fields are kept for rows
    that matched no registration) and as a search of the registry."""
    access.require(actor, access.Work.ESTIMATE)
    name = name.strip()
    if not name:
        raise EstimationInputError(_("Give the list a name."))
    if kind not in ListKind.values:
        raise EstimationInputError(_("Choose what kind of list this is."))
    if last_day < first_day:
        raise EstimationInputError(_("The period ends before it begins."))
    area = None
    if area_code:
        area = Area.objects.filter(code=area_code).first()
        if area is None:
            raise EstimationInputError(_("no area with the code %(code)s") % {"code": area_code})
    table = outside_table(filename, data, id_column=id_column, mapping=mapping)
    earlier = {
        pk: linkage
        for pk, linkage in OutsideRecord.objects.filter(person__isnull=True, same_as__isnull=True)
        .exclude(linkage={})
        .values_list("pk", "linkage")
    }
    linked = link_rows(table, earlier)
    with transaction.atomic():
        outside = OutsideList.objects.create(
            name=name[:120],
            kind=kind,
            first_day=first_day,
            last_day=last_day,
            area=area,
            rows=len(linked),
            registered=sum(1 for row in linked if row.person_id is not None),
            earlier=sum(1 for row in linked if row.earlier_id is not None),
            imported_by=actor,
        )
        OutsideRecord.objects.bulk_create(
            [
                OutsideRecord(
                    outside_list=outside,
                    row_id=row.row_id[:80],
                    person_id=row.person_id,
                    same_as_id=row.earlier_id,
                    sex=row.sex,
                    birth_year=row.birth_year,
                    nationality=row.nationality,
                    linkage=row.linkage,
                )
                for row in linked
            ],
            batch_size=2000,
        )
        audit_record(
            actor=actor,
            action=Action.CREATE,
            target=outside,
            purpose="outside list for estimates",
            changed_fields=[f"rows:{outside.rows}", f"registered:{outside.registered}"],
        )
        audit_record(
            actor=actor,
            action=Action.SEARCH,
            object_type="people.person",
            purpose="outside list linkage for estimates",
            changed_fields=[f"rows:{outside.rows}", f"matches:{outside.registered}"],
        )
    return outside


def outside_list_delete(*, actor: Any, outside_list: OutsideList) -> None:
    """Delete an outside list and every row kept of it (estimates made with it keep their
    counts, not its rows). Rows of later lists that were linked to its rows lose that link
    and the next of them takes its place; audited."""
    access.require(actor, access.Work.ESTIMATE)
    with transaction.atomic():
        rows = list(outside_list.records.values_list("pk", flat=True))
        # A later row linked to one of these rows becomes the first of that person.
        followers = OutsideRecord.objects.filter(same_as_id__in=rows).exclude(
            outside_list=outside_list
        )
        heads: dict[int, int] = {}
        for record in followers.order_by("pk"):
            head = heads.setdefault(record.same_as_id, record.pk)  # type: ignore[arg-type]
            if head == record.pk:
                OutsideRecord.objects.filter(pk=record.pk).update(same_as=None)
            else:
                OutsideRecord.objects.filter(pk=record.pk).update(same_as_id=head)
        audit_record(
            actor=actor,
            action=Action.DELETE,
            target=outside_list,
            purpose="outside list for estimates",
            changed_fields=[f"rows:{len(rows)}"],
        )
        outside_list.delete()
