"""Two-step sign-in: a time-based code from an authenticator app (TOTP, RFC 6238), or one
of ten one-time recovery codes. Built on django-otp (its TOTP and static-token devices, and
its throttling of wrong codes).

Required for the roles that can reach the most people or the most sensitive records
(``REQUIRED_ROLES``); anyone else may turn it on. A session is *verified* once the second
step is done; until then ``TwoStepMiddleware`` lets it reach only the two-step pages and
sign-out. API tokens of an account with two-step sign-in are issued only with a valid code.
"""

from __future__ import annotations

import base64
import secrets
from typing import Any

import segno
from django.db import transaction
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from waypoint.accounts.models import Role, User
from waypoint.audit.models import Action
from waypoint.audit.services import audit_record

REQUIRED_ROLES = frozenset(
    {Role.ADMINISTRATOR, Role.CENTRE_MANAGER, Role.PROTECTION_OFFICER, Role.AVRR_COUNSELLOR}
)
RECOVERY_CODES = 10
APP_DEVICE = "authenticator app"
RECOVERY_DEVICE = "recovery codes"


def required_for(user: Any) -> bool:
    return bool(set(user.role_names()) & REQUIRED_ROLES)


def app_device(user: Any, *, confirmed: bool = True) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).first()


def is_on(user: Any) -> bool:
    """Whether the account has a confirmed authenticator app."""
    return app_device(user) is not None


def recovery_codes_left(user: Any) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def secret_text(device: TOTPDevice) -> str:
    """The device's key as an authenticator app takes it by hand (base32, in groups of 4)."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The ``otpauth://`` address as an inline SVG QR code (drawn here, no outside service)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#111")


@transaction.atomic
def app_begin(*, user: User) -> TOTPDevice:
    """An unconfirmed authenticator-app device for ``user`` (replacing an earlier unconfirmed
    one); it counts only once a code from the app confirms it."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=False)


@transaction.atomic
def app_confirm(*, request: Any, user: User, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app with a code it shows: the device replaces any earlier one, ten new
    recovery codes are made (returned once), and this session is verified. ``None`` if the
    code is wrong."""
    if device.user_id != user.pk or not device.verify_token(code.strip().replace(" ", "")):
        return None
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = recovery_codes_make(user=user)
    otp_login(request, device)
    audit_record(actor=user, action=Action.UPDATE, target=user, changed_fields=["two_step"])
    return codes


@transaction.atomic
def recovery_codes_make(*, user: User) -> list[str]:
    """Ten new one-time recovery codes (the old ones stop working); returned once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE, confirmed=True)
    codes = [f"{secrets.randbelow(10**8):08d}" for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    audit_record(actor=user, action=Action.UPDATE, target=user, changed_fields=["recovery_codes"])
    return [f"{code[:4]}-{code[4:]}" for code in codes]


def verify(*, request: Any, user: User, code: str) -> bool:
    """The second step: a code from the app or a recovery code (used up). Wrong codes are
    throttled by django-otp and audited."""
    device = match_token(user, code.strip().replace(" ", "").replace("-", ""))
    if device is None:
        audit_record(actor=user, action=Action.LOGIN_FAILED, target=user, purpose="two-step")
        return False
    otp_login(request, device)
    audit_record(actor=user, action=Action.LOGIN, target=user, purpose="two-step")
    return True


@transaction.atomic
def two_step_off(*, actor: Any, user: User) -> None:
    """Remove the account's app and recovery codes: the owner (where not required) or an
    administrator for someone who lost their phone (who then sets it up again at sign-in)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    audit_record(actor=actor, action=Action.UPDATE, target=user, changed_fields=["two_step"])
