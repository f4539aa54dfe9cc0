"""API: the identity review queue, for reviewers, within their scope.

Listing gives each pair's registration numbers and score; reading one pair gives its
field contributions and is audited as a view of both records; deciding and undoing go
through the same services as the pages.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import URLPattern, URLResolver, path
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action, api_view, permission_classes
from rest_framework.exceptions import PermissionDenied
from rest_framework.exceptions import ValidationError as BadRequest
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from waypoint.audit.api import audited_page
from waypoint.linkage import access, queries, services
from waypoint.linkage.access import Work
from waypoint.linkage.models import DECISIONS, CandidatePair, PairDecision
from waypoint.people.models import Person
from waypoint.places.models import Site


class IsReviewer(BasePermission):
    message = "Only identity reviewers may use this endpoint."

    def has_permission(self, request: Request, view: Any) -> bool:
        return queries.may_review(request.user)


class PairSerializer(serializers.ModelSerializer[CandidatePair]):
    left_registration_number = serializers.CharField(source="left.registration_number")
    right_registration_number = serializers.CharField(source="right.registration_number")
    affected = serializers.IntegerField(
        read_only=True,
        required=False,
        help_text="registrations a decision would join or separate (in the queue only)",
    )
    impact = serializers.FloatField(
        read_only=True,
        required=False,
        help_text="(1 - |probability - cut-off|) x affected; the queue's order (in it only)",
    )
    same_household = serializers.BooleanField(
        read_only=True,
        required=False,
        help_text="members of one household: never linked without a reviewer, however alike",
    )

    class Meta:
        model = CandidatePair
        fields = [
            "id",
            "left",
            "left_registration_number",
            "right",
            "right_registration_number",
            "probability",
            "status",
            "affected",
            "impact",
            "same_household",
        ]
        read_only_fields = fields


class ContributionSerializer(serializers.Serializer[Any]):
    field = serializers.CharField()
    level = serializers.CharField()
    weight = serializers.FloatField(help_text="log2 Bayes factor; positive when it agrees")


class PairDetailSerializer(PairSerializer):
    contributions = serializers.SerializerMethodField()

    class Meta(PairSerializer.Meta):
        fields = [*PairSerializer.Meta.fields, "contributions"]
        read_only_fields = fields

    def get_contributions(self, pair: CandidatePair) -> list[dict[str, Any]]:
        return [
            {"field": field, "level": level, "weight": weight}
            for field, level, weight in pair.contributions
        ]


class DecisionSerializer(serializers.ModelSerializer[PairDecision]):
    # Plain strings: the pair's status already names the choice set in the schema.
    before = serializers.CharField(read_only=True)
    after = serializers.CharField(read_only=True)
    decided_by = serializers.SlugRelatedField(slug_field="email", read_only=True)  # type: ignore[var-annotated]

    class Meta:
        model = PairDecision
        fields = ["id", "pair", "before", "after", "decided_by", "decided_at", "note", "undoes"]
        read_only_fields = fields


class DecideSerializer(serializers.Serializer[dict[str, Any]]):
    decision = serializers.ChoiceField(choices=[str(choice) for choice in DECISIONS])
    note = serializers.CharField(max_length=300, allow_blank=True, required=False, default="")


class QueueFilterSerializer(serializers.Serializer[dict[str, Any]]):
    status = serializers.ChoiceField(
        choices=[str(status) for status in queries.QUEUE_STATUSES], required=False
    )


def _refused(error: ValidationError) -> BadRequest:
    return BadRequest({"detail": " ".join(error.messages)})


@extend_schema_view(
    list=extend_schema(
        summary=(
            "Pairs waiting for review (or marked unsure) in your scope, those whose decision "
            "changes the counts most first"
        ),
        parameters=[OpenApiParameter("status", str, enum=["pending", "unsure"])],
    ),
    retrieve=extend_schema(
        summary="One pair with each field's contribution (audited as a view of both records)",
        responses={200: PairDetailSerializer},
    ),
)
class PairViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Any]):
    serializer_class = PairSerializer
    permission_classes = [IsAuthenticated, IsReviewer]
    lookup_value_regex = "[0-9]{1,18}"

    def get_queryset(self) -> Any:
        incoming = QueueFilterSerializer(data=self.request.query_params)
        incoming.is_valid(raise_exception=True)
        return queries.review_queue(self.request.user, **incoming.validated_data)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        query = {"status": request.query_params.get("status")}
        page = audited_page(self, self.get_queryset(), purpose="identity review queue", query=query)
        return self.get_paginated_response(PairSerializer(page, many=True).data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        view = queries.pair_review(request.user, int(kwargs["pk"]))
        return Response(PairDetailSerializer(view.pair).data)

    @extend_schema(
        summary="Decide a pair: same, different or unsure",
        request=DecideSerializer,
        responses={201: DecisionSerializer},
    )
    @action(detail=True, methods=["post"])
    def decide(self, request: Request, pk: str) -> Response:
        access.require(request.user, Work.REVIEW)
        pair = queries.pair_for(request.user, int(pk))
        incoming = DecideSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        try:
            decision = services.pair_decide(
                actor=request.user, pair=pair, **incoming.validated_data
            )
        except ValidationError as error:
            raise _refused(error) from None
        return Response(DecisionSerializer(decision).data, status=201)


@extend_schema_view(
    list=extend_schema(summary="Decisions on pairs in your scope, newest first"),
    retrieve=extend_schema(summary="One decision"),
)
class DecisionViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[PairDecision]
):
    serializer_class = DecisionSerializer
    permission_classes = [IsAuthenticated, IsReviewer]
    lookup_value_regex = "[0-9]{1,18}"

    def get_queryset(self) -> Any:
        return queries.decisions_visible_to(self.request.user)

    @extend_schema(summary="Undo a decision; the groups return to what they were", request=None)
    @action(detail=True, methods=["post"])
    def undo(self, request: Request, pk: str) -> Response:
        decision = queries.decision_for(request.user, int(pk))
        try:
            undone = services.decision_undo(actor=request.user, decision=decision)
        except ValidationError as error:
            raise _refused(error) from None
        return Response(DecisionSerializer(undone).data, status=201)


class UniqueFilterSerializer(serializers.Serializer[dict[str, Any]]):
    site = serializers.CharField(
        max_length=20, required=False, help_text="count only registrations at this site (code)"
    )


class UniqueCountSerializer(serializers.Serializer[Any]):
    registrations = serializers.IntegerField()
    figure = serializers.IntegerField(help_text="unique people at the chosen cut-off")
    low = serializers.IntegerField(help_text="at the loose cut-off: pending pairs linked")
    high = serializers.IntegerField(help_text="at the strict cut-off: fewer automatic links")
    cutoff = serializers.FloatField()
    strict_cutoff = serializers.FloatField()
    loose_cutoff = serializers.FloatField()
    whole_registry = serializers.BooleanField()


@extend_schema(
    summary="Unique people in your scope, with the range between a strict and a loose cut-off",
    parameters=[UniqueFilterSerializer],
    responses={200: UniqueCountSerializer},
)
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def unique_people(request: Request) -> Response:
    if not queries.may_count(request.user):
        raise PermissionDenied("Only analysts and identity reviewers count unique people.")
    incoming = UniqueFilterSerializer(data=request.query_params)
    incoming.is_valid(raise_exception=True)
    persons = None
    code = incoming.validated_data.get("site")
    if code:
        site = Site.objects.filter(code=code).first()
        if site is None:
            raise BadRequest({"site": "no site with this code"})
        persons = Person.objects.filter(Q(registered_at=site) | Q(last_seen_at=site))
    count = queries.unique_people_range(request.user, persons=persons)
    return Response(UniqueCountSerializer(count).data)


router = SimpleRouter()
router.register("identity-pairs", PairViewSet, basename="identity-pair")
router.register("identity-decisions", DecisionViewSet, basename="identity-decision")

router_urls: list[URLPattern | URLResolver] = [
    *router.urls,
    path("unique-people/", unique_people, name="unique_people"),
]
