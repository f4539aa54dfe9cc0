"""API: obtaining a token, and who the token belongs to."""

from __future__ import annotations

from django.contrib.auth import authenticate
from django_otp import match_token
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import (
    api_view,
    authentication_classes,
    permission_classes,
    throttle_classes,
)
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle

from waypoint.accounts import mfa
from waypoint.accounts.models import User
from waypoint.accounts.throttle import address_blocked
from waypoint.accounts.tokens import token_issue


class TokenRequestSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(max_length=512, trim_whitespace=False)
    name = serializers.CharField(
        max_length=80, required=False, help_text="What the token is for, e.g. a script's name."
    )
    otp = serializers.CharField(
        max_length=12,
        required=False,
        help_text="With two-step sign-in on: the code from the authenticator app.",
    )


class TokenThrottle(SimpleRateThrottle):
    """Token requests per client address (rate: WAYPOINT_TOKEN_RATE, default 10/minute)."""

    scope = "token"

    def get_cache_key(self, request: Request, view: object) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


@extend_schema(
    request=TokenRequestSerializer,
    responses={
        200: inline_serializer(
            "TokenResponse",
            {"token": serializers.CharField(), "expires_at": serializers.DateTimeField()},
        )
    },
    summary="Obtain a new API token with your email and password",
    description=(
        "Each call makes a new token, shown only in this answer (Waypoint keeps its digest). "
        "It expires after WAYPOINT_TOKEN_DAYS days (90 by default); its owner lists and "
        "revokes tokens at /accounts/tokens/, and a new password revokes them all."
    ),
)
@api_view(["POST"])
@authentication_classes([])
@permission_classes([AllowAny])
@throttle_classes([TokenThrottle])
def token_obtain(request: Request) -> Response:
    incoming = TokenRequestSerializer(data=request.data)
    incoming.is_valid(raise_exception=True)
    if address_blocked(request._request):
        return Response(
            {"detail": "Too many failed sign-ins from this network. Wait 15 minutes."},
            status=status.HTTP_429_TOO_MANY_REQUESTS,
        )
    user = authenticate(
        request._request,
        username=incoming.validated_data["email"].lower(),
        password=incoming.validated_data["password"],
    )
    if user is None or not user.is_active:
        return Response(
            {"detail": "Email address or password is wrong, or the account is locked."},
            status=status.HTTP_400_BAD_REQUEST,
        )
    if mfa.is_on(user):
        code = incoming.validated_data.get("otp", "").strip().replace(" ", "")
        if not code or match_token(user, code) is None:
            return Response(
                {"otp": ["Give the current code from your authenticator app."]},
                status=status.HTTP_400_BAD_REQUEST,
            )
    elif mfa.required_for(user):
        return Response(
            {"detail": "Your role requires two-step sign-in: set it up on the web first."},
            status=status.HTTP_400_BAD_REQUEST,
        )
    token, key = token_issue(user=user, name=incoming.validated_data.get("name", ""))
    return Response({"token": key, "expires_at": token.expires_at.isoformat()})


@extend_schema(
    responses={
        200: inline_serializer(
            "Me",
            {
                "email": serializers.EmailField(),
                "full_name": serializers.CharField(),
                "roles": serializers.ListField(child=serializers.CharField()),
            },
        )
    },
    summary="The account the request is authenticated as",
)
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def me(request: Request) -> Response:
    user = request.user
    if not isinstance(user, User):
        return Response({"detail": "Not signed in."}, status=status.HTTP_401_UNAUTHORIZED)
    return Response(
        {"email": user.email, "full_name": user.full_name, "roles": sorted(user.role_names())}
    )
