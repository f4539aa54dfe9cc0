"""How many submissions a form-library form takes per second from phones, photo included.

    uv run python benchmarks/collect_submissions.py --submissions 10000 [--postgres]
        [--clients 1] [--variant both|photo|plain] [--seed 1]

Why: a survey team's phones send a day's forms in a burst when they reach a network, each
with a photo; the form library (``collect``) keeps every instance and attachment in the
database. This measures that path end to end, as the phones use it.

On a fresh database (a temporary SQLite file, or with ``--postgres`` a new database on
127.0.0.1:5432, user postgres, trust authentication, dropped afterwards), migrated, with
the places of BiH and the demo personas: the analyst persona uploads an XLSForm of fifteen
questions (a household repeat, an image question) through ``collect.services.form_upload``
and publishes it (``version_publish``). Waypoint is then served by gunicorn with the
production settings of docs/deployment.md (``benchmarks/live_server.py``), and
``--clients`` phones (threads, one HTTP connection each) sign in as the enumerator persona
with HTTP Digest the way ODK Collect does: one 401 challenge, then the same nonce with the
nonce count going up, a new challenge only when the server calls the nonce stale. Before
the clock starts each phone fetches the form list and the form, as Collect does. Then they
send ``--submissions`` instances between them, each a multipart POST to
``/openrosa/submission`` with two household members in the repeat and, in the ``photo``
variant, one attachment: about 50 KB of random bytes framed as a JPEG (incompressible,
different for each submission). The ``plain`` variant sends the same instances without the
photo: there is no other way in the repository to take phone submissions to measure
against (the DTM forms' old path in ``presence`` now goes through the same service).

Besides wall time and latency, the CPU time per submission of gunicorn's processes, of
the PostgreSQL backends serving the benchmark's database, and of the phones (this process),
read from Linux's ``/proc``: the steadier figure on a machine shared with other work; and
the machine's load average meanwhile (this benchmark's own processes count in it).

Each variant gets a database of its own. Afterwards the database must hold exactly N
submissions of the form and N attachments (none in the plain variant), read back through
the ORM; the benchmark exits non-zero otherwise. Prints the command, date, machine and a
markdown table, then one JSON line.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import requests
from live_server import (
    GUNICORN_SETTINGS,
    Gunicorn,
    clean_up_on_terminate,
    postgres_database,
    sqlite_database,
    waypoint_env,
)
from reception_setup import percentile

PASSWORD = "bench-collect-passphrase"  # noqa: S105 (throw-away demo accounts)
ANALYST = "analyst@waypoint.test"
ENUMERATOR = "enumerator@waypoint.test"
FORM_ID = "household_visit"
FORM_VERSION = "2026120801"
SUBMISSION = "/openrosa/submission"
PHOTO_BYTES = 50_000  # on average; each photo is 45-55 KB
JPEG_HEADER = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
JPEG_END = b"\xff\xd9"
MIB = 1024 * 1024

SURVEY = [
    ("type", "name", "label", "required"),
    ("date", "visit_date", "Date of visit", "yes"),
    ("select_one sites", "site", "Site", "yes"),
    ("geopoint", "location", "Location", ""),
    ("text", "respondent", "Respondent's name", "yes"),
    ("select_one sexes", "respondent_sex", "Respondent's sex", "yes"),
    ("integer", "respondent_age", "Respondent's age", ""),
    ("select_one yes_no", "consent", "Consent given", "yes"),
    ("integer", "household_size", "People in the household", "yes"),
    ("select_multiple needs", "needs", "Needs", ""),
    ("decimal", "distance_km", "Distance to the nearest clinic (km)", ""),
    ("begin_repeat", "members", "Household members", ""),
    ("text", "member_name", "Name", ""),
    ("integer", "member_age", "Age", ""),
    ("select_one sexes", "member_sex", "Sex", ""),
    ("end_repeat", "", "", ""),
    ("image", "photo", "Photo of the shelter", ""),
    ("text", "notes", "Notes", ""),
]
CHOICES = [
    ("list_name", "name", "label"),
    *[("sites", code, name) for code, name in (("LIP", "Lipa"), ("BOR", "Borići"))],
    *[("sites", code, name) for code, name in (("USI", "Ušivak"), ("BLA", "Blažuj"))],
    ("sexes", "F", "Female"),
    ("sexes", "M", "Male"),
    ("yes_no", "yes", "Yes"),
    ("yes_no", "no", "No"),
    *[("needs", need, need.title()) for need in ("food", "water", "shelter", "health")],
]
NAMES = ["Amina", "Omar", "Sara", "Ahmad", "Fatima", "Bilal", "Zainab", "Yusuf", "Mariam"]


def household_xlsform() -> bytes:
    """The benchmark's questionnaire as an .xlsx XLSForm, as an analyst would upload it."""
    from openpyxl import Workbook

    book = Workbook()
    survey = book.active
    assert survey is not None
    survey.title = "survey"
    for sheet, rows in (
        (survey, SURVEY),
        (book.create_sheet("choices"), CHOICES),
        (book.create_sheet("settings"), [("form_id", "version", "form_title")]),
    ):
        for row in rows:
            sheet.append(list(row))
    book["settings"].append([FORM_ID, FORM_VERSION, "Household visit"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- What a phone sends -------------------------------------------------------------------


def instance(chance: random.Random, number: int, photo: str | None) -> bytes:
    """One filled-in household visit: two members in the repeat, ``photo`` named or empty."""
    members = "".join(
        f"<members><member_name>{chance.choice(NAMES)} {number}</member_name>"
        f"<member_age>{chance.randint(0, 80)}</member_age>"
        f"<member_sex>{chance.choice('FM')}</member_sex></members>"
        for _ in range(2)
    )
    needs = " ".join(sorted(chance.sample(["food", "water", "shelter", "health"], 2)))
    return (
        '<?xml version="1.0"?>\n<data xmlns:jr="http://openrosa.org/javarosa" '
        f'xmlns:orx="http://openrosa.org/xforms" id="{FORM_ID}" version="{FORM_VERSION}">'
        f"<visit_date>2026-12-{chance.randint(1, 28):02d}</visit_date>"
        f"<site>{chance.choice(['LIP', 'BOR', 'USI', 'BLA'])}</site>"
        f"<location>{44 + chance.random():.6f} {15 + chance.random() * 3:.6f} 230 4.5</location>"
        f"<respondent>{chance.choice(NAMES)} {number}</respondent>"
        f"<respondent_sex>{chance.choice('FM')}</respondent_sex>"
        f"<respondent_age>{chance.randint(18, 70)}</respondent_age><consent>yes</consent>"
        f"<household_size>{chance.randint(2, 9)}</household_size><needs>{needs}</needs>"
        f"<distance_km>{chance.uniform(0.5, 40):.1f}</distance_km>{members}"
        f"<photo>{photo or ''}</photo><notes>Visit {number}</notes>"
        f"<meta><instanceID>uuid:{uuid.UUID(int=chance.getrandbits(128), version=4)}"
        "</instanceID></meta></data>"
    ).encode()


def photo_bytes(chance: random.Random) -> bytes:
    """About 50 KB that look like a JPEG to a content sniffer and compress like one."""
    size = chance.randint(PHOTO_BYTES - 5_000, PHOTO_BYTES + 5_000)
    return JPEG_HEADER + chance.randbytes(size - len(JPEG_HEADER) - len(JPEG_END)) + JPEG_END


Parts = dict[str, tuple[str, bytes, str]]


def submission_parts(seed: int, number: int, with_photo: bool) -> Parts:
    """The multipart parts ODK Collect sends for submission ``number``: the instance as
    ``xml_submission_file`` and the photo under its own file name."""
    chance = random.Random(seed * 1_000_003 + number)
    name = f"shelter-{number}.jpg" if with_photo else None
    parts = {"xml_submission_file": ("submission.xml", instance(chance, number, name), "text/xml")}
    if name is not None:
        parts[name] = (name, photo_bytes(chance), "image/jpeg")
    return parts


def _hash(algorithm: str, text: str) -> str:
    if algorithm == "MD5":
        return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()
    return hashlib.sha256(text.encode()).hexdigest()


class Phone:
    """A phone signing in with HTTP Digest as okhttp-digest (ODK Collect's client) does:
    a request without credentials, the 401's challenge read once, then every request
    answered with that nonce and ``nc`` counting up; a new challenge only after a 401 (the
    server calls a nonce stale after five minutes). Counts the 401s it met."""

    def __init__(self, base: str, email: str, password: str, algorithm: str = "SHA-256") -> None:
        self.base, self.email, self.password, self.algorithm = base, email, password, algorithm
        self.session = requests.Session()
        self.session.headers["X-OpenRosa-Version"] = "1.0"
        self.challenge: dict[str, str] | None = None
        self.count = 0
        self.challenges = 0

    def _authorization(self, method: str, path: str) -> str:
        assert self.challenge is not None
        self.count += 1
        nc, cnonce = f"{self.count:08x}", uuid.uuid4().hex
        realm, nonce = self.challenge["realm"], self.challenge["nonce"]
        ha1 = _hash(self.algorithm, f"{self.email}:{realm}:{self.password}")
        ha2 = _hash(self.algorithm, f"{method}:{path}")
        response = _hash(self.algorithm, f"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}")
        return (
            f'Digest username="{self.email}", realm="{realm}", nonce="{nonce}", uri="{path}", '
            f'algorithm={self.algorithm}, qop=auth, nc={nc}, cnonce="{cnonce}", '
            f'response="{response}", opaque="{self.challenge["opaque"]}"'
        )

    def _challenge_from(self, header: str) -> None:
        for part in re.split(r",\s*(?=Digest |Basic )", header):
            if part.startswith("Digest") and f"algorithm={self.algorithm}," in part:
                self.challenge = dict(re.findall(r'(\w+)="?([^",]*)"?', part[7:]))
                self.count = 0
                return
        raise RuntimeError(f"no {self.algorithm} Digest challenge in {header!r}")

    def request(self, method: str, path: str, files: Parts | None = None) -> requests.Response:
        for _attempt in range(2):
            headers = {}
            if self.challenge is not None:
                headers["Authorization"] = self._authorization(method, path)
            response = self.session.request(
                method, self.base + path, headers=headers, files=files, timeout=120
            )
            if response.status_code != 401:
                return response
            self.challenges += 1
            self._challenge_from(response.headers["WWW-Authenticate"])
        return response


# --- Sending ------------------------------------------------------------------------------


@dataclass
class Sent:
    latencies_ms: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    challenges: int = 0
    seconds: float = 0.0
    cpu_seconds: dict[str, float] = field(default_factory=dict)
    # The machine's 1-minute load average every five seconds: this benchmark's own
    # processes count in it, and so does anything else running on a shared machine.
    load: list[float] = field(default_factory=list)


def _cpu_of(pid: int) -> float | None:
    """User + system seconds of process ``pid`` so far; None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_tree(pid: int) -> list[int]:
    """``pid`` and its children (gunicorn's master and workers)."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as children:
            return [pid, *(int(child) for child in children.read().split())]
    except OSError:
        return [pid]


def postgres_backends(database: str) -> list[int]:
    """The server processes serving connections to ``database``."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                    command = cmdline.read().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if command.startswith("postgres:") and f" {database} " in command:
                found.append(int(entry))
    return found


class CpuMeter:
    """CPU seconds a set of processes spends from ``start`` to ``stop``, sampled twice a
    second so that processes which end meanwhile (a database connection past its
    ``CONN_MAX_AGE``) still count, but for their last half second. Linux ``/proc`` only."""

    def __init__(self, processes: Callable[[], list[int]]) -> None:
        self.processes = processes
        self.baseline: dict[int, float] = {}
        self.latest: dict[int, float] = {}
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._sample_until_stopped, daemon=True)

    def _sample(self) -> None:
        for pid in self.processes():
            cpu = _cpu_of(pid)
            if cpu is not None:
                self.latest[pid] = cpu

    def _sample_until_stopped(self) -> None:
        while not self._stopping.wait(0.5):
            self._sample()

    def start(self) -> None:
        self._sample()
        self.baseline = dict(self.latest)
        self._thread.start()

    def stop(self) -> float:
        self._stopping.set()
        self._thread.join()
        self._sample()
        return sum(cpu - self.baseline.get(pid, 0.0) for pid, cpu in self.latest.items())


def phone_ready(base: str) -> Phone:
    """A phone that has the form, as Collect has before anyone fills it: the form list and
    the form downloaded (which also costs it its first 401)."""
    phone = Phone(base, ENUMERATOR, PASSWORD)
    listing = phone.request("GET", "/openrosa/formList")
    if listing.status_code != 200 or FORM_ID.encode() not in listing.content:
        raise RuntimeError(f"form list: {listing.status_code} {listing.text[:500]}")
    form = phone.request("GET", f"/openrosa/forms/{FORM_ID}/form.xml")
    if form.status_code != 200:
        raise RuntimeError(f"form download: {form.status_code} {form.text[:500]}")
    return phone


def send(
    base: str,
    meters: dict[str, Callable[[], list[int]]],
    *,
    submissions: int,
    clients: int,
    seed: int,
    with_photo: bool,
) -> Sent:
    """``submissions`` POSTs from ``clients`` phones at once; stops at the first refusal.
    ``meters``: the processes whose CPU time to measure meanwhile, by name."""
    phones = [phone_ready(base) for _ in range(clients)]
    # Every gunicorn worker converts the shipped DTM forms once, on its first phone request.
    workers = int(GUNICORN_SETTINGS[GUNICORN_SETTINGS.index("--workers") + 1])
    warm_up = [threading.Thread(target=phone_ready, args=(base,)) for _ in range(2 * workers)]
    for thread in warm_up:
        thread.start()
    for thread in warm_up:
        thread.join()
    sent = Sent(challenges=-sum(phone.challenges for phone in phones))
    lock, stop = threading.Lock(), threading.Event()

    def run(phone: Phone, numbers: range) -> None:
        timings = []
        for number in numbers:
            if stop.is_set():
                break
            parts = submission_parts(seed, number, with_photo)
            begun = time.perf_counter()
            try:
                response = phone.request("POST", SUBMISSION, files=parts)
            except requests.RequestException as error:
                problem = f"submission {number}: {error}"
            else:
                timings.append((time.perf_counter() - begun) * 1000)
                if response.status_code == 201:
                    continue
                problem = f"submission {number}: {response.status_code} {response.text[:500]}"
            with lock:
                sent.failures.append(problem)
            stop.set()
        with lock:
            sent.latencies_ms.extend(timings)

    threads = [
        threading.Thread(target=run, args=(phone, range(index, submissions, clients)))
        for index, phone in enumerate(phones)
    ]
    running = {name: CpuMeter(processes) for name, processes in meters.items()}
    for meter in running.values():
        meter.start()
    done = threading.Event()

    def sample_load() -> None:
        while True:
            sent.load.append(os.getloadavg()[0])
            if done.wait(5):
                return

    load_sampler = threading.Thread(target=sample_load, daemon=True)
    load_sampler.start()
    started, client_cpu = time.perf_counter(), time.process_time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    sent.seconds = time.perf_counter() - started
    done.set()
    load_sampler.join()
    sent.cpu_seconds = {name: meter.stop() for name, meter in running.items()}
    sent.cpu_seconds["phones"] = time.process_time() - client_cpu
    sent.challenges += sum(phone.challenges for phone in phones)
    return sent


# --- Steps inside a Django process on the benchmark's database ------------------------------


def _database_size() -> int:
    """Bytes the database takes: PostgreSQL's own count; SQLite's pages after a checkpoint
    has moved the write-ahead log into the file."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_database_size(current_database())")
            return int(cursor.fetchone()[0])
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.execute("PRAGMA page_count")
        pages = int(cursor.fetchone()[0])
        cursor.execute("PRAGMA page_size")
        return pages * int(cursor.fetchone()[0])


def _database_label() -> str:
    from django.db import connection

    if connection.vendor == "postgresql":
        version = connection.pg_version  # type: ignore[attr-defined]
        return f"PostgreSQL {version // 10000}.{version % 10000}"
    return f"SQLite {connection.Database.sqlite_version} (WAL)"  # type: ignore[attr-defined]


def step_setup() -> dict[str, Any]:
    """Migrate, load places and personas, upload and publish the form as the analyst."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from waypoint.accounts.models import User
    from waypoint.collect.services import builtin_forms_ensure, form_upload, version_publish
    from waypoint.demo.personas import personas_ensure
    from waypoint.places.services import places_load

    places_load()
    personas_ensure(password=PASSWORD)
    analyst = User.objects.get(email=ANALYST)
    version = form_upload(actor=analyst, name="household_visit.xlsx", content=household_xlsform())
    version_publish(actor=analyst, version=version)
    builtin_forms_ensure()  # what the first phone request would do
    return {
        "database": _database_label(),
        "size_bytes": _database_size(),
        "questions": sum(1 for row in SURVEY[1:] if row[0] not in {"begin_repeat", "end_repeat"}),
        "warnings": [warning["message"] for warning in version.warnings],
    }


def step_check() -> dict[str, Any]:
    """What the database holds of the form afterwards."""
    import django

    django.setup()
    from django.db.models import Sum
    from django.db.models.functions import Length

    from waypoint.collect.models import Submission, SubmissionAttachment

    attachments = SubmissionAttachment.objects.filter(submission__form__form_id=FORM_ID)
    return {
        "submissions": Submission.objects.filter(form__form_id=FORM_ID).count(),
        "attachments": attachments.count(),
        "attachment_bytes": int(attachments.aggregate(total=Sum(Length("content")))["total"] or 0),
        "size_bytes": _database_size(),
    }


def step(name: str, environment: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--step", name],
        env=environment, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        sys.exit(f"the {name} step failed:\n{done.stderr[-4000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# --- One measured run and the report ---------------------------------------------------------


def variant_run(
    database: Callable[[], AbstractContextManager[tuple[str, Path]]],
    *,
    submissions: int,
    clients: int,
    seed: int,
    with_photo: bool,
) -> dict[str, Any]:
    with database() as (url, var_dir), tempfile.TemporaryDirectory(prefix="gunicorn-") as work:
        environment = waypoint_env(url, var_dir)
        label = "with photo" if with_photo else "no attachment"
        print(f"{label}: setting up the database ...", file=sys.stderr, flush=True)
        before = step("setup", environment)
        print(f"{label}: sending {submissions:,} ...", file=sys.stderr, flush=True)
        with Gunicorn(environment, Path(work) / "gunicorn.log") as server:
            assert server.process is not None
            meters: dict[str, Callable[[], list[int]]] = {
                "server": partial(process_tree, server.process.pid)
            }
            if url.startswith("postgres"):
                meters["postgres"] = partial(postgres_backends, url.rsplit("/", 1)[1])
            sent = send(
                server.base,
                meters,
                submissions=submissions,
                clients=clients,
                seed=seed,
                with_photo=with_photo,
            )
        after = step("check", environment)
    expected = (submissions, submissions if with_photo else 0)
    received = len(sent.latencies_ms)
    return {
        "variant": label,
        "database": before["database"],
        "questions": before["questions"],
        "clients": clients,
        "submissions": submissions,
        "sent": received,
        "failures": sent.failures,
        "seconds": sent.seconds,
        "rate": received / sent.seconds if sent.seconds else 0.0,
        "p50_ms": percentile(sent.latencies_ms, 0.5) if received else 0.0,
        "p95_ms": percentile(sent.latencies_ms, 0.95) if received else 0.0,
        "challenges": sent.challenges,
        "load_mean": sum(sent.load) / len(sent.load),
        "load_max": max(sent.load),
        "cpu_ms": {
            name: seconds * 1000 / max(received, 1) for name, seconds in sent.cpu_seconds.items()
        },
        "growth_bytes": after["size_bytes"] - before["size_bytes"],
        "stored_submissions": after["submissions"],
        "stored_attachments": after["attachments"],
        "attachment_bytes": after["attachment_bytes"],
        "stored_as_expected": (after["submissions"], after["attachments"]) == expected,
    }


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| variant | submissions | database | clients | seconds | submissions/s | p50 ms "
        "| p95 ms | CPU ms a submission: server, PostgreSQL, phones | load avg: mean, max "
        "| 401s | DB growth MiB | per submission KiB | stored: submissions, attachments |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        check = "as expected" if row["stored_as_expected"] else "**WRONG**"
        cpu = ", ".join(
            f"{row['cpu_ms'][name]:.1f}" if name in row["cpu_ms"] else "—"
            for name in ("server", "postgres", "phones")
        )
        lines.append(
            f"| {row['variant']} | {row['sent']:,} | {row['database']} | {row['clients']} "
            f"| {row['seconds']:.1f} | {row['rate']:.1f} | {row['p50_ms']:.1f} "
            f"| {row['p95_ms']:.1f} | {cpu} | {row['load_mean']:.1f}, {row['load_max']:.1f} "
            f"| {row['challenges']} "
            f"| {row['growth_bytes'] / MIB:,.1f} "
            f"| {row['growth_bytes'] / 1024 / max(row['sent'], 1):.1f} "
            f"| {row['stored_submissions']:,}, {row['stored_attachments']:,} ({check}) |"
        )
    return "\n".join(lines)


def machine() -> str:
    memory = ""
    with open("/proc/meminfo") as meminfo:  # Linux only, as the benchmark machines are
        for line in meminfo:
            if line.startswith("MemTotal:"):
                memory = f", {int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    return (
        f"{platform.platform()}, {platform.machine()}, {os.cpu_count()} cores{memory}, "
        f"Python {platform.python_version()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=10_000)
    parser.add_argument("--postgres", action="store_true", help="on PostgreSQL, not SQLite")
    parser.add_argument("--clients", type=int, default=1, help="phones sending at once")
    parser.add_argument("--variant", choices=["both", "photo", "plain"], default="both")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--step", choices=["setup", "check"], help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.step:
        print(json.dumps(step_setup() if options.step == "setup" else step_check()))
        return
    clean_up_on_terminate()
    database = postgres_database if options.postgres else sqlite_database
    rows = [
        variant_run(
            database,
            submissions=options.submissions,
            clients=options.clients,
            seed=options.seed,
            with_photo=with_photo,
        )
        for with_photo in {"both": (True, False), "photo": (True,), "plain": (False,)}[
            options.variant
        ]
    ]
    date = subprocess.run(["date"], capture_output=True, text=True, check=False).stdout.strip()
    workers = GUNICORN_SETTINGS[GUNICORN_SETTINGS.index("--workers") + 1]
    print(f"\nCommand: uv run python benchmarks/collect_submissions.py {' '.join(sys.argv[1:])}")
    print(f"Date: {date}")
    print(f"Machine: {machine()}")
    print(
        f"Server: gunicorn ({workers} sync workers, docs/deployment.md settings) on 127.0.0.1, "
        f"real HTTP; {options.clients} phone(s), HTTP Digest SHA-256 with the nonce reused; "
        f"form of {rows[0]['questions']} questions, 2 repeats a submission, photo "
        f"{PHOTO_BYTES // 1000} KB ± 5 KB\n"
    )
    print(table(rows))
    for row in rows:
        expected = row["submissions"] if row["variant"] == "with photo" else 0
        print(
            f"\n{row['variant']}: the database holds {row['stored_submissions']:,} submissions "
            f"(expected {row['submissions']:,}) and {row['stored_attachments']:,} attachments "
            f"(expected {expected:,}; {row['attachment_bytes'] / MIB:,.1f} MiB of content)"
        )
        for failure in row["failures"]:
            print(f"  refused: {failure}")
    print(json.dumps({"benchmark": "collect_submissions", "date": date, "rows": rows}))
    if not all(row["stored_as_expected"] and not row["failures"] for row in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
