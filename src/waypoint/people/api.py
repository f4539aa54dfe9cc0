"""API: persons and households, scoped to the token's user and audited.

Serializers validate and shape; the services in ``people.services`` do the writing and the
queries in ``people.queries`` decide what the user may see.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.urls import URLPattern, URLResolver, include, path
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from waypoint.audit.api import audited_page
from waypoint.core.countries import validate_country_code
from waypoint.people import access, queries, services
from waypoint.people.access import Work
from waypoint.people.forms import validate_birth_date
from waypoint.people.models import DatePrecision, Household, Person, Relationship, Sex
from waypoint.people.names import transliterate
from waypoint.people.timeline import Kind as TimelineKind
from waypoint.people.timeline import Timeline, TimelineEntry, person_timeline


class PersonSerializer(serializers.ModelSerializer):
    registered_at: Any = serializers.SlugRelatedField(slug_field="code", read_only=True)
    last_seen_at: Any = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Person
        fields = [
            "id",
            "registration_number",
            "given_name",
            "family_name",
            "father_name",
            "mother_name",
            "given_name_original",
            "family_name_original",
            "father_name_original",
            "sex",
            "birth_date",
            "birth_date_precision",
            "nationality",
            "country_of_birth",
            "place_of_birth",
            "languages",
            "arrived_on",
            "entry_point",
            "asylum_intention",
            "asylum_certificate_on",
            "registered_at",
            "registered_on",
            "last_seen_at",
            "last_seen_on",
            "unaccompanied",
        ]
        read_only_fields = fields


class PersonCreateSerializer(serializers.Serializer):
    site = serializers.CharField(max_length=24)
    given_name = serializers.CharField(max_length=120, required=False, allow_blank=True)
    given_name_original = serializers.CharField(max_length=120, required=False, allow_blank=True)
    family_name = serializers.CharField(max_length=120, required=False, allow_blank=True)
    family_name_original = serializers.CharField(max_length=120, required=False, allow_blank=True)
    father_name = serializers.CharField(max_length=120, required=False, allow_blank=True)
    sex = serializers.ChoiceField(choices=Sex.choices, default=Sex.UNKNOWN)
    birth_date = serializers.DateField(
        required=False, allow_null=True, validators=[validate_birth_date]
    )
    birth_date_precision = serializers.ChoiceField(
        choices=DatePrecision.choices, default=DatePrecision.EXACT
    )
    # The registration form's rules, not a second copy of them.
    nationality = serializers.CharField(
        max_length=3, required=False, allow_blank=True, validators=[validate_country_code]
    )
    languages = serializers.ListField(
        child=serializers.RegexField(r"^[a-z]{2,3}$"), required=False, max_length=10
    )
    phone = serializers.CharField(max_length=32, required=False, allow_blank=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        for field in ("given_name", "family_name"):
            if not attrs.get(field) and attrs.get(f"{field}_original"):
                attrs[field] = transliterate(attrs[f"{field}_original"])[:120]
        if not attrs.get("given_name"):
            raise ValidationError({"given_name": "A given name, in Latin or original script."})
        if attrs.get("nationality"):
            attrs["nationality"] = attrs["nationality"].upper()
        return attrs


class TimelineEntrySerializer(serializers.Serializer):
    when = serializers.CharField(help_text="ISO 8601: a moment (with time zone) or a day.")
    # A plain string (the values of the ``kind`` filter): another "kind" enum in the schema
    # would collide with the document and service kinds.
    kind = serializers.CharField(help_text="One of: " + ", ".join(TimelineKind.values))
    title = serializers.CharField()
    detail = serializers.CharField(allow_blank=True)
    where = serializers.CharField(allow_blank=True, help_text="The site's name, if any.")
    # The metaclass takes declared fields off the class, so this never shadows Field.source.
    source = serializers.CharField(  # type: ignore[assignment]
        help_text="The app and record the entry came from."
    )
    registration = serializers.CharField(allow_blank=True)
    url = serializers.CharField(allow_null=True, help_text="The record's page, if you may open it.")

    def to_representation(self, entry: TimelineEntry) -> dict[str, Any]:
        return {
            "when": entry.moment.isoformat() if entry.has_time else entry.when.isoformat(),
            "kind": entry.kind,
            "title": entry.title,
            "detail": entry.detail,
            "where": entry.where,
            "source": entry.source,
            "registration": entry.registration,
            "url": entry.url,
        }


class TimelineSerializer(serializers.Serializer):
    person = serializers.IntegerField()
    registrations = serializers.ListField(
        child=serializers.CharField(),
        help_text="The registrations of this individual you may see, whose entries these are.",
    )
    kinds = serializers.ListField(child=serializers.CharField())
    entries = TimelineEntrySerializer(many=True)

    def to_representation(self, read: Timeline) -> dict[str, Any]:
        return {
            "person": read.person.pk,
            "registrations": [person.registration_number for person in read.registrations],
            "kinds": read.kinds,
            "entries": [TimelineEntrySerializer(entry).data for entry in read.entries],
        }


class PersonViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Registrations in your scope. ``?q=`` searches names in any script and numbers."""

    lookup_value_regex = "[0-9]+"

    serializer_class = PersonSerializer

    def get_queryset(self) -> Any:
        return queries.persons_search(self.request.user, self.request.query_params.get("q", ""))

    def get_serializer_class(self) -> Any:
        return PersonCreateSerializer if self.action == "create" else PersonSerializer

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        access.require(request.user, Work.READ)
        query = {"q": request.query_params.get("q", "")}
        page = audited_page(self, self.get_queryset(), query=query)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        person = queries.person_view(request.user, int(kwargs["pk"]), purpose="api")
        return Response(PersonSerializer(person).data)

    @extend_schema(
        summary="The person's timeline, across the registrations of their identity group",
        description=(
            "Everything recorded about the individual, oldest first, from every registration "
            "linked to this one that you may see; each entry names its source. Protection "
            "entries only for protection staff. The read is audited."
        ),
        parameters=[
            OpenApiParameter(
                "kind",
                str,
                many=True,
                enum=TimelineKind.values,
                description="Only these kinds (repeat the parameter); all when absent.",
            )
        ],
        responses=TimelineSerializer,
    )
    @action(detail=True, methods=["get"])
    def timeline(self, request: Request, pk: str) -> Response:
        read = person_timeline(
            request.user, int(pk), kinds=request.query_params.getlist("kind"), purpose="api"
        )
        return Response(TimelineSerializer(read).data)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        access.require(request.user, Work.REGISTER)
        incoming = PersonCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        site = queries.registration_sites_for(request.user).filter(code=data.pop("site")).first()
        if site is None:
            raise ValidationError({"site": "Not a registering centre in your scope."})
        try:
            person = services.person_register(actor=request.user, site=site, **data)
        except DjangoValidationError as error:
            raise ValidationError(
                error.message_dict if hasattr(error, "error_dict") else error.messages
            ) from None
        return Response(PersonSerializer(person).data, status=201)


