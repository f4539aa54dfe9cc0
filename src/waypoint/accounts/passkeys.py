"""Passkeys (WebAuthn) as the second step of signing in, beside the authenticator app.

Built on py_webauthn. The two ceremonies each take a challenge the server makes and keeps
in the session, for one use and ``CHALLENGE_SECONDS`` at most. The relying party is the host
the request came to, without its port; the origin the browser signs must be this site's.

A passkey is added beside the authenticator app, never instead of it: the app's recovery
codes are the way back in when the device holding the passkey is lost, and removing the app
removes the passkeys too (``passkeys_remove_all``). At sign-in a passkey verifies the session
exactly as an app code does (django-otp's ``login`` with the ``Passkey`` device), so it is
the second factor the roles in ``mfa.REQUIRED_ROLES`` need.
"""

from __future__ import annotations

import json
import time
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.http.request import split_domain_port
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django_otp import login as otp_login
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    AuthenticatorTransport,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from waypoint.accounts.models import Passkey, User
from waypoint.audit.models import Action
from waypoint.audit.services import audit_record

RP_NAME = "Waypoint"
CHALLENGE_SECONDS = 300
CHALLENGE_KEY = "waypoint_webauthn_challenge"
REGISTER = "register"
AUTHENTICATE = "authenticate"
NAME_LENGTH = 64
_TRANSPORTS = {transport.value for transport in AuthenticatorTransport}


class PasskeyRefused(Exception):
    """A ceremony that did not verify; the message says why, for the audit trail."""


def rp_id(request: HttpRequest) -> str:
    """The relying party's id: the host the request came to, without the port."""
    domain, _port = split_domain_port(request.get_host())
    return domain


def origin(request: HttpRequest) -> str:
    """The origin the browser must report: this site's scheme, host and port."""
    return f"{request.scheme}://{request.get_host()}"


def user_handle(user: User) -> bytes:
    """The WebAuthn user id: stable for the account, reveals neither its email nor its pk."""
    return salted_hmac("waypoint.accounts.passkeys.user_handle", str(user.pk)).digest()


def passkeys_of(user: User) -> list[Passkey]:
    return list(Passkey.objects.filter(user=user, confirmed=True))


def has_passkey(user: User) -> bool:
    return Passkey.objects.filter(user=user, confirmed=True).exists()


def _descriptors(user: User) -> list[PublicKeyCredentialDescriptor]:
    return [
        PublicKeyCredentialDescriptor(
            id=base64url_to_bytes(passkey.credential_id),
            transports=[AuthenticatorTransport(t) for t in passkey.transports if t in _TRANSPORTS],
        )
        for passkey in passkeys_of(user)
    ]


def _challenge_keep(request: HttpRequest, purpose: str, challenge: bytes) -> None:
    request.session[CHALLENGE_KEY] = {
        "purpose": purpose,
        "challenge": bytes_to_base64url(challenge),
        "expires": time.time() + CHALLENGE_SECONDS,
    }


def _challenge_take(request: HttpRequest, purpose: str) -> bytes:
    """The challenge kept for ``purpose``, removed from the session: one use only."""
    kept = request.session.pop(CHALLENGE_KEY, None)
    if not isinstance(kept, dict) or kept.get("purpose") != purpose:
        raise PasskeyRefused("no challenge was issued")
    if float(kept.get("expires", 0)) < time.time():
        raise PasskeyRefused("the challenge expired")
    return base64url_to_bytes(str(kept["challenge"]))


def registration_options(*, request: HttpRequest, user: User) -> str:
    """Options (JSON) for ``navigator.credentials.create``: the user's existing passkeys
    excluded, user verification preferred. Keeps the challenge in the session."""
    options = generate_registration_options(
        rp_id=rp_id(request),
        rp_name=RP_NAME,
        user_id=user_handle(user),
        user_name=user.email,
        user_display_name=user.full_name or user.email,
        timeout=CHALLENGE_SECONDS * 1000,
        exclude_credentials=_descriptors(user),
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.PREFERRED,
            user_verification=UserVerificationRequirement.PREFERRED,
        ),
    )
    _challenge_keep(request, REGISTER, options.challenge)
    return options_to_json(options)


