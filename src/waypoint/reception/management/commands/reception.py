"""``waypoint reception absences --site CODE``: residents absent for more than 48 hours.

Prints one line per open stay whose resident was last seen more than 48 hours ago, oldest
first, for the centre manager to confirm in the web application; exits 0 whether or not
anyone is listed. Meant for an office cron job or a morning check.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.utils import timezone

from waypoint.core.commands import OneLineParser, WaypointCommand
from waypoint.places.models import Site
from waypoint.reception.access import CENTRE_KINDS
from waypoint.reception.queries import absences_overdue


class Command(WaypointCommand):
    help = "Reception tasks for a centre's office."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(
            dest="action", metavar="ACTION", required=True, parser_class=OneLineParser
        )
        absences = actions.add_parser(
            "absences", help="list residents not seen for more than 48 hours"
        )
        absences.add_argument(
            "--site", required=True, metavar="CODE", help="the centre's code, e.g. TRC-LIP"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        site = Site.objects.filter(code=options["site"].upper(), kind__in=CENTRE_KINDS).first()
        if site is None:
            raise CommandError(f"no centre has the code {options['site']!r}", returncode=2)
        now = timezone.now()
        stays = list(absences_overdue(site=site, now=now))
        for stay in stays:
            hours = int((now - stay.last_seen_at).total_seconds() // 3600)
            seen = timezone.localtime(stay.last_seen_at).strftime("%Y-%m-%d %H:%M")
            bed = str(stay.bed) if stay.bed else "-"
            self.stdout.write(
                f"{stay.person.registration_number}\t{stay.person.full_name}\t"
                f"last seen {seen} ({hours} h)\tbed {bed}"
            )
        self.stdout.write(f"reception: {len(stays)} absent over 48 hours at {site.name}")
