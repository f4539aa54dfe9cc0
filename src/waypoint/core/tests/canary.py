"""Issue 15's canary scan: plant one distinctive person at Lipa, then look for any trace of
them in everything a user out of Lipa's scope can reach.

``canary_plant`` registers the canary through the services (names in Latin and Arabic
script, a document, a phone), admits them, screens them, records an incident narrative and
a referral, and opens a returns case; an analyst's monthly situation report is generated
too, so its PDF is there to read. ``CanaryScan`` then walks, as one persona at a time:

* every page reachable from ``/`` (links, ``hx-get`` fragments, images), breadth-first,
  GET only, and every named URL that takes no arguments;
* every URL pattern filled in with the canary's own identifiers (its record ids, its
  registration number), as someone guessing addresses would;
* every GET form found on those pages, submitted with the canary's names and numbers and
  the registration numbers next to theirs;
* every GET operation of the OpenAPI document, with the canary's ids and the schema's
  string filters set to the same guesses;
* every answer decoded by kind: HTML, JSON, CSV, XLSX (openpyxl), PDF (``pdftotext``).

Log records (every logger, DEBUG and up) and the audit table's text are scanned too. What
the persona typed themselves is not a leak: a search box showing the name just searched
for, or a "Not Found: <the path asked for>" log line. Those echoes are removed before
scanning; everything else counts.

The national identification search (``people.access.Work.IDENTIFY``: search before
registering, for registration officers, centre managers and AVRR counsellors anywhere) is
a designed exception: it shows names and the registration number of a likely match.
Hits there are tallied apart, and only for those names, never for a phone, a document or a
narrative.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import logging
import re
import subprocess
import tempfile
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qsl, quote, quote_plus, unquote, urlencode, urlsplit

from django.forms.models import model_to_dict
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from waypoint.accounts import mfa
from waypoint.accounts.models import Role, User
from waypoint.accounts.services import assignment_add, user_create
from waypoint.audit.models import AuditEvent
from waypoint.people import access as people_access
from waypoint.people.identifiers import registration_number
from waypoint.people.models import ConsentMethod, Person, Purpose
from waypoint.people.names import transliterate
from waypoint.people.services import consent_record, document_add, person_register
from waypoint.places.models import Site

GIVEN = "Zzyzxqa"
FAMILY = "Qwertzuiopov"
FATHER = "Xyloquentin"
GIVEN_ARABIC = "زیزکسقا"
FAMILY_ARABIC = "کورتزیوپوف"
DOCUMENT = "ZQX9876543"
PHONE = "+387 61 739 2048"
NARRATIVE_WORD = "Vexquillarind"
REFERRAL_WORD = "Plonkwhistaria"
SCREENING_WORD = "Grubnoflaxic"

# What the identification search may show anyone who identifies people, anywhere.
IDENTIFY_PAGE = "/people/identify/"

# Never followed: they sign out, or only redirect to a language.
SKIPPED_PREFIXES = ("/static/", "/accounts/logout/", "/accounts/account/sign-out-everywhere/")
SKIPPED_PATHS = {"/i18n/setlang/", "/django-admin/logout/"}
# Links to files: read before more pages, so that a bounded walk reads every export it sees.
FILE_LINK = re.compile(r"(\.(csv|xlsx|pdf|json)|/pdf|hxl[^/]*)$", re.IGNORECASE)
# Pages of one list (``?page=n``, sort orders) are many; a few of each are enough.
VARIANTS_PER_PATH = 12


@dataclass(frozen=True)
class Canary:
    person: Person
    # Everything that would betray the canary, and the subset the identification search
    # is designed to show.
    needles: tuple[str, ...]
    identity_needles: tuple[str, ...]
    # The guesses typed into search boxes and filters.
    queries: tuple[str, ...]
    # Record ids of the canary's rows, by kind (person, stay, screening, ...).
    ids: dict[str, int]


def canary_plant(personas: dict[str, User]) -> Canary:
    """Register, admit, screen, refer and open a returns case for the canary at Lipa, through
    the services, as the Lipa staff would. Also generates the month's situation report."""
    from waypoint.protection.services import incident_record, referral_create, screening_record
    from waypoint.reception.services import stay_admit
    from waypoint.reports.models import ReportKind
    from waypoint.reports.services import report_generate, report_request
    from waypoint.returns import services as returns

    lipa = Site.objects.get(code="TRC-LIP")
    registrar, admin = personas["registrar.lipa"], personas["admin"]
    # Neighbours on either side of the canary's number, one of them at Ušivak.
    person_register(actor=admin, site=Site.objects.get(code="TRC-USI"), given_name="Ahmad")
    person = person_register(
        actor=registrar,
        site=lipa,
        given_name=GIVEN,
        family_name=FAMILY,
        father_name=FATHER,
        given_name_original=GIVEN_ARABIC,
        family_name_original=FAMILY_ARABIC,
        sex="M",
        birth_date=date(1993, 2, 17),
        nationality="AFG",
        phone=PHONE,
        place_of_birth="Herat",
    )
    document = document_add(
        actor=registrar, person=person, kind="passport", number=DOCUMENT, issuing_country="AFG"
    )
    stay = stay_admit(actor=registrar, person=person, site=lipa)
    screening = screening_record(
        actor=admin,
        person=person,
        answers={"torture": "yes"},
        notes=f"{GIVEN} says {SCREENING_WORD} happened on the route.",
    )
    incident = incident_record(
        actor=admin,
        kind="harassment",
        occurred_on=date.today() - timedelta(days=1),
        site=lipa,
        narrative=f"{GIVEN} {FAMILY} was threatened near the {NARRATIVE_WORD} gate.",
        person=person,
    )
    consent_record(
        actor=admin,
        person=person,
        purpose=Purpose.PROTECTION,
        method=ConsentMethod.SIGNED,
        recipients=("centre_for_social_work",),
    )
    referral = referral_create(
        actor=admin,
        person=person,
        recipient="centre_for_social_work",
        recipient_name="CSW Bihać",
        note=f"{FAMILY} needs a psychologist ({REFERRAL_WORD}).",
        screening=screening,
    )
    case = returns.case_open(
        actor=personas["manager.lipa"],
        source="centre",
        principal=person,
        return_country="AFG",
        return_city="Herat",
        counsellor=personas["counsellor"],
    )
    person_register(actor=registrar, site=lipa, given_name="Bilal", family_name="Hussain")
    report = report_request(
        actor=personas["analyst"],
        kind=ReportKind.MONTHLY,
        language="en",
        month=date.today().replace(day=1),
        background=False,
    )
    report_generate(report=report)
    person.refresh_from_db()

    number = person.registration_number
    serial = person.serial or 0
    prefix = number.split("-")[0]
    neighbours = [
        registration_number(prefix, serial + step) for step in (-2, -1, 1, 2) if serial + step > 0
    ]
    latin_of_arabic = (transliterate(GIVEN_ARABIC), transliterate(FAMILY_ARABIC))
    identity = (GIVEN, FAMILY, FATHER, GIVEN_ARABIC, FAMILY_ARABIC, *latin_of_arabic, number)
    needles = (
        *identity,
        DOCUMENT,
        PHONE,
        PHONE.replace(" ", ""),
        NARRATIVE_WORD,
        REFERRAL_WORD,
        SCREENING_WORD,
    )
    queries = (GIVEN, number, GIVEN_ARABIC, f"{GIVEN} {FAMILY}", DOCUMENT, PHONE, *neighbours)
    ids = {
        "person": person.pk,
        "document": document.pk,
        "stay": stay.pk,
        "screening": screening.pk,
        "incident": incident.pk,
        "referral": referral.pk,
        "case": case.pk,
    }
    return Canary(person, needles, identity, queries, ids)


