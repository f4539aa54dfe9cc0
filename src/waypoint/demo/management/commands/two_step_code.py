"""``waypoint two_step_code EMAIL``: the current two-step sign-in code of a demo persona.

For trying Waypoint without an authenticator app. It works only for the demo's personas
(addresses ending in ``@waypoint.test``), never for a real account.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from waypoint.demo.personas import PERSONAS


class Command(BaseCommand):
    help = "Print the current two-step sign-in code of a demo persona."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args: Any, **options: Any) -> None:
        email = options["email"].strip().lower()
        if email not in {persona.email for persona in PERSONAS}:
            raise CommandError(f"{email} is not a demo persona", returncode=2)
        device = TOTPDevice.objects.filter(user__email=email, confirmed=True).first()
        if device is None:
            raise CommandError(f"{email} has no two-step sign-in", returncode=2)
        self.stdout.write(f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}")
