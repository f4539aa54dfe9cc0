"""Published figures for partners' tools, protected by disclosure control.

``GET /api/v1/dtm/admin0/``, ``admin1/`` and ``admin2/``: presence per round and area in the
field names of IOM DTM's public API, with its filters (Admin0Pcode, Admin1Pcode,
Admin2Pcode, FromReportingDate, ToReportingDate, FromRoundNumber, ToRoundNumber). Hidden
counts are null. ``GET /api/v1/reports/tables/`` lists the published tables and
``GET /api/v1/reports/rounds/<n>/<table>/`` and ``.../months/<YYYY-MM>/<table>/`` give one.
``GET /api/v1/reports/estimates/`` lists the published estimates of the total, rounded.
"""

from __future__ import annotations

from django.http import Http404
from django.urls import URLPattern, URLResolver, path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.places.models import Area
from waypoint.places.names import area_name
from waypoint.reports import access, opendata, queries
from waypoint.reports.disclosure import Shown
from waypoint.reports.estimates import EstimateShown, Interval, Rounded
from waypoint.reports.forms import DtmFilterForm, parse_month
from waypoint.reports.publication import (
    Line,
    Publication,
    month_publication,
    round_publication,
)
from waypoint.reports.services import reportable_month
from waypoint.reports.situation import estimates_shown
from waypoint.reports.tables import ALL_TABLES

DtmRow = inline_serializer(
    "DtmPresenceRow",
    {
        "id": serializers.CharField(),
        "operation": serializers.CharField(),
        "admin0Name": serializers.CharField(),
        "admin0Pcode": serializers.CharField(),
        "admin1Name": serializers.CharField(allow_null=True),
        "admin1Pcode": serializers.CharField(allow_null=True),
        "admin2Name": serializers.CharField(allow_null=True),
        "admin2Pcode": serializers.CharField(allow_null=True),
        "numPresentMigrantsInd": serializers.IntegerField(allow_null=True),
        "numInTrcInd": serializers.IntegerField(allow_null=True),
        "numOutsideTrcInd": serializers.IntegerField(allow_null=True),
        "numberMales": serializers.IntegerField(allow_null=True),
        "numberFemales": serializers.IntegerField(allow_null=True),
        "reportingDate": serializers.DateField(),
        "yearReportingDate": serializers.IntegerField(),
        "monthReportingDate": serializers.IntegerField(),
        "roundNumber": serializers.IntegerField(),
        "assessmentType": serializers.CharField(),
    },
)


def _require_reader(request: Request) -> None:
    if not access.may(request.user, access.Work.READ_PUBLISHED):
        raise PermissionDenied


@extend_schema(
    summary="Migrants present per round and area (published rounds, protected)",
    parameters=[
        OpenApiParameter(name, OpenApiTypes.STR, description=name)
        for name in DtmFilterForm.base_fields
    ],
    responses={200: inline_serializer("DtmPresence", {"result": DtmRow.__class__(many=True)})},
)
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def dtm_presence(request: Request, level: str) -> Response:
    if level not in opendata.LEVELS:
        raise ValidationError({"level": "use admin0, admin1 or admin2"})
    _require_reader(request)
    form = DtmFilterForm(request.query_params)
    if not form.is_valid():
        raise ValidationError(form.errors.get_json_data())
    data = form.cleaned_data
    rounds = queries.published_rounds_for(request.user).order_by("number")
    if data["FromReportingDate"]:
        rounds = rounds.filter(snapshot_date__gte=data["FromReportingDate"])
    if data["ToReportingDate"]:
        rounds = rounds.filter(snapshot_date__lte=data["ToReportingDate"])
    if data["FromRoundNumber"] is not None:
        rounds = rounds.filter(number__gte=data["FromRoundNumber"])
    if data["ToRoundNumber"] is not None:
        rounds = rounds.filter(number__lte=data["ToRoundNumber"])
    names = {code: area_name(code, name) for code, name in Area.objects.values_list("code", "name")}
    rows: list[dict[str, object]] = []
    published = []
    for round_ in rounds:
        publication = round_publication(round_)
        published.append(publication)
        rows.extend(
            opendata.dtm_rows(
                publication,
                level=level,
                round_number=round_.number,
                reporting_date=round_.snapshot_date,
                area_names=names,
            )
        )
    rows = [row for row in rows if opendata.dtm_matches(row, data)]
    audit_record(
        actor=request.user,
        action=Action.EXPORT,
        object_type="presence.dtm",
        object_id=level,
        purpose="presence figures API",
    )
    return Response(
        {
            "isSuccess": True,
            "result": rows,
            # Every published answer says how it was protected.
            "disclosureControl": opendata.rules_text(
                {rule for round_ in published for rule in round_.rules_applied}
            ),
        }
    )


