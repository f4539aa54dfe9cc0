"""API: stays and services at centres, scoped to the token's user and audited.

Serializers validate and shape; ``reception.services`` writes (and checks the actor's role
at the centre); ``reception.queries`` decides what the user may see.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import URLPattern, URLResolver, include, path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from waypoint.audit.api import audited_page
from waypoint.audit.models import Action
from waypoint.audit.services import audit_record
from waypoint.people.models import HouseholdMember
from waypoint.reception import queries, services
from waypoint.reception.access import Work, may, require
from waypoint.reception.models import Bed, ServiceDelivery, ServiceKind, Stay
from waypoint.reception.services.deliveries import MAX_QUANTITY

BIG_ID = 2**62


def _centre_to_admit(request: Request, code: str) -> Any:
    """The centre with ``code`` if the user sees it (else 404) and admits people there
    (else 403)."""
    site = queries.centre_for(request.user, code)
    if not may(request.user, Work.ACCOMMODATE, site):
        raise PermissionDenied("Your role does not admit people at this centre.")
    return site


def _invalid(error: DjangoValidationError) -> ValidationError:
    return ValidationError(error.message_dict if hasattr(error, "error_dict") else error.messages)


class StaySerializer(serializers.ModelSerializer):
    registration_number = serializers.CharField(source="person.registration_number")
    site: Any = serializers.SlugRelatedField(slug_field="code", read_only=True)
    bed_label = serializers.SerializerMethodField()
    is_open = serializers.BooleanField()

    class Meta:
        model = Stay
        fields = [
            "id",
            "person",
            "registration_number",
            "site",
            "bed",
            "bed_label",
            "admitted_at",
            "exited_at",
            "exit_reason",
            "transferred_from",
            "last_seen_at",
            "is_open",
        ]
        read_only_fields = fields

    def get_bed_label(self, stay: Stay) -> str:
        return str(stay.bed) if stay.bed is not None else ""


class StayCreateSerializer(serializers.Serializer):
    registration_number = serializers.CharField(max_length=13)
    site = serializers.CharField(max_length=24, help_text="The centre's code, e.g. TRC-LIP.")
    bed = serializers.IntegerField(min_value=1, max_value=BIG_ID, required=False, allow_null=True)
    admitted_at = serializers.DateTimeField(required=False, allow_null=True)


class TakeOverSerializer(serializers.Serializer):
    registration_number = serializers.CharField(max_length=13)
    birth_date = serializers.DateField(help_text="As on the person's card.")
    site = serializers.CharField(max_length=24, help_text="The centre's code, e.g. TRC-LIP.")
    reason = serializers.CharField(max_length=300)


class StayFilterSerializer(serializers.Serializer):
    site = serializers.CharField(max_length=24, required=False)
    open = serializers.BooleanField(required=False, allow_null=True, default=None)


@extend_schema_view(
    list=extend_schema(
        summary="Stays at centres in your scope, most recently recorded first",
        parameters=[
            OpenApiParameter("site", OpenApiTypes.STR, description="a centre's code"),
            OpenApiParameter("open", OpenApiTypes.BOOL, description="only open (true) or closed"),
        ],
    ),
    retrieve=extend_schema(summary="One stay (the view is audited)"),
    create=extend_schema(
        summary="Admit a registered person to a centre",
        request=StayCreateSerializer,
        responses={201: StaySerializer},
    ),
)
class StayViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    lookup_value_regex = "[0-9]+"
    serializer_class = StaySerializer

    def get_queryset(self) -> Any:
        filters = StayFilterSerializer(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        stays = queries.stays_visible_to(self.request.user)
        if filters.validated_data.get("site"):
            stays = stays.filter(site__code=filters.validated_data["site"])
        if filters.validated_data.get("open") is not None:
            stays = stays.filter(exited_at__isnull=filters.validated_data["open"])
        return stays.order_by("-pk")

    def get_serializer_class(self) -> Any:
        return StayCreateSerializer if self.action == "create" else StaySerializer

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        require(request.user, Work.READ)
        query = {name: request.query_params.get(name) for name in ("site", "open")}
        page = audited_page(self, self.get_queryset(), query=query)
        return self.get_paginated_response(StaySerializer(page, many=True).data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        stay = queries.stay_for(request.user, int(kwargs["pk"]))
        audit_record(
            actor=request.user,
            action=Action.VIEW,
            target=stay,
            person_id=stay.person_id,
            purpose="api",
        )
        return Response(StaySerializer(stay).data)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        require(request.user, Work.ACCOMMODATE)
        incoming = StayCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        site = _centre_to_admit(request, data["site"])
        person = queries.person_to_admit(request.user, site, data["registration_number"])
        bed = None
        if data.get("bed") is not None:
            bed = Bed.objects.filter(pk=data["bed"], unit__site=site).first()
            if bed is None:
                raise ValidationError({"bed": "No such bed at this centre."})
        try:
            stay = services.stay_admit(
                actor=request.user, person=person, site=site, bed=bed, at=data.get("admitted_at")
            )
        except DjangoValidationError as error:
            raise _invalid(error) from None
        return Response(StaySerializer(stay).data, status=201)

    @extend_schema(
        request=TakeOverSerializer,
        responses={200: OpenApiTypes.OBJECT},
        description=(
            "Take over a registration made at another centre: the person presents their card "
            "(registration number and date of birth) at this centre and has no open stay. "
            "One answer for every refusal; audited."
        ),
    )
    @action(detail=False, methods=["post"], url_path="take-over")
    def take_over(self, request: Request) -> Response:
        require(request.user, Work.ACCOMMODATE)
        incoming = TakeOverSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        site = _centre_to_admit(request, data["site"])
        try:
            person = services.registration_take_over(
                actor=request.user,
                site=site,
                registration_number=data["registration_number"],
                birth_date=data["birth_date"],
                reason=data["reason"],
            )
        except DjangoValidationError as error:
            raise _invalid(error) from None
        return Response({"registration_number": person.registration_number, "site": site.code})


class ServiceDeliverySerializer(serializers.ModelSerializer):
    site: Any = serializers.SlugRelatedField(slug_field="code", read_only=True)
    registration_number = serializers.SerializerMethodField()

    class Meta:
        model = ServiceDelivery
        fields = [
            "id",
            "site",
            "kind",
            "person",
            "registration_number",
            "household",
            "delivered_on",
            "quantity",
            "note",
            "recorded_at",
        ]
        read_only_fields = fields

    def get_registration_number(self, delivery: ServiceDelivery) -> str:
        return delivery.person.registration_number if delivery.person is not None else ""


class ServiceCreateSerializer(serializers.Serializer):
    site = serializers.CharField(max_length=24, help_text="The centre's code, e.g. TRC-LIP.")
    kind = serializers.ChoiceField(choices=ServiceKind.choices)
    registration_number = serializers.CharField(max_length=13)
    whole_household = serializers.BooleanField(
        default=False, help_text="Record the service for the person's whole household."
    )
    delivered_on = serializers.DateField()
    quantity = serializers.IntegerField(min_value=1, max_value=MAX_QUANTITY, default=1)
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


@extend_schema_view(
    list=extend_schema(
        summary="Services and items recorded at centres in your scope",
        parameters=[OpenApiParameter("site", OpenApiTypes.STR, description="a centre's code")],
    ),
    retrieve=extend_schema(summary="One service delivery"),
    create=extend_schema(
        summary="Record a service for a resident (or their household)",
        request=ServiceCreateSerializer,
        responses={201: ServiceDeliverySerializer},
    ),
)
class ServiceViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    lookup_value_regex = "[0-9]+"
    serializer_class = ServiceDeliverySerializer

    def get_queryset(self) -> Any:
        deliveries = queries.deliveries_visible_to(self.request.user)
        site = str(self.request.query_params.get("site", ""))[:24]
        if site:
            deliveries = deliveries.filter(site__code=site)
        return deliveries.order_by("-pk")

    def get_serializer_class(self) -> Any:
        return ServiceCreateSerializer if self.action == "create" else ServiceDeliverySerializer

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        require(request.user, Work.READ)
        query = {"site": request.query_params.get("site")}
        page = audited_page(self, self.get_queryset(), query=query)
        return self.get_paginated_response(ServiceDeliverySerializer(page, many=True).data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        delivery = queries.delivery_for(request.user, int(kwargs["pk"]))
        return Response(ServiceDeliverySerializer(delivery).data)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        require(request.user, Work.SERVE)
        incoming = ServiceCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        site = queries.centre_for(request.user, data["site"])
        if not may(request.user, Work.SERVE, site):
            raise PermissionDenied("Your role does not record services at this centre.")
        number = data["registration_number"].strip().upper()
        resident = (
            queries.residents(request.user, site).filter(person__registration_number=number).first()
        )
        if resident is None:
            raise ValidationError({"registration_number": "No resident here has this number."})
        membership = HouseholdMember.objects.filter(person=resident.person).first()
        household = membership.household if data["whole_household"] and membership else None
        try:
            delivery = services.service_record(
                actor=request.user,
                site=site,
                kind=data["kind"],
                delivered_on=data["delivered_on"],
                person=None if household else resident.person,
                household=household,
                quantity=data["quantity"],
                note=data["note"],
            )
        except DjangoValidationError as error:
            raise _invalid(error) from None
        return Response(ServiceDeliverySerializer(delivery).data, status=201)


router = SimpleRouter()
router.register("stays", StayViewSet, basename="reception-stay")
router.register("services", ServiceViewSet, basename="reception-service")
router_urls: list[URLPattern | URLResolver] = [path("", include(router.urls))]
