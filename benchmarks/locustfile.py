"""Locust users for benchmarks/load.py: staff signed in through the real sign-in pages.

Run by ``benchmarks/load.py`` (which makes the database, the accounts and the server); the
accounts come from the JSON file named by ``WAYPOINT_LOAD_USERS``: email, password, role,
centre code and pk, and for centre managers the key of their authenticator app (the two-step
code is computed here as an app would, RFC 6238).

Each simulated user takes one account, signs in (``/accounts/login/``, then
``/accounts/two-step/`` for managers) and then, with 0.5-2 s between actions:

- registration officers: register a new person through the registration form (3), search
  people by name, through the list or the identification search (4), open their centre's
  dashboard (1);
- centre managers: open their centre's dashboard (3), search people (3).

Requests are named ``register``, ``search``, ``dashboard`` (and ``sign in``) in the stats.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import random
import re
import struct
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from locust import HttpUser, between, task
from locust.exception import StopUser

_USERS_FILE = os.environ.get("WAYPOINT_LOAD_USERS")
ACCOUNTS: list[dict[str, Any]] = json.loads(Path(_USERS_FILE).read_text()) if _USERS_FILE else []
GIVEN = ["Muhammad", "Ahmad", "Ali", "Hassan", "Omar", "Yusuf", "Bilal", "Karim", "Rahim"]
FAMILY = ["Rahimi", "Khan", "Hossain", "Ahmadi", "Haidari", "Mirza", "Nazari", "Popal"]
NATIONALITIES = ["AFG", "PAK", "BGD", "IRN", "MAR", "IRQ", "SYR"]


def totp(key_hex: str, at: float | None = None, step: int = 30, digits: int = 6) -> str:
    """The current code of an authenticator app holding ``key_hex`` (RFC 6238, SHA-1)."""
    counter = int((time.time() if at is None else at) // step)
    digest = hmac.new(bytes.fromhex(key_hex), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 10**digits
    return f"{value:0{digits}d}"


def _csrf(user: HttpUser) -> str:
    return str(user.client.cookies.get("csrftoken", ""))


class Staff(HttpUser):
    wait_time = between(0.5, 2.0)

    def on_start(self) -> None:
        if not ACCOUNTS:
            raise StopUser()
        self.account = ACCOUNTS.pop(0)
        self.rng = random.Random(self.account["email"])
        self.client.get("/accounts/login/", name="sign in")
        with self.client.post(
            "/accounts/login/",
            data={
                "username": self.account["email"],
                "password": self.account["password"],
                "csrfmiddlewaretoken": _csrf(self),
            },
            name="sign in",
            allow_redirects=False,
            catch_response=True,
        ) as answer:
            if answer.status_code != 302:
                answer.failure(f"sign-in answered {answer.status_code}")
                raise StopUser()
        if self.account.get("totp"):
            self.client.get("/accounts/two-step/", name="sign in")
            with self.client.post(
                "/accounts/two-step/",
                data={"code": totp(self.account["totp"]), "csrfmiddlewaretoken": _csrf(self)},
                name="sign in",
                allow_redirects=False,
                catch_response=True,
            ) as answer:
                if answer.status_code != 302:
                    answer.failure(f"two-step code answered {answer.status_code}")
                    raise StopUser()

    @property
    def registrar(self) -> bool:
        return bool(self.account["role"] == "registration_officer")

    def _register(self) -> None:
        today = date.today()
        data = {
            "csrfmiddlewaretoken": _csrf(self),
            "site": self.account["site_code"],
            "given_name": self.rng.choice(GIVEN),
            "family_name": self.rng.choice(FAMILY),
            "sex": "M" if self.rng.random() < 0.85 else "F",
            "birth_date": (
                today - timedelta(days=self.rng.randint(18 * 365, 50 * 365))
            ).isoformat(),
            "birth_date_precision": "exact",
            "nationality": self.rng.choice(NATIONALITIES),
        }
        with self.client.post(
            "/people/register/", data=data, name="register", allow_redirects=False,
            catch_response=True,
        ) as answer:  # fmt: skip
            if answer.status_code == 409:
                # A likely duplicate stops the registration (people/views.register); the
                # officer, who knows this is someone else, says so with a reason. Counted as
                # one registration that took two requests.
                answer.success()
                confirmed = {
                    **data,
                    "different_person": "yes",
                    "different_reason": "Another person",
                }
                confirmed["csrfmiddlewaretoken"] = _csrf(self)
                with self.client.post(
                    "/people/register/", data=confirmed, name="register (confirmed)",
                    allow_redirects=False, catch_response=True,
                ) as again:  # fmt: skip
                    if again.status_code == 302:
                        again.success()
                    else:
                        again.failure(f"confirmed registration answered {again.status_code}")
            elif answer.status_code == 302 and re.search(
                r"/people/\d+/$", answer.headers.get("Location", "")
            ):
                answer.success()
            else:
                # The form's error list says why (on synthetic data only).
                errors = re.findall(
                    r'(?:class="error"|class="form-errors")[^>]*>(.*?)</(?:p|div)>',
                    answer.text,
                    re.S,
                )
                said = re.sub(r"<[^>]+>", " ", " ".join(errors))
                said = " ".join(said.split())[:160]
                answer.failure(f"registration answered {answer.status_code}: {said}")

    def _page(self, path: str, name: str, params: dict[str, str] | None = None) -> None:
        """A page that must answer 200 itself: a redirect (to sign-in, to the second step)
        counts as a failure, not as the page it leads to."""
        with self.client.get(
            path, params=params, name=name, allow_redirects=False, catch_response=True
        ) as answer:
            if answer.status_code != 200:
                answer.failure(f"{name} answered {answer.status_code}")

    def _search(self) -> None:
        name = f"{self.rng.choice(GIVEN)} {self.rng.choice(FAMILY)}"
        if self.rng.random() < 0.5:
            self._page("/people/", "search", {"q": name})
        else:
            self._page("/people/identify/", "search", {"name": name})

    def _dashboard(self) -> None:
        self._page(f"/reception/{self.account['site_code']}/", "dashboard")

    @task(6)
    def work(self) -> None:
        """One action, drawn with the weights of the user's role."""
        if self.registrar:
            action = self.rng.choices([self._register, self._search, self._dashboard], [3, 4, 1])
        else:
            action = self.rng.choices([self._dashboard, self._search], [3, 3])
        action[0]()
