"""The authorisation matrix: every route answers every persona, for an object in and out of
their scope, as its app's access contract says (issue 15).

The routes come from the URL configuration and the API operations from the OpenAPI document;
``matrix.TABLE`` names the contract of each. A route nobody classified fails here by name.
Run with ``-s`` to see the figure; it is also written to ``FIGURE_FILE``.
"""

from __future__ import annotations

import base64
import time
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse

from waypoint.accounts.models import User
from waypoint.conftest import PASSWORD
from waypoint.core.tests import matrix
from waypoint.demo.personas import PERSONAS, personas_ensure, personas_two_step

FIGURE_FILE = Path("/tmp/waypoint-authorisation-matrix.txt")
PERSONA_NAMES = ["anonymous"] + [persona.email.split("@")[0] for persona in PERSONAS]

# Where the app answers differently from its contract today, one line each:
# (route, method, persona, object) -> why. A difference listed here that no longer happens
# fails too (as a strict xfail does): take it off the list.
KNOWN: dict[tuple[str, str, str, str], str] = {}
NO_READ_ROLE = ("analyst@-", "enumerator@-", "partner@-")


def known(route: str, method: str, reason: str, *cases: str) -> None:
    for case in cases:
        persona, _at, sample = case.partition("@")
        KNOWN[(route, method, persona, sample)] = reason


# (None today: every difference found when the matrix was first run was fixed in its view.)

ROUTES = [route for route, _checks in matrix.iter_routes_with_checks()]


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: Any) -> Any:
    """The personas and one object of each kind at Lipa and at Borići, built once for the
    module inside a transaction that is rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        personas_ensure(password=PASSWORD)
        personas_two_step()
        users = {
            persona.email.split("@")[0]: User.objects.get(email=persona.email)
            for persona in PERSONAS
        }
        built = matrix.build_world(users)
        # Signed in once for the module: the sessions outlive each test's rollback.
        clients = {}
        for name, user in users.items():
            for auth in ("session", "basic"):
                client = _client(user, auth)
                cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
                clients[(name, auth)] = (client, cookie.value if cookie else "")
        yield users, built, clients
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def tally() -> Any:
    counted = matrix.Tally()
    started = time.monotonic()
    yield counted
    seconds = time.monotonic() - started
    lines = [
        "The authorisation matrix (routes x personas x in/out of scope)",
        f"routes classified: {len(matrix.TABLE)} in the table, {counted.routes} checked",
        f"requests made: {counted.requests}",
        f"answered as the contract says: {counted.as_contract} "
        f"({counted.percent():.1f}%); known differences: {counted.known}",
        f"time: {seconds:.0f} s",
        *counted.rows,
    ]
    FIGURE_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n" + "\n".join(lines))


def _client(user: User | None, auth: str) -> Client:
    if user is None:
        return Client()
    if auth == "basic":
        token = base64.b64encode(f"{user.email}:{PASSWORD}".encode()).decode()
        return Client(HTTP_AUTHORIZATION=f"Basic {token}")
    client = Client()
    client.force_login(user)
    return client


def _signed_in_client(clients: dict, name: str, user: User | None, auth: str) -> Client:
    """The persona's client with its module-long session (a request that signed it out
    was rolled back, but took the cookie with it)."""
    if user is None:
        return Client()
    auth = "basic" if auth == "basic" else "session"
    client, session_key = clients[(name, auth)]
    if auth == "session":
        client.cookies[settings.SESSION_COOKIE_NAME] = session_key
    return client


def _ask(client: Client, route: matrix.Route, check: matrix.Check, values: dict) -> str:
    url = reverse(route.name, kwargs={key: values[key] for key in route.kwargs})
    try:
        with transaction.atomic():  # every request leaves the world as it found it
            if check.method == "GET":
                response = client.get(url)
            elif route.is_api:
                response = client.generic(check.method, url, b"{}", "application/json")
            else:
                response = client.generic(
                    check.method, url, b"", "application/x-www-form-urlencoded"
                )
            transaction.set_rollback(True)
    except Exception as error:
        return f"error {type(error).__name__}"
    return matrix.outcome(
        response.status_code,
        response.get("Location", ""),
        check=check,
    )


def test_every_route_is_classified() -> None:
    unclassified = [
        f"{route.name} ({route.pattern})"
        for route in matrix.routes()
        if matrix.checks_for(route) is None
    ]
    assert not unclassified, "routes nobody classified in matrix.TABLE:\n" + "\n".join(unclassified)


def test_every_entry_of_the_table_is_a_route() -> None:
    names = {route.name for route in matrix.routes()}
    assert not set(matrix.TABLE) - names


def test_every_api_operation_in_the_schema_is_classified() -> None:
    unclassified = [
        f"{method} {path} ({name})"
        for name, method, path in matrix.api_operations()
        if method not in {check.method for check in matrix.TABLE.get(name, ())}
    ]
    assert not unclassified, "API operations nobody classified:\n" + "\n".join(unclassified)


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES, ids=[route.name for route in ROUTES])
def test_the_route_answers_every_persona_as_its_contract_says(
    route: matrix.Route, world: Any, tally: matrix.Tally
) -> None:
    users, objects, clients = world
    checks = matrix.checks_for(route) or ()
    tally.routes += 1
    differences: dict[tuple[str, str, str, str], str] = {}
    for check in checks:
        samples = objects[check.target]
        placed = check.target in matrix.PLACED
        for name in PERSONA_NAMES:
            user = users.get(name)
            client = _signed_in_client(clients, name, user, check.auth)
            for sample in samples if user is not None else samples[:1]:
                cache.clear()  # throttles count per test, not across the matrix
                wanted = matrix.expected(check, user, sample.place, placed=placed)
                got = _ask(client, route, check, sample.values)
                tally.requests += 1
                key = (route.name, check.method, name, sample.label)
                if got in wanted:
                    tally.as_contract += 1
                else:
                    differences[key] = (
                        f"{check.method} {route.name} as {name} on {sample.label}: "
                        f"{check.contract.label} says {'/'.join(sorted(wanted))}, got {got}"
                    )
    known = {key: reason for key, reason in KNOWN.items() if key[0] == route.name}
    tally.known += len(set(differences) & set(known))
    for key in sorted(differences):
        tally.rows.append(("  known: " if key in known else "  DIFFERS: ") + differences[key])
    unexpected = [differences[key] for key in sorted(differences) if key not in known]
    gone = [f"{key}: {known[key]}" for key in sorted(known) if key not in differences]
    assert not unexpected, "answers that differ from the contract:\n" + "\n".join(unexpected)
    assert not gone, "known differences that no longer happen (take them off KNOWN):\n" + (
        "\n".join(gone)
    )
    if known:
        pytest.xfail("; ".join(sorted(set(known.values()))))
