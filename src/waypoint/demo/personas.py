"""The demo personas: one account per kind of user, with the role and scope its name says.

Tests, the README and demos rely on these addresses; keep them stable.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from waypoint.accounts import mfa
from waypoint.accounts.models import Assignment, Role, User
from waypoint.accounts.services import (
    assignment_add,
    assignment_remove,
    password_generate,
    user_create,
    user_set_password,
)
from waypoint.places.models import Area, Site


@dataclass(frozen=True)
class Persona:
    email: str
    full_name: str
    role: Role
    site_code: str = ""  # a site's code, or
    area_code: str = ""  # an area's P-code; neither: national


PERSONAS = (
    Persona("admin@waypoint.test", "Amra Administrator", Role.ADMINISTRATOR),
    Persona("manager.lipa@waypoint.test", "Mirza Manager", Role.CENTRE_MANAGER, "TRC-LIP"),
    Persona(
        "registrar.lipa@waypoint.test", "Lejla Registrar", Role.REGISTRATION_OFFICER, "TRC-LIP"
    ),
    Persona(
        "registrar.usivak@waypoint.test", "Uroš Registrar", Role.REGISTRATION_OFFICER, "TRC-USI"
    ),
    Persona("caseworker.lipa@waypoint.test", "Kenan Caseworker", Role.CASE_WORKER, "TRC-LIP"),
    Persona(
        "protection.borici@waypoint.test", "Belma Protection", Role.PROTECTION_OFFICER, "TRC-BOR"
    ),
    Persona("counsellor@waypoint.test", "Nadia Counsellor", Role.AVRR_COUNSELLOR),
    Persona("enumerator@waypoint.test", "Edin Enumerator", Role.ENUMERATOR, area_code="BA0101"),
    Persona("analyst@waypoint.test", "Ana Analyst", Role.ANALYST),
    Persona("partner@waypoint.test", "Petra Partner", Role.PARTNER_VIEWER),
)


@transaction.atomic
def personas_ensure(password: str | None = None) -> list[tuple[str, str, str]]:
    """Create or reset every persona with exactly its one assignment.

    Each gets ``password``, or when it is None a fresh one-time password. Returns
    (email, role label, password) for printing once; passwords are not stored anywhere else.
    """
    shown = []
    for persona in PERSONAS:
        user = User.objects.filter(email=persona.email).first()
        if user is None:
            user = user_create(actor=None, email=persona.email, full_name=persona.full_name)
        secret = password or password_generate()
        user_set_password(actor=None, user=user, password=secret)
        site = Site.objects.get(code=persona.site_code) if persona.site_code else None
        area = Area.objects.get(code=persona.area_code) if persona.area_code else None
        stale = Assignment.objects.filter(user=user).exclude(
            role=persona.role, site=site, area=area
        )
        for assignment in stale:
            assignment_remove(actor=None, assignment=assignment)
        assignment_add(actor=None, user=user, role=persona.role, site=site, area=area)
        if persona.role == Role.ADMINISTRATOR and not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        shown.append((persona.email, str(persona.role.label), secret))
    return shown


@transaction.atomic
def personas_two_step() -> list[tuple[str, str]]:
    """An authenticator-app key for every persona whose role requires two-step sign-in and
    has none yet: (email, key as typed into an app). Keys already set are not shown again."""
    made = []
    for persona in PERSONAS:
        user = User.objects.get(email=persona.email)
        if mfa.required_for(user) and not mfa.is_on(user):
            device = TOTPDevice.objects.create(user=user, name=mfa.APP_DEVICE, confirmed=True)
            mfa.recovery_codes_make(user=user)
            made.append((persona.email, mfa.secret_text(device)))
    return made
