"""API: vulnerability screenings, for protection officers (and administrators) in scope.

Every screening returned is recorded as viewed (``VIEW_PROTECTION``); serializers validate
and shape, ``services`` and ``queries`` do the work.
"""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, URLResolver
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from waypoint.accounts.models import User
from waypoint.people.models import Person
from waypoint.places.models import Site
from waypoint.protection import access, queries, services
from waypoint.protection.access import Work
from waypoint.protection.models import Screening
from waypoint.protection.screening import TEMPLATES, Answer, Category


class IsProtectionStaff(BasePermission):
    message = "Only protection officers and administrators may use this endpoint."

    def has_permission(self, request: Request, view: Any) -> bool:
        return access.may(request.user, Work.READ)


class ScreeningSerializer(serializers.ModelSerializer[Screening]):
    person: serializers.PrimaryKeyRelatedField[Person] = serializers.PrimaryKeyRelatedField(
        read_only=True
    )
    registration_number = serializers.CharField(source="person.registration_number", read_only=True)
    site: serializers.SlugRelatedField[Site] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    screened_by: serializers.SlugRelatedField[User] = serializers.SlugRelatedField(
        slug_field="email", read_only=True
    )
    answers = serializers.DictField(
        child=serializers.ChoiceField(choices=Answer.choices), read_only=True
    )
    flags = serializers.ListField(
        child=serializers.ChoiceField(choices=Category.choices), read_only=True
    )

    class Meta:
        model = Screening
        fields = [
            "id",
            "person",
            "registration_number",
            "version",
            "answers",
            "flags",
            "follow_up",
            "notes",
            "site",
            "screened_by",
            "screened_at",
        ]
        read_only_fields = fields


class ScreeningCreateSerializer(serializers.Serializer[dict[str, Any]]):
    person = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    answers = serializers.DictField(
        child=serializers.ChoiceField(choices=Answer.choices),
        allow_empty=True,
        help_text="Question code → yes, no or unknown; questions left out are stored as unknown.",
    )
    notes = serializers.CharField(max_length=4000, allow_blank=True, required=False, default="")
    version = serializers.ChoiceField(
        choices=sorted(TEMPLATES),
        required=False,
        help_text="Template version; the current one when left out.",
    )


class ScreeningFilterSerializer(serializers.Serializer[dict[str, Any]]):
    person = serializers.IntegerField(min_value=1, max_value=2**63 - 1, required=False)


@extend_schema_view(
    list=extend_schema(
        summary="Screenings of people in your protection scope, newest first",
        parameters=[OpenApiParameter("person", int, description="Only this person's")],
    ),
    retrieve=extend_schema(summary="One screening with its answers and categories"),
    create=extend_schema(
        summary="Screen a person with the current (or a named) template version",
        request=ScreeningCreateSerializer,
        responses={201: ScreeningSerializer},
    ),
)
class ScreeningViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet[Screening],
):
    serializer_class = ScreeningSerializer
    permission_classes = [IsAuthenticated, IsProtectionStaff]
    lookup_value_regex = "[0-9]{1,18}"

    def get_queryset(self) -> Any:
        return queries.screenings_visible_to(self.request.user)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        incoming = ScreeningFilterSerializer(data=request.query_params)
        incoming.is_valid(raise_exception=True)
        screenings = self.get_queryset()
        if "person" in incoming.validated_data:
            screenings = screenings.filter(person_id=incoming.validated_data["person"])
        page = self.paginate_queryset(screenings) or []
        queries.screenings_viewed(request.user, page)
        return self.get_paginated_response(ScreeningSerializer(page, many=True).data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        screening = queries.screening_view(request.user, int(kwargs["pk"]))
        return Response(ScreeningSerializer(screening).data)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        incoming = ScreeningCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        person = queries.person_for_protection(request.user, data["person"])
        screening = services.screening_record(
            actor=request.user,
            person=person,
            answers=data["answers"],
            notes=data["notes"],
            version=data.get("version"),
        )
        return Response(ScreeningSerializer(screening).data, status=status.HTTP_201_CREATED)


router = SimpleRouter()
router.register("screenings", ScreeningViewSet, basename="screening")

router_urls: list[URLPattern | URLResolver] = list(router.urls)
