"""`waypoint subject_access PERSON_ID --language bs --output FILE --actor EMAIL`: everything
Waypoint holds about one registration, in the person's language, as PDF (or HTML when FILE
ends in .html) with a JSON file beside it (FILE with the suffix .json). Read as ``--actor``
(their scope applies) and recorded in the audit trail as an export of personal data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.management.base import CommandError, CommandParser
from django.http import Http404

from waypoint.accounts.models import User
from waypoint.core.commands import WaypointCommand
from waypoint.privacy import export
from waypoint.privacy.queries import SUBJECT_LANGUAGES, subject_access_for
from waypoint.privacy.services import subject_access_record


class Command(WaypointCommand):
    help = "Export everything held about one person, in their language (PDF or HTML, and JSON)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("person_id", type=int)
        parser.add_argument("--language", choices=SUBJECT_LANGUAGES, default="en")
        parser.add_argument("--output", required=True, help="FILE.pdf or FILE.html")
        parser.add_argument("--actor", required=True, help="email of the account exporting")

    def handle(self, *args: Any, **options: Any) -> None:
        actor = User.objects.filter(email__iexact=options["actor"], is_active=True).first()
        if actor is None:
            raise CommandError(f"no active user {options['actor']!r}", returncode=2)
        output = Path(options["output"])
        language = options["language"]
        try:
            found = subject_access_for(actor, options["person_id"], language=language)
        except (Http404, PermissionDenied):
            raise CommandError(
                f"no registration {options['person_id']} that {actor.email} may export",
                returncode=2,
            ) from None
        if output.suffix.lower() == ".html":
            output.write_text(export.subject_access_html(found), encoding="utf-8")
            form = "html"
        else:
            output.write_bytes(export.subject_access_pdf(found))
            form = "pdf"
        as_json = output.with_suffix(".json")
        as_json.write_bytes(export.subject_access_json(found))
        subject_access_record(
            actor=actor, person_id=found.person_id, language=language, form=f"{form}+json"
        )
        self.stdout.write(f"wrote {output} and {as_json}")