class HouseholdMemberSerializer(serializers.Serializer):
    person = serializers.IntegerField(min_value=1, max_value=2**62)
    relationship = serializers.ChoiceField(choices=Relationship.choices)


class HouseholdSerializer(serializers.ModelSerializer):
    members = serializers.SerializerMethodField()

    class Meta:
        model = Household
        fields = ["id", "head", "members"]

    def get_members(self, household: Household) -> list[dict[str, Any]]:
        """The members the token's user may see; others are left out (not even their ids)."""
        members = list(household.members.all())
        visible = set(
            queries.persons_visible_to(self.context["request"].user)
            .filter(pk__in=[member.person_id for member in members])
            .values_list("pk", flat=True)
        )
        return [
            {"person": member.person_id, "relationship": member.relationship}
            for member in members
            if member.person_id in visible
        ]


class HouseholdCreateSerializer(serializers.Serializer):
    head = serializers.IntegerField(min_value=1, max_value=2**62)
    members = serializers.ListField(
        child=HouseholdMemberSerializer(), required=False, max_length=30
    )


class HouseholdViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Households whose head is in your scope."""

    lookup_value_regex = "[0-9]+"

    serializer_class = HouseholdSerializer

    def get_queryset(self) -> Any:
        return queries.households_visible_to(self.request.user)

    def get_serializer_class(self) -> Any:
        return HouseholdCreateSerializer if self.action == "create" else HouseholdSerializer

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        access.require(request.user, Work.READ)
        page = audited_page(self, self.get_queryset())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        access.require(request.user, Work.EDIT)
        incoming = HouseholdCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        try:
            with transaction.atomic():
                head = queries.person_for(request.user, data["head"])
                members = [
                    (queries.person_for(request.user, member["person"]), member["relationship"])
                    for member in data.get("members", [])
                ]
                household = services.household_register(
                    actor=request.user, head=head, members=members
                )
        except DjangoValidationError as error:
            raise ValidationError(error.messages) from None
        return Response(
            HouseholdSerializer(household, context={"request": request}).data, status=201
        )


router = SimpleRouter()
router.register("persons", PersonViewSet, basename="person")
router.register("households", HouseholdViewSet, basename="household")
router_urls: list[URLPattern | URLResolver] = [path("", include(router.urls))]