def persona_make(email: str, role: Role, site_code: str) -> User:
    """A staff account with one role at one centre (for the roles the demo has only at
    Lipa)."""
    user = user_create(actor=None, email=email, full_name=email.split("@")[0].title())
    assignment_add(actor=None, user=user, role=role, site=Site.objects.get(code=site_code))
    return user


def personas_out_of_scope(personas: dict[str, User]) -> dict[str, User]:
    """Everyone whose work never reaches Lipa's registrations: staff of other centres in every
    centre role, the enumerator (who counts, never registers), the analyst and the partner."""
    return {
        "registrar.usivak": personas["registrar.usivak"],
        "manager.borici": persona_make(
            "manager.borici@waypoint.test", Role.CENTRE_MANAGER, "TRC-BOR"
        ),
        "caseworker.usivak": persona_make(
            "caseworker.usivak@waypoint.test", Role.CASE_WORKER, "TRC-USI"
        ),
        "protection.borici": personas["protection.borici"],
        "enumerator": personas["enumerator"],
        "analyst": personas["analyst"],
        "partner": personas["partner"],
    }


# --- Reading what came back ---------------------------------------------------------------------


def pdf_text(body: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(body)
        pdf.flush()
        done = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", pdf.name, "-"], capture_output=True, check=False
        )
    return done.stdout.decode("utf-8", "replace")


