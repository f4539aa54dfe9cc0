"""``waypoint forms``: the form library from the command line.

    waypoint forms list
    waypoint forms upload survey.xlsx --actor analyst@example.org [--publish]
    waypoint forms export needs_survey --actor analyst@example.org --output needs.xlsx
    waypoint forms export sealed --actor admin@example.org --output s.zip --format csv \\
        --key private.pem [--passphrase-env KEY_PASSPHRASE]

Problems in an XLSForm are printed one per line (sheet, row, column, message) and the
command exits with 1; bad flags exit with 2. The private key is read for the export only;
its passphrase comes from an environment variable, never the command line.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import CommandError, CommandParser

from waypoint.accounts.models import User
from waypoint.collect import exporting, services
from waypoint.collect.models import Form
from waypoint.collect.xlsform import XLSFormError
from waypoint.core.commands import WaypointCommand


class Command(WaypointCommand):
    help = "The form library: list forms, upload an XLSForm (and publish it), export submissions."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["list", "upload", "export"])
        parser.add_argument("target", nargs="?", help="the XLSForm file, or the form_id to export")
        parser.add_argument("--actor", help="email of the account the work is recorded under")
        parser.add_argument("--publish", action="store_true", help="publish the uploaded version")
        parser.add_argument("--output", type=Path, help="the export file to write")
        parser.add_argument("--format", choices=["xlsx", "csv"], default="xlsx")
        parser.add_argument("--key", type=Path, help="private key (PEM) of an encrypted form")
        parser.add_argument(
            "--passphrase-env", help="name of the environment variable holding the key's passphrase"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        services.builtin_forms_ensure()
        if options["action"] == "list":
            for form in Form.objects.order_by("form_id"):
                current = form.current_version()
                self.stdout.write(
                    f"{form.form_id}\t{form.state}\t{current.version if current else '-'}\t"
                    f"{form.submissions.count()} submissions"
                )
            return
        actor = self._actor(options)
        if not options["target"]:
            raise CommandError(f"{options['action']} needs a target", returncode=2)
        try:
            if options["action"] == "upload":
                self._upload(actor, Path(options["target"]), publish=options["publish"])
            else:
                self._export(actor, options)
        except PermissionDenied as error:
            raise CommandError(str(error) or "not allowed", returncode=1) from None
        except ValidationError as error:
            raise CommandError(" ".join(error.messages), returncode=1) from None

    def _actor(self, options: dict[str, Any]) -> User:
        if not options["actor"]:
            raise CommandError("--actor is required", returncode=2)
        actor = User.objects.filter(email=options["actor"].lower(), is_active=True).first()
        if actor is None:
            raise CommandError(f"no active account {options['actor']}", returncode=2)
        return actor

    def _upload(self, actor: User, path: Path, *, publish: bool) -> None:
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}", returncode=2) from None
        try:
            version = services.form_upload(actor=actor, name=path.name, content=content)
        except XLSFormError as error:
            for problem in error.problems:
                where = ", ".join(
                    part
                    for part in (
                        problem.sheet,
                        f"row {problem.row}" if problem.row else "",
                        problem.column,
                    )
                    if part
                )
                self.stderr.write(f"{where or path.name}: {problem.message}")
            raise CommandError(f"{path.name} is not a usable XLSForm", returncode=1) from None
        for warning in version.warnings:
            self.stderr.write(f"warning: {warning['message']}")
        if publish:
            services.version_publish(actor=actor, version=version)
        state = "published" if publish else "uploaded (not published)"
        self.stdout.write(f"{version.form.form_id} version {version.version} {state}")

    def _export(self, actor: User, options: dict[str, Any]) -> None:
        form = Form.objects.filter(form_id=options["target"]).first()
        if form is None:
            raise CommandError(f"no form {options['target']}", returncode=2)
        if options["output"] is None:
            raise CommandError("--output is required for export", returncode=2)
        key = None
        if options["key"] is not None:
            try:
                key = options["key"].read_bytes()
            except OSError as error:
                raise CommandError(f"cannot read the key: {error.strerror}", returncode=2) from None
        passphrase = (
            os.environ.get(options["passphrase_env"]) if options["passphrase_env"] else None
        )
        try:
            with options["output"].open("w+b") as out:
                done = exporting.submissions_export(
                    actor=actor,
                    form=form,
                    out=out,
                    format=options["format"],
                    private_key=key,
                    passphrase=passphrase,
                )
        except exporting.ExportRefused as error:
            options["output"].unlink(missing_ok=True)
            raise CommandError(error.message, returncode=1) from None
        except OSError as error:
            raise CommandError(f"cannot write: {error.strerror}", returncode=2) from None
        rows = ", ".join(f"{sheet}: {count}" for sheet, count in done.rows.items())
        self.stdout.write(f"wrote {options['output']} ({rows}; sha256 {done.sha256})")