@extend_schema(
    summary="DTM operations with data here (DTM API's operations list)",
    responses=OpenApiTypes.OBJECT,
)
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def dtm_operations(request: Request) -> Response:
    _require_reader(request)
    return Response({"isSuccess": True, "result": opendata.dtm_operations()})


@extend_schema(
    summary="Countries with data here (DTM API's countries list)", responses=OpenApiTypes.OBJECT
)
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def dtm_countries(request: Request) -> Response:
    _require_reader(request)
    return Response({"isSuccess": True, "result": opendata.dtm_countries()})


@extend_schema(
    summary="The published tables: key, title, sensitivity, columns and HXL tags",
    responses=OpenApiTypes.OBJECT,
)
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def table_list(request: Request) -> Response:
    _require_reader(request)
    return Response(
        {
            "result": [
                {
                    "key": spec.key,
                    "title": str(spec.title),
                    "description": str(spec.description),
                    "sensitive": spec.sensitive,
                    "rowTag": spec.row_hxl,
                    "columns": [
                        {"key": c.key, "title": str(c.title), "hxl": c.hxl} for c in spec.columns
                    ],
                }
                for spec in ALL_TABLES.values()
            ]
        }
    )


def _cell(item: Shown) -> dict[str, object]:
    return {"value": item.value, "text": item.text}


def _line(line: Line) -> dict[str, object]:
    return {
        "code": line.label,
        "name": line.name,
        "cells": [_cell(cell) for cell in line.cells],
        "total": _cell(line.total),
    }


def _table_response(request: Request, publication: Publication, key: str, period: str) -> Response:
    published = publication.tables.get(key)
    if published is None:
        raise Http404
    audit_record(
        actor=request.user,
        action=Action.EXPORT,
        object_type="reports.table",
        object_id=f"{key}:{period}"[:64],
        purpose="published table API",
    )
    protected = published.protected
    return Response(
        {
            "table": key,
            "period": period,
            "columns": list(protected.table.column_labels),
            "rows": [_line(line) for line in published.lines()],
            "subtotals": [_line(line) for line in published.group_lines()],
            "columnTotals": [_cell(cell) for cell in protected.column_totals],
            "total": _cell(protected.total),
            "disclosureControl": opendata.rules_text(
                protected.rules_applied, sensitive=published.spec.sensitive
            ),
        }
    )


@extend_schema(
    summary="One published table of a presence round (protected)", responses=OpenApiTypes.OBJECT
)
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def round_table(request: Request, number: int, key: str) -> Response:
    _require_reader(request)
    round_ = queries.published_round_for(request.user, number)
    return _table_response(request, round_publication(round_), key, f"round-{number}")


@extend_schema(summary="One published table of a month (protected)", responses=OpenApiTypes.OBJECT)
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def month_table(request: Request, month: str, key: str) -> Response:
    _require_reader(request)
    try:
        first = reportable_month(parse_month(month))
    except Exception:
        raise ValidationError({"month": "write the month as YYYY-MM, not in the future"}) from None
    return _table_response(request, month_publication(first), key, first.strftime("%Y-%m"))


