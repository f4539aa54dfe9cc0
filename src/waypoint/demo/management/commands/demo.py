"""``waypoint demo``: a synthetic population (never real people) and the demo personas."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError, CommandParser

from waypoint.accounts.models import User
from waypoint.core.commands import WaypointCommand
from waypoint.core.progress import Bar, Steps
from waypoint.demo.cases import cases_remove
from waypoint.demo.forms import submissions_remove
from waypoint.demo.identities import identities_build, identities_remove
from waypoint.demo.outside import outside_build, outside_remove
from waypoint.demo.personas import personas_ensure, personas_two_step
from waypoint.demo.population import (
    BuildReport,
    PopulationError,
    population_build,
    population_write_csv,
)
from waypoint.demo.residents import residents_build, residents_remove
from waypoint.presence.services import flow_points_ensure, rounds_generate
from waypoint.returns.services import cases_generate

MAX_PEOPLE = 10_000_000


ADMIN_PERSONA = "admin@waypoint.test"
COUNSELLOR_PERSONA = "counsellor@waypoint.test"
ANALYST_PERSONA = "analyst@waypoint.test"


class Command(WaypointCommand):
    help = (
        "Fill Waypoint with a synthetic population shaped like BiH's reception centres "
        "(never real people), with planted duplicate registrations and their ground truth, "
        "and create the demo personas."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--people",
            type=int,
            default=2000,
            metavar="N",
            help="individuals to generate (default 2000); about 10%% more "
            "registrations are planted duplicates",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=1,
            metavar="S",
            help="random seed; the same N and S give the same population",
        )
        parser.add_argument(
            "--password", metavar="PW", help="password for every persona (default: a new one each)"
        )
        parser.add_argument(
            "--reset", action="store_true", help="remove earlier synthetic persons first"
        )
        parser.add_argument(
            "--ground-truth",
            type=Path,
            metavar="PATH",
            help="where to write which registrations are the same individual "
            "(default var/demo/ground-truth.csv)",
        )
        parser.add_argument(
            "--csv",
            type=Path,
            metavar="PATH",
            help="write the population to this CSV file instead of the database (no personas)",
        )
        parser.add_argument(
            "--no-personas", action="store_true", help="do not create or reset the demo personas"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        people: int = options["people"]
        if people < 0:
            raise CommandError(f"--people must be 0 or more, not {people}", returncode=2)
        if people > MAX_PEOPLE:
            raise CommandError(
                f"--people must be at most {MAX_PEOPLE:,}, not {people:,}", returncode=2
            )
        password: str | None = options["password"]
        if password is not None:
            try:
                validate_password(password)
            except ValidationError as error:
                raise CommandError(
                    f"--password: {' '.join(error.messages)}", returncode=2
                ) from error
        ground_truth = _writable(
            options["ground_truth"] or Path(settings.VAR_DIR) / "demo" / "ground-truth.csv",
            "--ground-truth",
        )
        csv_path = _writable(options["csv"], "--csv") if options["csv"] else None
        if csv_path is not None and csv_path.resolve() == ground_truth.resolve():
            raise CommandError("--csv and --ground-truth must be different files", returncode=2)
        with_personas = csv_path is None and not options["no_personas"]
        steps = Steps(self.stdout, total=7 if with_personas else 1)
        try:
            with steps.step("generating the synthetic population") as bar:
                if csv_path is not None:
                    report = population_write_csv(
                        people=people,
                        seed=options["seed"],
                        path=csv_path,
                        ground_truth_path=ground_truth,
                        progress=bar,
                    )
                else:
                    if options["reset"]:
                        submissions_remove()
                        outside_remove()
                        cases_remove()
                        residents_remove()
                        identities_remove()
                    report = population_build(
                        people=people,
                        seed=options["seed"],
                        reset=options["reset"],
                        ground_truth_path=ground_truth,
                        progress=bar,
                    )
        except PopulationError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(_summary(report))
        if with_personas:
            with steps.step("the demo personas"):
                self._personas(password)
            # Residents are admitted by the administrator persona, so only with personas.
            with steps.step("admitting residents to the centres") as bar:
                self._residents(options["seed"], bar)
            with steps.step("finding the duplicate registrations (deduplication)"):
                self._identities()
            with steps.step("voluntary return cases"):
                self._cases(people, options["seed"])
            with steps.step("presence monitoring outside the centres"):
                self._presence(options["seed"])
            with steps.step("outside lists and an estimate of the people outside"):
                self._outside(options["seed"])
        steps.finish("demo: ready")

    def _presence(self, seed: int) -> None:
        flow_points_ensure()
        rounds = rounds_generate(locations=150, published=3, in_review=1, collecting=1, seed=seed)
        self.stdout.write(
            f"presence monitoring: {len(rounds)} rounds over 150 locations outside the centres "
            f"(one in review, failing a check; round {rounds[-1].number} collecting: phones "
            "submit to it)"
        )

    def _outside(self, seed: int) -> None:
        report = outside_build(
            analyst=User.objects.get(email=ANALYST_PERSONA),
            outreach_worker=User.objects.get(email=ADMIN_PERSONA),
            seed=seed,
        )
        estimate = report.estimate.result.get("not_in_centres") if report.estimate else None
        figure = (
            f"estimated {estimate['estimate']:.0f} ({estimate['ci_low']:.0f} to "
            f"{estimate['ci_high']:.0f}), truly {report.outside}"
            if estimate and estimate["ci_high"] is not None
            else f"no estimate, truly {report.outside}"
        )
        self.stdout.write(
            f"outside the centres {report.first_day:%d.%m.%Y}-{report.last_day:%d.%m.%Y}: "
            f"{report.outreach} outreach contacts, police list of {report.police}, "
            f"{report.certificates} asylum-intention certificates; people outside: {figure}"
        )

    def _cases(self, people: int, seed: int) -> None:
        counsellor = User.objects.get(email=COUNSELLOR_PERSONA)
        cases = cases_generate(count=min(max(people // 50, 5), 200), seed=seed, actor=counsellor)
        self.stdout.write(f"{len(cases)} voluntary return cases at every stage")

    def _identities(self) -> None:
        run = identities_build(actor=User.objects.get(email=ADMIN_PERSONA))
        if run.status != "done":
            self.stderr.write(f"deduplication failed: {run.error}")
            return
        self.stdout.write(
            f"deduplication: {run.records} registrations are {run.groups} unique people; "
            f"{run.linked} pairs linked automatically, {run.queued} waiting for review"
        )

    def _residents(self, seed: int, progress: Bar) -> None:
        admin = User.objects.get(email=ADMIN_PERSONA)
        residents = residents_build(actor=admin, seed=seed, progress=progress)
        self.stdout.write(
            f"{residents.beds} beds added, {residents.admitted} registrations admitted "
            f"to their centres as residents, {residents.exited} of them left again"
        )

    def _personas(self, password: str | None) -> None:
        rows = personas_ensure(password)
        width = max(len(email) for email, _role, _secret in rows)
        role_width = max(len(role) for _email, role, _secret in rows)
        self.stdout.write(f"{'persona':<{width}}  {'role':<{role_width}}  password")
        for email, role, secret in rows:
            self.stdout.write(
                f"{email:<{width}}  {role:<{role_width}}  "
                f"{secret if secret is not None else '(unchanged)'}"
            )
        keys = personas_two_step()
        if keys:
            self.stdout.write(
                "two-step sign-in keys (add to an authenticator app, or print the current code "
                "with `waypoint two_step_code EMAIL`):"
            )
            for email, key in keys:
                self.stdout.write(f"{email:<{width}}  {key}")


def _writable(path: Path, flag: str) -> Path:
    """The path, once its directory exists and a file can be written there; else exit 2."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise CommandError(f"{flag} {path} is a directory, not a file", returncode=2)
    existing = next(folder for folder in path.absolute().parents if folder.exists())
    if not existing.is_dir():
        raise CommandError(
            f"{flag} {path} cannot be written: {existing} is not a directory", returncode=2
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CommandError(
            f"{flag} {path} cannot be written: {error.strerror}", returncode=2
        ) from error
    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise CommandError(f"{flag} {path} cannot be written: permission denied", returncode=2)
    return path


def _summary(report: BuildReport) -> str:
    where = f" to {report.data_path}" if report.data_path is not None else ""
    kind = "records" if report.data_path is not None else "persons"
    return (
        f"demo: wrote {report.persons_written:,} {kind}{where} "
        f"({report.individuals:,} people, {report.duplicates_planted:,} duplicates planted) "
        f"in {report.elapsed_seconds:.1f} s"
        + (f", after removing {report.removed:,} earlier ones" if report.removed else "")
        + f"; ground truth: {report.ground_truth_path}"
    )