def xlsx_text(body: bytes) -> str:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(body), read_only=True, data_only=True)
    cells = []
    for sheet in book.worksheets:
        cells.append(str(sheet.title))
        for row in sheet.iter_rows(values_only=True):
            cells.extend(str(value) for value in row if value is not None)
    book.close()
    return "\n".join(cells)


def kind_of(response: HttpResponse) -> str:
    """``page``, ``api``, ``pdf``, ``xlsx``, ``csv`` (CSV and HXL), or ``other``."""
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    if content_type == "application/pdf":
        return "pdf"
    if "spreadsheetml" in content_type:
        return "xlsx"
    if content_type in {"text/csv", "application/csv"}:
        return "csv"
    if content_type.endswith("json"):
        return "api"
    if content_type in {"text/html", "image/svg+xml", "application/xhtml+xml"}:
        return "page"
    return "other"


def text_of(kind: str, body: bytes) -> str:
    if kind == "pdf":
        return pdf_text(body)
    if kind == "xlsx":
        return xlsx_text(body)
    text = body.decode("utf-8", "replace")
    if kind == "api":
        # The same text whether or not the renderer escaped non-ASCII letters.
        with contextlib.suppress(ValueError):
            text = json.dumps(json.loads(text), ensure_ascii=False)
    return text


def readings(text: str) -> str:
    """The text as written, unescaped from HTML and from URLs, folded for case."""
    return "\n".join((text, html.unescape(text), unquote(text))).casefold()


def typed_in(address: str) -> list[str]:
    """What a request carries that its answer may repeat: the path, its parts, the query's
    values."""
    parts = urlsplit(address)
    typed = [unquote(parts.path), *(unquote(part) for part in parts.path.split("/"))]
    return typed + [value for _name, value in parse_qsl(parts.query)]


def without_echoes(text: str, typed: Iterable[str]) -> str:
    """``text`` without what the request itself carried: form values and links repeating
    the search typed, which are the user's own input, not data."""
    for value in typed:
        if not value:
            continue
        for form in {
            value,
            html.escape(value),
            quote(value),
            quote(value, safe=""),
            quote_plus(value),
        }:
            text = re.sub(re.escape(form), "", text, flags=re.IGNORECASE)
    return text


# --- Finding links and forms ----------------------------------------------------------------------


