"""Every persona can use Waypoint on a 360-px phone (issue 16: "the navigation wraps to five
lines at 360 px and the residents table is cut off").

Signed in at 360 x 740, each persona opens the Menu and every link of its navigation and of
its landing page: each answers below 400, has something in its main content, and nothing
sticks out sideways. The landing page in Bosnian does not either. The walk without a
browser, two links deep, is ``test_every_link_leads_somewhere.py``.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest

from waypoint.conftest import sign_in_as
from waypoint.demo.identities import identities_build
from waypoint.demo.personas import PERSONAS
from waypoint.demo.population import population_build
from waypoint.demo.residents import residents_build
from waypoint.returns.services.demo import cases_generate

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
# Links that end the session, switch language, or leave the staff pages are not followed.
SKIPPED = re.compile(r"^/(accounts/logout|i18n/|static/|media/|api/|openrosa/|django-admin/)")
DOWNLOADS = re.compile(r"\.(pdf|csv|xlsx|zip|xml)$|/(export|download)/")
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"


@pytest.fixture
def demo(live_personas, tmp_path):  # type: ignore[no-untyped-def]
    """A small demo: 60 people, residents in the centres, return cases and a linkage run."""
    population_build(people=60, seed=4, reset=False, ground_truth_path=tmp_path / "truth.csv")
    admin = live_personas["admin"]
    residents_build(actor=admin, seed=4)
    cases_generate(count=6, seed=4, actor=live_personas["counsellor"])
    identities_build(actor=admin)
    return live_personas


def _same_site_links(page, selector: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Paths (with query) of the same-site links under ``selector``, in page order, once."""
    found: list[str] = []
    for href in page.locator(selector).evaluate_all("links => links.map(a => a.href)"):
        target = urlsplit(urljoin(page.url, href))
        if target.netloc != urlsplit(page.url).netloc or SKIPPED.match(target.path):
            continue
        link = target.path + (f"?{target.query}" if target.query else "")
        if link not in found:
            found.append(link)
    return found


def _problems_on(page, path: str) -> list[str]:  # type: ignore[no-untyped-def]
    """What is wrong with ``path`` on the phone: an error status, an empty page, overflow."""
    if DOWNLOADS.search(path):
        status = page.request.get(path).status
        return [f"{path}: answered {status}"] if status >= 400 else []
    answer = page.goto(path)
    if answer is None or answer.status >= 400:
        return [f"{path}: answered {answer.status if answer else 'nothing'}"]
    problems = []
    words = page.locator("main").inner_text().split()
    if len(words) < 8:
        problems.append(f"{path}: main content nearly empty ({' '.join(words)!r})")
    overflow = page.evaluate(OVERFLOW)
    if overflow > 0:
        problems.append(f"{path}: {overflow} px wider than the phone")
    return problems


def _open_menu(page) -> None:  # type: ignore[no-untyped-def]
    page.locator(".menu-toggle summary").click()
    page.locator("nav.mainnav a").first.wait_for(state="visible")


@pytest.mark.parametrize(
    "email", [persona.email for persona in PERSONAS], ids=lambda email: email.split("@")[0]
)
def test_every_page_a_persona_reaches_from_home_fits_a_phone_and_has_content(page, demo, email):
    page.set_viewport_size(PHONE)
    sign_in_as(page, email)
    problems = _problems_on(page, "/accounts/home/")
    # The navigation is folded away behind the Menu button until asked for.
    assert not page.locator("nav.mainnav").is_visible()
    _open_menu(page)
    assert page.evaluate(OVERFLOW) <= 0, "the open menu is wider than the phone"
    navigation = _same_site_links(page, "nav.mainnav a")
    assert navigation, f"{email} has no navigation"
    landing = [link for link in _same_site_links(page, "main a") if link not in navigation]
    for path in navigation + landing:
        problems += _problems_on(page, path)

    # The landing page in Bosnian, through the language switcher, with the menu open too.
    page.goto("/accounts/home/")
    page.locator("#language-select").select_option("bs")
    page.locator("form.language-switcher button").click()
    page.wait_for_function("() => document.documentElement.lang === 'bs'")
    if page.evaluate(OVERFLOW) > 0:
        problems.append("/accounts/home/ in Bosnian: wider than the phone")
    _open_menu(page)
    if page.evaluate(OVERFLOW) > 0:
        problems.append("/accounts/home/ in Bosnian with the menu open: wider than the phone")
    assert problems == [], f"{email} on a 360-px phone:\n" + "\n".join(problems)


def test_the_menu_is_one_button_on_a_phone_and_a_row_of_links_on_a_desk(page, live_personas):
    page.set_viewport_size(PHONE)
    sign_in_as(page, "admin@waypoint.test")
    menu = page.locator(".menu-toggle summary")
    links = page.locator("nav.mainnav a")
    # Phone: the brand and the Menu button share the first line; the links are hidden.
    assert menu.is_visible() and not links.first.is_visible()
    brand = page.locator(".brand").bounding_box()
    button = menu.bounding_box()
    assert brand and button and abs(brand["y"] - button["y"]) < brand["height"]
    # Opened, the links stand one under another, the current page marked.
    menu.click()
    first, second = links.nth(0).bounding_box(), links.nth(1).bounding_box()
    assert first and second and second["y"] > first["y"] and second["x"] == first["x"]
    assert page.locator('nav.mainnav a[aria-current="page"]').count() == 1
    # The keyboard reaches the button, and the button folds the links away again.
    page.keyboard.press("Enter")  # the summary still has the focus from the click
    assert not links.first.is_visible()
    # Sign-out and the language switcher stay in reach without opening anything.
    assert page.get_by_role("button", name="Sign out").is_visible()
    assert page.locator("#language-select").is_visible()

    page.set_viewport_size({"width": 1280, "height": 800})
    assert not menu.is_visible()
    first, second = links.nth(0).bounding_box(), links.nth(1).bounding_box()
    assert first and second and first["y"] == second["y"] and second["x"] > first["x"]


def test_the_residents_list_is_a_stack_of_cards_on_a_phone(page, demo):
    page.set_viewport_size(PHONE)
    sign_in_as(page, "registrar.lipa@waypoint.test")
    page.goto("/reception/TRC-LIP/residents/")
    rows = page.locator("table.cards tbody tr")
    assert rows.count() > 0
    card = rows.first.bounding_box()
    table = page.locator("table.cards").bounding_box()
    assert card and table and card["width"] == pytest.approx(table["width"], abs=2)
    # Each line of the card is named by its column, as the header would have on a desk.
    label = (
        rows.first.locator("td")
        .nth(2)
        .evaluate("cell => getComputedStyle(cell, '::before').content")
    )
    assert label == '"Bed"'
    header = page.locator("table.cards thead").bounding_box()
    assert header and header["height"] <= 1  # there for screen readers, not on the screen
    assert page.evaluate(OVERFLOW) <= 0