@transaction.atomic
def passkey_add(*, request: HttpRequest, user: User, credential: Any, name: str) -> Passkey:
    """Verify the browser's answer to ``registration_options`` and keep the passkey.
    ``PasskeyRefused`` when it does not verify (wrong origin, challenge, relying party...)."""
    challenge = _challenge_take(request, REGISTER)
    if not isinstance(credential, dict):
        raise PasskeyRefused("the answer is not a credential")
    try:
        verified = verify_registration_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=rp_id(request),
            expected_origin=origin(request),
        )
    except (WebAuthnException, ValueError, TypeError, KeyError) as error:
        raise PasskeyRefused(str(error) or type(error).__name__) from None
    credential_id = bytes_to_base64url(verified.credential_id)
    if Passkey.objects.filter(credential_id=credential_id).exists():
        raise PasskeyRefused("this passkey is already registered")
    response = credential.get("response")
    transports = response.get("transports") or [] if isinstance(response, dict) else []
    passkey = Passkey.objects.create(
        user=user,
        name=(name.strip() or "Passkey")[:NAME_LENGTH],
        credential_id=credential_id,
        public_key=verified.credential_public_key,
        sign_count=verified.sign_count,
        transports=[str(t) for t in transports if t in _TRANSPORTS],
    )
    audit_record(actor=user, action=Action.CREATE, target=passkey, changed_fields=["passkey"])
    return passkey


@transaction.atomic
def passkey_remove(*, actor: User, passkey: Passkey) -> None:
    audit_record(actor=actor, action=Action.DELETE, target=passkey, changed_fields=["passkey"])
    passkey.delete()


@transaction.atomic
def passkeys_remove_all(*, actor: User, user: User) -> None:
    """Remove every passkey of ``user`` (when their authenticator app is removed)."""
    for passkey in passkeys_of(user):
        passkey_remove(actor=actor, passkey=passkey)


def authentication_options(*, request: HttpRequest, user: User) -> str:
    """Options (JSON) for ``navigator.credentials.get`` naming the user's passkeys. Keeps
    the challenge in the session."""
    options = generate_authentication_options(
        rp_id=rp_id(request),
        timeout=CHALLENGE_SECONDS * 1000,
        allow_credentials=_descriptors(user),
        user_verification=UserVerificationRequirement.PREFERRED,
    )
    _challenge_keep(request, AUTHENTICATE, options.challenge)
    return options_to_json(options)


def verify(*, request: HttpRequest, user: User, credential: Any) -> bool:
    """The second step with a passkey: the browser's answer to ``authentication_options``.
    On success the session is verified (as with an app code), the passkey's sign count and
    last use are updated. A replayed answer, a sign count that did not go up, a wrong origin
    or challenge fail; each failure is audited with its reason."""
    try:
        passkey = _verified_passkey(request=request, user=user, credential=credential)
    except PasskeyRefused as refused:
        audit_record(
            actor=user,
            action=Action.LOGIN_FAILED,
            target=user,
            purpose=f"two-step passkey: {refused}",
        )
        return False
    otp_login(request, passkey)
    audit_record(actor=user, action=Action.LOGIN, target=user, purpose="two-step passkey")
    return True


@transaction.atomic
def _verified_passkey(*, request: HttpRequest, user: User, credential: Any) -> Passkey:
    challenge = _challenge_take(request, AUTHENTICATE)
    if not isinstance(credential, dict):
        raise PasskeyRefused("the answer is not a credential")
    passkey = (
        Passkey.objects.select_for_update()
        .filter(user=user, confirmed=True, credential_id=str(credential.get("rawId", "")))
        .first()
    )
    if passkey is None:
        raise PasskeyRefused("not one of this account's passkeys")
    try:
        verified = verify_authentication_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=rp_id(request),
            expected_origin=origin(request),
            credential_public_key=bytes(passkey.public_key),
            credential_current_sign_count=passkey.sign_count,
        )
    except (WebAuthnException, ValueError, TypeError, KeyError) as error:
        raise PasskeyRefused(str(error) or type(error).__name__) from None
    passkey.sign_count = verified.new_sign_count
    passkey.last_used_at = timezone.now()
    passkey.save(update_fields=["sign_count", "last_used_at"])
    return passkey


def parse_body(body: bytes) -> dict[str, Any]:
    """The JSON object a passkey script posts; empty when it is not one."""
    try:
        data = json.loads(body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return {}
    return data if isinstance(data, dict) else {}
