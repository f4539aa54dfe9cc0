"""API: return cases for AVRR counsellors (and administrators) within their scope.

Read-only list and detail, plus one write: moving a case to another stage under the same
rules as the case page (``returns.stages.TRANSITIONS`` and the services' guards).
"""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, URLResolver
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from waypoint.accounts.models import User
from waypoint.audit.api import audited_page
from waypoint.places.models import Site
from waypoint.returns import access, queries, services
from waypoint.returns.access import Work
from waypoint.returns.models import Case, CaseMember, StageChange
from waypoint.returns.stages import Stage


class IsCounsellor(BasePermission):
    message = "Only AVRR counsellors and administrators may use this endpoint."

    def has_permission(self, request: Request, view: Any) -> bool:
        return access.may(request.user, Work.COUNSEL)


class MemberSerializer(serializers.ModelSerializer[CaseMember]):
    registration_number = serializers.CharField(
        source="person.registration_number", read_only=True, default=None
    )

    class Meta:
        model = CaseMember
        fields = ["name", "relationship", "birth_year", "is_principal", "registration_number"]
        read_only_fields = fields


class StageChangeSerializer(serializers.ModelSerializer[StageChange]):
    changed_by: serializers.SlugRelatedField[User] = serializers.SlugRelatedField(
        slug_field="email", read_only=True
    )

    class Meta:
        model = StageChange
        fields = ["from_stage", "to_stage", "changed_by", "changed_at", "reason"]
        read_only_fields = fields


class CaseSerializer(serializers.ModelSerializer[Case]):
    site: serializers.SlugRelatedField[Site] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    counsellor: serializers.SlugRelatedField[User] = serializers.SlugRelatedField(
        slug_field="email", read_only=True
    )
    members = MemberSerializer(many=True, read_only=True)
    stage_changes = StageChangeSerializer(many=True, read_only=True)
    days_in_stage = serializers.IntegerField(read_only=True)
    overdue = serializers.BooleanField(source="is_overdue", read_only=True)

    class Meta:
        model = Case
        fields = [
            "id",
            "reference",
            "source",
            "stage",
            "stage_entered_at",
            "days_in_stage",
            "overdue",
            "given_name",
            "family_name",
            "nationality",
            "return_country",
            "return_city",
            "site",
            "counsellor",
            "members",
            "stage_changes",
            "departed_on",
            "created_at",
        ]
        read_only_fields = fields


class CaseFilterSerializer(serializers.Serializer[dict[str, Any]]):
    stage = serializers.ChoiceField(choices=Stage.choices, required=False)
    q = serializers.CharField(max_length=120, required=False, allow_blank=True)


class AdvanceSerializer(serializers.Serializer[dict[str, Any]]):
    to = serializers.ChoiceField(choices=Stage.choices)
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


@extend_schema_view(
    list=extend_schema(
        summary="Return cases in your scope, newest first",
        parameters=[
            OpenApiParameter("stage", str, description="Only cases in this stage"),
            OpenApiParameter("q", str, description="Reference, name or registration number"),
        ],
    ),
    retrieve=extend_schema(summary="One return case with its members and stage history"),
)
class CaseViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Case]):
    serializer_class = CaseSerializer
    permission_classes = [IsAuthenticated, IsCounsellor]
    lookup_value_regex = "[0-9]{1,18}"

    def get_queryset(self) -> Any:
        return queries.cases_visible_to(self.request.user).prefetch_related(
            "members__person", "stage_changes__changed_by"
        )

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        incoming = CaseFilterSerializer(data=request.query_params)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        found = queries.cases_search(
            request.user, text=data.get("q", ""), stage=data.get("stage", "")
        ).prefetch_related("members__person", "stage_changes__changed_by")
        page = audited_page(self, found, query=data)
        return self.get_paginated_response(CaseSerializer(page, many=True).data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(CaseSerializer(queries.case_view(request.user, kwargs["pk"])).data)

    @extend_schema(
        summary="Move a case to another stage (refused with a message when the rules forbid it)",
        request=AdvanceSerializer,
        responses={200: CaseSerializer},
    )
    @action(detail=True, methods=["post"])
    def advance(self, request: Request, pk: str | None = None) -> Response:
        case = queries.case_for(request.user, pk)
        incoming = AdvanceSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        services.stage_move(actor=request.user, case=case, **incoming.validated_data)
        return Response(CaseSerializer(queries.case_for(request.user, case.pk)).data)


router = SimpleRouter()
router.register("cases", CaseViewSet, basename="case")

router_urls: list[URLPattern | URLResolver] = list(router.urls)
