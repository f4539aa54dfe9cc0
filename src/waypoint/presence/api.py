"""Published presence figures for partners, in the style of IOM's DTM API.

``GET /api/v1/dtm/admin0/``, ``.../admin1/`` and ``.../admin2/`` take the DTM API's
filters (Admin0Pcode, Admin1Pcode, Admin2Pcode, FromReportingDate, ToReportingDate,
FromRoundNumber, ToRoundNumber). Published rounds only; aggregate figures, no personal data.
"""

from __future__ import annotations

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
from waypoint.presence import access, queries
from waypoint.presence.dtm import LEVELS
from waypoint.presence.forms import DtmFilterForm

DtmRow = inline_serializer(
    "DtmPresenceRow",
    {
        "admin0Pcode": serializers.CharField(),
        "admin1Name": serializers.CharField(),
        "admin1Pcode": serializers.CharField(),
        "admin2Name": serializers.CharField(),
        "admin2Pcode": serializers.CharField(),
        "reportingDate": serializers.DateField(),
        "roundNumber": serializers.IntegerField(),
        "numPresentMigrantsInd": serializers.IntegerField(),
        "numInTrcInd": serializers.IntegerField(),
        "numOutsideTrcInd": serializers.IntegerField(),
        "numberMales": serializers.IntegerField(),
        "numberFemales": serializers.IntegerField(),
    },
)


@extend_schema(
    summary="Migrants present per round and area (published rounds only)",
    parameters=[
        OpenApiParameter(name, OpenApiTypes.STR, description=name)
        for name in DtmFilterForm.base_fields
    ],
    responses={200: inline_serializer("DtmPresence", {"result": DtmRow.__class__(many=True)})},
)
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def dtm_presence(request: Request, level: str) -> Response:
    if level not in LEVELS:
        raise ValidationError({"level": "use admin0, admin1 or admin2"})
    if not access.may_read(request.user):
        raise PermissionDenied
    form = DtmFilterForm(request.query_params)
    if not form.is_valid():
        raise ValidationError(form.errors.get_json_data())
    data = form.cleaned_data
    rows = queries.published_dtm_rows(
        request.user,
        level=level,
        admin_code=data["Admin2Pcode"] or data["Admin1Pcode"] or data["Admin0Pcode"],
        from_date=data["FromReportingDate"],
        to_date=data["ToReportingDate"],
        from_round=data["FromRoundNumber"],
        to_round=data["ToRoundNumber"],
    )
    audit_record(
        actor=request.user,
        action=Action.EXPORT,
        object_type="presence.dtm",
        object_id=level,
        purpose="presence figures API",
    )
    return Response({"isSuccess": True, "result": rows})


router_urls: list[URLPattern | URLResolver] = [
    path("dtm/<str:level>/", dtm_presence, name="dtm_presence"),
]