class _Links(HTMLParser):
    """Same-site addresses in a page, and its GET forms with their text inputs."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.forms: list[tuple[str, list[str], dict[str, str]]] = []
        self._form: tuple[str, list[str], dict[str, str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        for name in ("href", "src", "hx-get", "data"):
            if found.get(name):
                self.links.append(found[name])
        if tag == "form" and found.get("method", "get").lower() == "get":
            self._form = (found.get("action", ""), [], {})
            self.forms.append(self._form)
        elif tag == "form":
            self._form = None
        elif tag in {"input", "textarea", "select"} and self._form is not None:
            kind = found.get("type", "text").lower()
            if not found.get("name"):
                return
            if tag == "textarea" or kind in {"text", "search", "tel"}:
                self._form[1].append(found["name"])
            elif kind not in {"submit", "button", "checkbox", "radio", "file"}:
                self._form[2][found["name"]] = found.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None


def _local(address: str, base: str) -> str | None:
    """``address`` as a same-site path with its query, or None."""
    address = html.unescape(address.strip())
    if not address or address.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
        return None
    parts = urlsplit(address)
    if parts.scheme and parts.netloc not in {"testserver", ""}:
        return None
    if parts.netloc and parts.netloc != "testserver":
        return None
    path = parts.path
    if not path:
        path = urlsplit(base).path
    elif not path.startswith("/"):
        path = urlsplit(base).path.rsplit("/", 1)[0] + "/" + path
    if path.startswith(SKIPPED_PREFIXES) or path in SKIPPED_PATHS:
        return None
    return path + (f"?{parts.query}" if parts.query else "")


def named_urls_without_arguments() -> list[str]:
    from django.urls import NoReverseMatch, reverse

    names: list[str] = []

    def walk(patterns: Iterable[Any], namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.append(namespace + pattern.name)

    walk(get_resolver().url_patterns, "")
    found = []
    for name in names:
        try:
            found.append(reverse(name))
        except NoReverseMatch:
            continue
    return [path for path in dict.fromkeys(found) if _local(path, "/") is not None]


_ARGUMENT = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def urls_filled_with(canary: Canary) -> list[str]:
    """Every route, with each argument set to one of the canary's ids (int arguments) or its
    registration number and the centres' codes (str arguments): the addresses a guesser
    would try. Regular-expression routes (the admin's) are left out."""
    routes: list[str] = []

    def walk(patterns: Iterable[Any], prefix: str) -> None:
        for pattern in patterns:
            route = getattr(pattern.pattern, "_route", None)
            if route is None:
                continue
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + route)
            else:
                routes.append(prefix + route)

    walk(get_resolver().url_patterns, "")
    numbers = sorted(set(canary.ids.values()))
    words = [canary.person.registration_number, "TRC-LIP", "TRC-USI", "TRC-BOR"]
    filled: list[str] = []
    for route in routes:
        arguments = list(_ARGUMENT.finditer(route))
        if not arguments or route.startswith("django-admin"):
            continue
        choices = [
            [str(n) for n in numbers] if (m.group("converter") or "str") == "int" else words
            for m in arguments
        ]
        # One argument varies at a time; the others take their first choice.
        for varying, options in enumerate(choices):
            for option in options:
                values = [option if i == varying else c[0] for i, c in enumerate(choices)]
                path = route
                for m, value in zip(arguments, values, strict=True):
                    path = path.replace(m.group(0), value, 1)
                filled.append("/" + path)
    return list(dict.fromkeys(filled))


# --- The scan -------------------------------------------------------------------------------------


@dataclass
class Hit:
    persona: str
    where: str
    kind: str
    needle: str
    excerpt: str