RoundedFigure = inline_serializer(
    "RoundedFigure",
    {
        "value": serializers.IntegerField(allow_null=True),
        "text": serializers.CharField(),
    },
)
IntervalFigure = inline_serializer(
    "EstimateInterval",
    {
        "estimate": RoundedFigure.__class__(allow_null=True),
        "low": RoundedFigure.__class__(),
        "high": RoundedFigure.__class__(),
        "text": serializers.CharField(),
    },
)
EstimateRow = inline_serializer(
    "PublishedEstimate",
    {
        "id": serializers.IntegerField(),
        "periodStart": serializers.DateField(allow_null=True),
        "periodEnd": serializers.DateField(allow_null=True),
        "areaCode": serializers.CharField(),
        "areaName": serializers.CharField(),
        "publishedOn": serializers.DateField(allow_null=True),
        "total": IntervalFigure.__class__(),
        "linkageBand": IntervalFigure.__class__(allow_null=True),
        "notInCentres": IntervalFigure.__class__(allow_null=True),
        "observed": RoundedFigure.__class__(),
        "lists": serializers.ListField(child=serializers.CharField()),
        "methodNote": serializers.CharField(),
        "caveats": serializers.ListField(child=serializers.CharField()),
        "technicalWarnings": serializers.IntegerField(),
    },
)


def _rounded(item: Rounded) -> dict[str, object]:
    return {"value": item.value, "text": item.text}


def _interval(item: Interval | None) -> dict[str, object] | None:
    if item is None:
        return None
    return {
        "estimate": _rounded(item.estimate) if item.estimate is not None else None,
        "low": _rounded(item.low),
        "high": _rounded(item.high),
        "text": item.text,
    }


def _estimate(shown: EstimateShown) -> dict[str, object]:
    return {
        "id": shown.pk,
        "periodStart": shown.first_day,
        "periodEnd": shown.last_day,
        "areaCode": shown.area_code,
        "areaName": shown.area,
        "publishedOn": shown.published_at.date() if shown.published_at else None,
        "total": _interval(shown.total),
        "linkageBand": _interval(shown.linkage),
        "notInCentres": _interval(shown.outside),
        "observed": _rounded(shown.observed),
        "lists": list(shown.lists),
        "methodNote": shown.method_note,
        "caveats": list(shown.caveats),
        "technicalWarnings": shown.warnings,
    }


@extend_schema(
    summary="Published estimates of the total (multiple systems estimation), rounded",
    description=(
        "Newest first. Figures are rounded for publication (nearest 10 below 1,000, two "
        "significant figures above), interval bounds outwards; an unknown upper bound is "
        "null. Texts are in the language asked for (Accept-Language: en or bs)."
    ),
    responses={
        200: inline_serializer("PublishedEstimates", {"result": EstimateRow.__class__(many=True)})
    },
)
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def estimate_list(request: Request) -> Response:
    _require_reader(request)
    shown = estimates_shown(queries.published_estimates_for(request.user))
    audit_record(
        actor=request.user,
        action=Action.EXPORT,
        object_type="reports.estimates",
        purpose="published estimates API",
    )
    return Response({"result": [_estimate(item) for item in shown]})


router_urls: list[URLPattern | URLResolver] = [
    path("dtm/operations/", dtm_operations, name="dtm_operations"),
    path("dtm/countries/", dtm_countries, name="dtm_countries"),
    path("dtm/<str:level>/", dtm_presence, name="dtm_presence"),
    path("reports/tables/", table_list, name="report_tables"),
    path("reports/estimates/", estimate_list, name="report_estimates"),
    path("reports/rounds/<int:number>/<str:key>/", round_table, name="report_round_table"),
    path("reports/months/<str:month>/<str:key>/", month_table, name="report_month_table"),
]
