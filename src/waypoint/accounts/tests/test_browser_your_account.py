"""In the browser: a new centre manager signs in for the first time and must set up two-step
sign-in (typing the key into an app, whose code we compute here), keeps the recovery codes,
then on "Your account" changes the password (a breached one is refused), makes and revokes
an API token, and signs out everywhere. On a desk and on a phone."""

from __future__ import annotations

import base64
import re
from typing import Any

import pytest
from django_otp.oath import totp

from waypoint.accounts.models import ApiToken, Role, User
from waypoint.accounts.services import assignment_add, user_create
from waypoint.conftest import PASSWORD
from waypoint.places.models import Site

pytestmark = pytest.mark.browser

EMAIL = "manager.miral@waypoint.test"
NEW_PASSWORD = "seven-bridges-over-the-una"
# In the list of breached passwords that Django's CommonPasswordValidator reads, and long
# enough to pass the length rule: refused only because it is known.
BREACHED = "qwerty123456"


@pytest.fixture
def new_manager(live_personas: dict[str, User]) -> User:
    user = user_create(actor=None, email=EMAIL, full_name="Mina Manager", password=PASSWORD)
    assignment_add(
        actor=None, user=user, role=Role.CENTRE_MANAGER, site=Site.objects.get(code="TRC-MIR")
    )
    return user


def code_for(key_shown: str) -> str:
    """What an authenticator app shows now for the key typed into it."""
    key = key_shown.replace(" ", "").upper()
    secret = base64.b32decode(key + "=" * (-len(key) % 8))
    return f"{totp(secret, step=30, digits=6):06d}"


def fits_the_screen(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


@pytest.mark.parametrize("width", [1280, 360])
def test_a_new_manager_sets_up_two_step_then_manages_her_account(
    page: Any, new_manager: User, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    # First sign-in: the role requires two steps, so setting them up comes before anything.
    page.wait_for_url(re.compile(r"/accounts/two-step/setup/"))
    assert page.get_by_role("heading", name="Set up two-step sign-in").is_visible()
    assert fits_the_screen(page)
    page.goto("/people/")
    page.wait_for_url(re.compile(r"/accounts/two-step/"))
    key = page.locator("code.secret").inner_text()
    page.get_by_label("Code").fill("000000" if code_for(key) != "000000" else "111111")
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    assert "does not match" in page.get_by_role("alert").first.inner_text()
    # django-otp makes a device wait a second after a wrong code before it checks another.
    page.wait_for_timeout(1500)
    key = page.locator("code.secret").inner_text()
    page.get_by_label("Code").fill(code_for(key))
    page.get_by_role("button", name="Turn on two-step sign-in").click()

    # Ten recovery codes, shown once.
    page.get_by_role("heading", name="Your recovery codes").wait_for()
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"\d{4}-\d{4}", code) for code in codes)
    assert fits_the_screen(page)
    page.get_by_role("link", name="I have kept them").click()
    page.wait_for_url("**/people/")  # where she was going before the setup stopped her

    page.goto("/accounts/home/")
    page.get_by_role("link", name=re.compile("Your account")).click()
    page.wait_for_url("**/accounts/account/")
    assert "10 recovery codes are left" in page.inner_text("main")
    assert fits_the_screen(page)

    # A password from the breached list is refused, saying why; a good one is taken.
    password = page.locator("section", has=page.get_by_role("heading", name="Change your password"))
    password.locator("#id_password-old_password").fill(PASSWORD)
    password.locator("#id_password-new_password1").fill(BREACHED)
    password.locator("#id_password-new_password2").fill(BREACHED)
    password.get_by_role("button", name="Change password").click()
    page.wait_for_load_state()
    assert "This password is too common." in page.inner_text("main")
    assert fits_the_screen(page)
    new_manager.refresh_from_db()
    assert new_manager.check_password(PASSWORD)
    password = page.locator("section", has=page.get_by_role("heading", name="Change your password"))
    password.locator("#id_password-old_password").fill(PASSWORD)
    password.locator("#id_password-new_password1").fill(NEW_PASSWORD)
    password.locator("#id_password-new_password2").fill(NEW_PASSWORD)
    password.get_by_role("button", name="Change password").click()
    page.get_by_text("Password changed.").wait_for()
    new_manager.refresh_from_db()
    assert new_manager.check_password(NEW_PASSWORD)

    # A token is shown once, works, and stops working once revoked.
    tokens = page.locator("section", has=page.get_by_role("heading", name="API tokens"))
    tokens.get_by_label("What the token is for").fill("Nightly occupancy script")
    tokens.get_by_role("button", name="Make a token").click()
    page.wait_for_load_state()
    tokens = page.locator("section", has=page.get_by_role("heading", name="API tokens"))
    secret = tokens.locator("code.token").inner_text().strip()
    assert fits_the_screen(page)
    header = {"Authorization": f"Token {secret}"}
    assert page.request.get("/api/v1/me/", headers=header).status == 200
    assert secret not in page.content().replace(secret, "", 1)  # shown once on the page
    tokens.get_by_role("button", name="Revoke").click()
    page.get_by_text("The token is revoked.").wait_for()
    assert ApiToken.objects.get(user=new_manager).revoked_at is not None
    assert page.request.get("/api/v1/me/", headers=header).status == 401
    page.reload()
    assert secret not in page.content()

    # Signing out everywhere ends this session too.
    page.get_by_role("button", name="Sign out everywhere").click()
    page.wait_for_url("**/accounts/login/**")
    assert "signed out on every device" in page.inner_text("main")
    assert fits_the_screen(page)
    page.goto("/accounts/account/")
    assert "/accounts/login/" in page.url
