"""Shared fixtures: the places of BiH and the demo personas every test can sign in as."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from waypoint.accounts import mfa
from waypoint.accounts.models import User
from waypoint.demo.personas import PERSONAS, personas_ensure, personas_two_step
from waypoint.places.models import Site
from waypoint.places.services import places_load

PASSWORD = "a-long-test-passphrase"


def _ensure_places() -> None:
    if not Site.objects.exists():
        places_load()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock():
        _ensure_places()


@pytest.fixture
def places(db: None) -> None:
    """BiH areas and sites (reloaded only if a transactional test flushed them)."""
    _ensure_places()


@pytest.fixture
def personas(places: None) -> dict[str, User]:
    """The ten personas by the part of their email before the @, with password PASSWORD."""
    personas_ensure(password=PASSWORD)
    personas_two_step()
    return {
        persona.email.split("@")[0]: User.objects.get(email=persona.email) for persona in PERSONAS
    }


@pytest.fixture
def site(places: None):  # type: ignore[no-untyped-def]
    return lambda code: Site.objects.get(code=code)


# --- Browser tests: Playwright driving Debian's Chromium (never a downloaded browser) ---

CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    return (
        os.environ.get("WAYPOINT_CHROMIUM")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    executable = chromium_path()
    if executable is None:
        if os.environ.get("WAYPOINT_REQUIRE_BROWSER"):
            pytest.fail("Chromium is required here but not installed")
        pytest.skip("Chromium not found: browser tests skipped (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # between browser steps are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    launched = playwright.chromium.launch(
        executable_path=executable, args=CHROMIUM_FLAGS, headless=True
    )
    yield launched
    launched.close()
    playwright.stop()


@pytest.fixture
def live_personas(transactional_db: None) -> dict[str, User]:
    _ensure_places()
    personas_ensure(password=PASSWORD)
    personas_two_step()
    return {
        persona.email.split("@")[0]: User.objects.get(email=persona.email) for persona in PERSONAS
    }


@pytest.fixture
def page(browser, live_server):  # type: ignore[no-untyped-def]
    """A fresh phone-sized browser tab pointed at the live test server."""
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 360, "height": 740}, locale="en-GB"
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


def two_step_code(email: str) -> str:
    """The code a persona's authenticator app shows now."""
    device = TOTPDevice.objects.get(user__email=email, confirmed=True)
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def sign_in_as(page, email: str, password: str = PASSWORD) -> None:  # type: ignore[no-untyped-def]
    """Sign in through the pages, with the second step for the roles that have it."""
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r".*/accounts/(home|two-step)/.*"))
    if "/accounts/two-step/" in page.url:
        page.get_by_label("Code").fill(two_step_code(email))
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/accounts/home/")


# The audit chain's signing key, for the whole test process: tests that point VAR_DIR at a
# fresh folder mid-test would otherwise find the chain signed with a key left behind (the
# signing tests remove this to exercise the key file themselves).
os.environ.setdefault("WAYPOINT_AUDIT_KEY", "test-audit-signing-key")

# ``force_login`` skips the password; it skips the second step too, for accounts that have
# one (the tests of the second step itself sign in through the pages).
_force_login = Client.force_login


def _force_login_verified(self, user, backend=None):  # type: ignore[no-untyped-def]
    _force_login(self, user, backend)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None and mfa.required_for(user):
        device = TOTPDevice.objects.create(user=user, name=mfa.APP_DEVICE, confirmed=True)
    if device is not None:
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


Client.force_login = _force_login_verified  # type: ignore[method-assign]