@dataclass
class CanaryScan:
    canary: Canary
    page_limit: int = 2000
    # How many of the canary's guesses to type into each search box and API filter.
    query_limit: int | None = None
    counts: Counter[str] = field(default_factory=Counter)
    hits: list[Hit] = field(default_factory=list)
    identification_hits: list[Hit] = field(default_factory=list)
    requested: set[str] = field(default_factory=set)

    # -- one answer --

    def look(
        self, persona: str, user: User, where: str, response: HttpResponse, typed: Iterable[str]
    ) -> str:
        """Decode, count and scan one answer; returns its text (for links)."""
        kind = kind_of(response)
        body = (
            b"".join(response.streaming_content)  # type: ignore[attr-defined]
            if response.streaming
            else response.content
        )
        if kind == "other" or not body:
            self.counts["other answers"] += 1
            return ""
        text = text_of(kind, body)
        # Only what carries a needle is an echo worth removing.
        typed = [value for value in typed if readings(value) != _without_needles(self, value)]
        self.counts[{"page": "pages", "api": "API answers", "csv": "exports"}.get(kind, kind)] += 1
        if kind == "xlsx":
            self.counts["exports"] += 1
        if kind == "pdf":
            self.counts["PDFs"] += 1
        self.scan(persona, user, where, kind, without_echoes(text, typed))
        return text

    def scan(self, persona: str, user: User, where: str, kind: str, text: str) -> None:
        folded = readings(text)
        identifying = (
            urlsplit(where).path == IDENTIFY_PAGE
            and user is not None
            and people_access.may(user, people_access.Work.IDENTIFY)
        )
        for needle in self.canary.needles:
            at = folded.find(needle.casefold())
            if at < 0:
                continue
            hit = Hit(persona, where, kind, needle, folded[max(0, at - 80) : at + 80])
            if identifying and needle in self.canary.identity_needles:
                self.identification_hits.append(hit)
            else:
                self.hits.append(hit)

    # -- a persona's walk --

    def get(self, client: Client, path: str, **extra: Any) -> HttpResponse:
        self.requested.add(path)
        return client.get(path, follow=False, **extra)

    def crawl(self, persona: str, user: User, client: Client) -> None:
        """The pages reachable from ``/`` and the named URLs; the routes filled in with the
        canary's identifiers; every GET form found, with the guesses; the API."""
        forms: dict[tuple[str, tuple[str, ...]], dict[str, str]] = {}
        seen: set[str] = set()
        walked = self.walk(persona, user, client, ["/"], forms, seen)
        # The named URLs the links did not lead to, then the guessed addresses.
        named = [path for path in named_urls_without_arguments() if path not in seen]
        walked += self.walk(persona, user, client, named, forms, seen, follow=False)
        guesses = urls_filled_with(self.canary)
        guessed = self.walk(persona, user, client, guesses, forms, seen, follow=False)
        self.counts["pages walked"] += walked
        self.counts["addresses guessed"] += guessed
        queries = self.canary.queries[: self.query_limit]
        for (target, text_inputs), hidden in forms.items():
            for name in text_inputs:
                for query in queries:
                    address = f"{target}?{urlencode({**hidden, name: query})}"
                    # As a page, and as the fragment htmx asks for while one types.
                    for fragment in ({}, {"HTTP_HX_REQUEST": "true"}):
                        response = self.get(client, address, **fragment)
                        self.counts["searches"] += 1
                        self.look(persona, user, address, response, typed_in(address))
        self.api(persona, user, client)

    def walk(
        self,
        persona: str,
        user: User,
        client: Client,
        start: list[str],
        forms: dict[tuple[str, tuple[str, ...]], dict[str, str]],
        seen: set[str],
        *,
        follow: bool = True,
    ) -> int:
        """Breadth-first from ``start`` (following links only with ``follow``), GET only, at
        most ``page_limit`` requests, files (exports, PDFs) first; notes the GET forms seen.
        Returns the requests made."""
        variants: Counter[str] = Counter()
        queue: deque[str] = deque(start)
        fetched = 0
        while queue and fetched < self.page_limit:
            path = queue.popleft()
            bare = path.split("?")[0]
            if path in seen or (path != bare and variants[bare] >= VARIANTS_PER_PATH):
                continue
            seen.add(path)
            variants[bare] += 1
            response = self.get(client, path)
            fetched += 1
            if response.status_code in (301, 302, 303, 307, 308):
                target = _local(response["Location"], path)
                if follow and target and target not in seen:
                    queue.append(target)
                continue
            text = self.look(persona, user, path, response, typed_in(path))
            if kind_of(response) != "page" or not text:
                continue
            parser = _Links()
            parser.feed(text)
            for address in parser.links if follow else []:
                local = _local(address, path)
                if local and local not in seen:
                    if FILE_LINK.search(local.split("?")[0]):
                        queue.appendleft(local)
                    else:
                        queue.append(local)
            for action, text_inputs, hidden in parser.forms:
                target = _local(action, path) if action else bare
                if target and text_inputs:
                    forms[(target.split("?")[0], tuple(text_inputs))] = hidden
        return fetched

    def api(self, persona: str, user: User, client: Client) -> None:
        schema = client.get("/api/v1/schema/", {"format": "json"}, HTTP_ACCEPT="application/json")
        self.look(persona, user, "/api/v1/schema/", schema, [])
        document = json.loads(schema.content) if schema.status_code == 200 else {"paths": {}}
        for template, operations in document["paths"].items():
            operation = operations.get("get")
            if operation is None:
                continue
            parameters = operation.get("parameters", [])
            in_path = [p["name"] for p in parameters if p["in"] == "path"]
            filters = [
                p["name"]
                for p in parameters
                if p["in"] == "query"
                and p.get("schema", {}).get("type") == "string"
                and p["name"] not in {"format", "ordering"}
            ]
            if not in_path:
                paths = [template]
            else:
                values = [str(n) for n in sorted(set(self.canary.ids.values()))]
                values.append(self.canary.person.registration_number)
                paths = [template.replace("{" + in_path[0] + "}", value) for value in values]
                for other in in_path[1:]:
                    paths = [path.replace("{" + other + "}", values[0]) for path in paths]
            for path in paths:
                answer = self.get(client, path, HTTP_ACCEPT="application/json")
                self.look(persona, user, path, answer, typed_in(path))
                for name in filters:
                    for query in self.canary.queries[: self.query_limit]:
                        address = f"{path}?{urlencode({name: query})}"
                        answer = self.get(client, address, HTTP_ACCEPT="application/json")
                        self.look(persona, user, address, answer, typed_in(address))

    # -- logs and the audit trail --

    def scan_logs(self, records: list[logging.LogRecord]) -> None:
        for record in records:
            self.counts["log lines"] += 1
            parts = [record.name, record.getMessage(), str(record.exc_text or "")]
            parts.extend(str(value) for value in record.__dict__.values())
            line = " ".join(parts)
            # A "Not Found: <path>" line repeats the address asked for, not data.
            for path in sorted(self.requested, key=len, reverse=True):
                if path in line:
                    line = line.replace(path, "")
                    line = line.replace(path.split("?")[0], "")
            self.scan("logging", None, record.name, "log", line)  # type: ignore[arg-type]

    def scan_audit(self) -> None:
        for event in AuditEvent.objects.order_by("sequence").iterator():
            self.counts["audit events"] += 1
            text = json.dumps(model_to_dict(event), default=str, ensure_ascii=False)
            self.scan("audit", None, f"audit #{event.sequence}", "audit", text)  # type: ignore[arg-type]

    def figure(self) -> str:
        order = ["pages", "API answers", "exports", "PDFs", "searches", "log lines", "audit events"]
        parts = [f"{self.counts[name]} {name}" for name in order]
        return ", ".join(parts) + f"; canary hits {len(self.hits)}"


