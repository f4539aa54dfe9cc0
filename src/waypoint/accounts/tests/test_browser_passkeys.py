"""A passkey in a real browser: Chromium's virtual authenticator (Chrome DevTools Protocol)
stands in for the laptop's or phone's. The officer adds a passkey on "Your account", signs
out, and signs in again with the password and the passkey, on a desktop and a phone screen.
``localhost`` (the live server) is a secure context, so WebAuthn runs over plain HTTP."""

from __future__ import annotations

import re

import pytest

from waypoint.accounts.models import Passkey
from waypoint.audit.models import AuditEvent
from waypoint.conftest import PASSWORD, sign_in_as

pytestmark = pytest.mark.browser

EMAIL = "protection.borici@waypoint.test"


@pytest.fixture(params=[1280, 360], ids=["desktop", "phone"])
def tab(request, browser, live_server):  # type: ignore[no-untyped-def]
    """A tab of ``request.param`` pixels wide, with a virtual platform authenticator."""
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": request.param, "height": 800},
        locale="en-GB",
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    page.viewport_width = request.param
    yield page
    context.close()


def test_an_officer_adds_a_passkey_and_signs_in_with_it(tab, live_personas):
    sign_in_as(tab, EMAIL)
    assert tab.url.startswith("http://localhost:")
    assert tab.evaluate("window.isSecureContext")
    tab.goto("/accounts/account/")
    tab.get_by_label("Name of the passkey").fill("Work laptop")
    tab.get_by_role("button", name="Add a passkey").click()
    tab.get_by_role("cell", name="Work laptop", exact=True).wait_for()
    assert tab.get_by_text("Passkey added.").is_visible()
    assert tab.evaluate("document.documentElement.scrollWidth") <= tab.viewport_width
    passkey = Passkey.objects.get(user__email=EMAIL)
    assert passkey.transports == ["internal"]

    tab.get_by_role("button", name="Sign out", exact=True).click()
    tab.wait_for_url("**/accounts/login/**")
    tab.get_by_label("Email address").fill(EMAIL)
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(re.compile(r".*/accounts/two-step/.*"))
    assert tab.evaluate("document.documentElement.scrollWidth") <= tab.viewport_width
    tab.get_by_role("button", name="Use a passkey").click()
    tab.wait_for_url("**/accounts/home/")
    assert tab.get_by_role("heading", name="Welcome, Belma Protection").is_visible()

    passkey.refresh_from_db()
    assert passkey.last_used_at is not None and passkey.sign_count >= 1
    assert AuditEvent.objects.filter(
        actor__email=EMAIL, action="login", purpose="two-step passkey"
    ).exists()
    tab.goto("/accounts/account/")
    assert tab.get_by_role("row", name=re.compile("Work laptop")).is_visible()
