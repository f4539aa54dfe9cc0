"""Load: 50 staff signed in at once, registering, searching and watching their centre.

    uv run python benchmarks/load.py [--users 50] [--time 60s] [--people 2000]

Builds a fresh PostgreSQL database on 127.0.0.1:5432 (user postgres, trust authentication;
dropped afterwards), loads the demo (``waypoint demo --people 2000``), creates through
Waypoint's services 80% registration officers and 20% centre managers (with an authenticator
app; they sign in in two steps), spread over the reception centres, and serves Waypoint with
gunicorn as docs/deployment.md runs it (``--workers 3 --timeout 60``, no DEBUG, no nginx).
Then runs locust headless (``benchmarks/locustfile.py``: ``-u USERS -r 10 -t TIME``); each
simulated user signs in through the real sign-in pages and works with 0.5-2 s between
actions: registration (POST of the registration form), search (people list or identification
search by name), the centre dashboard.

Prints a markdown table: requests, failures, requests per second, median, p95 and p99 in ms
for each of the three. Locust runs on the same machine as the server, so both share its cores.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from live_server import (
    Gunicorn,
    clean_up_on_terminate,
    demo_load,
    django_run,
    markdown_table,
    postgres_database,
    waypoint_env,
)

PASSWORD = "Load-Test-Password-2026!"  # noqa: S105 (throw-away accounts)
# Registration officers and centre managers, round-robin over the reception centres, each
# with the one assignment of their role; managers get a confirmed authenticator app.
_STAFF = """
import json, sys
from django_otp.plugins.otp_totp.models import TOTPDevice
from waypoint.accounts import mfa
from waypoint.accounts.models import Role
from waypoint.accounts.services import assignment_add, user_create
from waypoint.places.models import Site, SiteKind
wanted = json.loads(sys.argv[1])
centres = list(Site.objects.filter(kind=SiteKind.RECEPTION_CENTRE).exclude(registration_prefix=""))
made = []
for n in range(wanted["registrars"] + wanted["managers"]):
    registrar = n < wanted["registrars"]
    site = centres[n % len(centres)]
    role = Role.REGISTRATION_OFFICER if registrar else Role.CENTRE_MANAGER
    email = f"load{n}@waypoint.test"
    user = user_create(actor=None, email=email, full_name=f"Load {n}", password=wanted["password"])
    assignment_add(actor=None, user=user, role=role, site=site)
    key = ""
    if mfa.required_for(user):
        device = TOTPDevice.objects.create(user=user, name=mfa.APP_DEVICE, confirmed=True)
        key = device.key
    made.append({"email": email, "password": wanted["password"], "role": role.value,
                 "site_code": site.code, "site_pk": site.pk, "totp": key})
print(json.dumps(made))
"""
TASKS = [
    ("POST", "register"),
    ("POST", "register (confirmed)"),  # after a stop at a likely duplicate
    ("GET", "search"),
    ("GET", "dashboard"),
]


def stats(path: Path) -> list[list[str]]:
    # One row per method and name: the sign-in GETs of the forms are left out.
    rows = {(row["Type"], row["Name"]): row for row in csv.DictReader(path.open())}
    table = []
    for method, name in [*TASKS, ("POST", "sign in")]:
        row = rows.get((method, name))
        if row is None:
            table.append([f"{name} ({method})", "0", "-", "-", "-", "-", "-"])
            continue
        table.append(
            [
                f"{name} ({method})",
                f"{int(row['Request Count']):,}",
                f"{int(row['Failure Count']):,}",
                f"{float(row['Requests/s']):.1f}",
                row["50%"],
                row["95%"],
                row["99%"],
            ]
        )
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=int, default=10)
    parser.add_argument("--time", default="60s", help="locust's run time, e.g. 30s, 5m")
    parser.add_argument("--people", type=int, default=2000, help="demo population")
    options = parser.parse_args()
    clean_up_on_terminate()
    managers = max(1, options.users // 5)
    with postgres_database() as (url, var_dir), tempfile.TemporaryDirectory(prefix="load-") as work:
        environment = waypoint_env(url, var_dir)
        print(f"loading the demo ({options.people} people) ...", file=sys.stderr)
        demo_load(environment, options.people)
        accounts = django_run(
            environment,
            _STAFF,
            {"registrars": options.users - managers, "managers": managers, "password": PASSWORD},
        )
        users_file = Path(work) / "users.json"
        users_file.write_text(json.dumps(accounts))
        with Gunicorn(environment, Path(work) / "gunicorn.log") as server:
            locust = subprocess.run(
                [str(Path(sys.executable).parent / "locust"),
                 "-f", str(Path(__file__).with_name("locustfile.py")),
                 "--headless", "-u", str(options.users), "-r", str(options.spawn_rate),
                 "-t", options.time, "--host", server.base, "--csv", str(Path(work) / "load"),
                 "--only-summary", "--loglevel", "WARNING", "--exit-code-on-error", "0"],
                env={**os.environ, "WAYPOINT_LOAD_USERS": str(users_file)},
                capture_output=True, text=True, check=False,
            )  # fmt: skip
        stats_file = Path(work) / "load_stats.csv"
        if not stats_file.exists():
            sys.exit(f"locust wrote no statistics:\n{locust.stderr[-3000:]}")
        table = stats(stats_file)
        failures = (Path(work) / "load_failures.csv").read_text()
        server_log = (Path(work) / "gunicorn.log").read_text(errors="replace")
    print(
        f"\nLoad on PostgreSQL, {options.users} users ({options.users - managers} registration "
        f"officers, {managers} centre managers), {options.time}, demo of {options.people} people, "
        f"gunicorn --workers 3; Python {platform.python_version()}, {os.cpu_count()} cores, "
        f"{date.today()}\n"
    )
    print(
        markdown_table(
            ["task", "requests", "failures", "requests/s", "p50 (ms)", "p95 (ms)", "p99 (ms)"],
            table,
        )
    )
    if failures.count("\n") > 1:
        print("\nFailures (locust):\n\n```\n" + failures.strip() + "\n```")
    if "Traceback" in server_log:
        errors = server_log.count("Internal Server Error")
        print(f"\nThe server logged {errors} internal errors; the first:\n")
        at = server_log.find("Internal Server Error")
        print("```\n" + server_log[at : at + 4000] + "\n```")


if __name__ == "__main__":
    main()