def _without_needles(scan: CanaryScan, value: str) -> str:
    folded = readings(value)
    for needle in scan.canary.needles:
        folded = folded.replace(needle.casefold(), "")
    return folded


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        self.records.append(record)


@contextmanager
def every_log_record() -> Iterator[list[logging.LogRecord]]:
    """Every record any logger makes, DEBUG and up, while the block runs (loggers that do
    not propagate included); levels are put back afterwards."""
    collector = _Collector()
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.root.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    levels = {logger: logger.level for logger in loggers}
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        if logger is logging.getLogger() or not logger.propagate:
            logger.addHandler(collector)
    try:
        yield collector.records
    finally:
        for logger in loggers:
            logger.removeHandler(collector)
            logger.setLevel(levels[logger])


def signed_in(user: User) -> Client:
    """A test client with ``user``'s session, second step done for the roles that need it
    (as the suite's ``force_login`` does; repeated here so the benchmark runs outside
    pytest)."""
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None and mfa.required_for(user):
        device = TOTPDevice.objects.create(user=user, name=mfa.APP_DEVICE, confirmed=True)
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def scan_as(scan: CanaryScan, personas: dict[str, User]) -> dict[str, float]:
    """Walk as each persona (signed in with a session); returns seconds per persona."""
    seconds = {}
    for name, user in personas.items():
        begun = time.perf_counter()
        client = signed_in(user)
        scan.crawl(name, user, client)
        seconds[name] = round(time.perf_counter() - begun, 1)
    return seconds


def readable(hits: list[Hit], limit: int = 20) -> str:
    return "\n".join(
        f"{hit.persona}: {hit.needle!r} in {hit.kind} {hit.where}: …{hit.excerpt}…"
        for hit in hits[:limit]
    )


__all__ = [
    "Canary",
    "CanaryScan",
    "canary_plant",
    "every_log_record",
    "personas_out_of_scope",
    "readable",
    "scan_as",
]
