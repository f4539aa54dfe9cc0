"""The centre manager in Lipa takes the roll-call on a 360-pixel phone, then on a desktop."""

from datetime import timedelta

import pytest
from django.utils import timezone

from waypoint.conftest import sign_in_as
from waypoint.people.services import person_register
from waypoint.places.models import Site
from waypoint.reception.forms import card_key
from waypoint.reception.models import RollCallEntry
from waypoint.reception.services import stay_admit

pytestmark = pytest.mark.browser

RESIDENTS = 40
URL = "/reception/TRC-LIP/roll-call/"

# A fake camera and QR reader for the scan test: headless Chromium on Linux has neither.
# The page's script is the real one; only the browser's own devices are stood in for.
FAKE_CAMERA = """
window.__cardsToRead = [];
window.BarcodeDetector = class {
  static getSupportedFormats() { return Promise.resolve(["qr_code"]); }
  detect() {
    const value = window.__cardsToRead.shift();
    return Promise.resolve(value ? [{ rawValue: value, format: "qr_code" }] : []);
  }
};
navigator.mediaDevices.getUserMedia = () => {
  const canvas = document.createElement("canvas");
  canvas.width = 64; canvas.height = 48;
  canvas.getContext("2d").fillRect(0, 0, 64, 48);
  return Promise.resolve(canvas.captureStream(5));
};
"""


@pytest.fixture
def lipa_residents(live_personas):
    """Forty residents of Lipa, three of them of the Hadžić family, in the list's order."""
    manager = live_personas["manager.lipa"]
    lipa = Site.objects.get(code="TRC-LIP")
    names = [("Amir", "Hadžić"), ("Bilal", "Hadžić"), ("Dina", "Hadžić")]
    names += [(f"Resident{n:02d}", "Ruiz") for n in range(RESIDENTS - len(names))]
    long_ago = timezone.now() - timedelta(days=2)
    return [
        stay_admit(
            actor=manager,
            person=person_register(actor=manager, site=lipa, given_name=given, family_name=family),
            site=lipa,
            at=long_ago,
        )
        for given, family in names
    ]


def _shown_rows(page):
    return page.locator("[data-rollcall-rows] li:visible")


def _row(page, stay):
    key = card_key(stay.person.registration_number)
    return page.locator(f'[data-rollcall-rows] li[data-card="{key}"]')


def _no_horizontal_overflow(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_manager_marks_everyone_present_but_two_on_a_phone(page, live_personas, lipa_residents):
    amir, bilal, dina = lipa_residents[:3]
    away_one, away_two, scanned = lipa_residents[10], lipa_residents[20], lipa_residents[30]
    sign_in_as(page, live_personas["manager.lipa"].email)
    page.goto(URL)
    assert page.get_by_text(f"0 of {RESIDENTS} marked").is_visible()
    # No camera reader in headless Chromium on Linux: the scan button stays hidden.
    assert page.get_by_role("button", name="Scan cards").is_hidden()

    # Rows are whole tap targets, yet compact: one row is at most 56 px tall on the phone.
    row_height = _row(page, amir).bounding_box()["height"]
    assert 44 <= row_height <= 56

    page.get_by_label("Find a resident").fill("hadzic")
    assert _shown_rows(page).count() == 3
    assert page.get_by_text(f"Showing 3 of {RESIDENTS}").is_visible()
    viewport = page.viewport_size["height"]
    assert page.evaluate("document.documentElement.scrollHeight") < 3 * viewport
    assert _no_horizontal_overflow(page)

    page.get_by_label("Find a resident").fill("")
    assert _shown_rows(page).count() == RESIDENTS
    page.get_by_role("button", name="Mark all present").click()
    assert page.get_by_text(f"{RESIDENTS} of {RESIDENTS} marked").is_visible()
    # The save bar sticks to the bottom of the screen above the long list.
    save = page.get_by_role("button", name="Save the roll-call")
    box = save.bounding_box()
    assert box["y"] + box["height"] <= viewport

    for stay in (away_one, away_two, scanned):
        _row(page, stay).get_by_role("checkbox").uncheck()
    assert page.get_by_text(f"{RESIDENTS - 3} of {RESIDENTS} marked").is_visible()

    card = page.get_by_label("Card number")
    card.fill(scanned.person.registration_number.lower())
    card.press("Enter")
    assert page.get_by_text(f"Marked present: {scanned.person.given_name} Ruiz").is_visible()
    assert _row(page, scanned).get_by_role("checkbox").is_checked()
    assert card.input_value() == ""
    assert page.get_by_text(f"{RESIDENTS - 2} of {RESIDENTS} marked").is_visible()
    assert _no_horizontal_overflow(page)

    save.click()
    assert page.get_by_text(f"Roll-call saved: {RESIDENTS - 2} present.").is_visible()
    absent = set(RollCallEntry.objects.filter(present=False).values_list("stay_id", flat=True))
    assert absent == {away_one.pk, away_two.pk}
    assert RollCallEntry.objects.filter(present=True).count() == RESIDENTS - 2
    assert {bilal.pk, dina.pk} <= set(
        RollCallEntry.objects.filter(present=True).values_list("stay_id", flat=True)
    )


def test_mark_all_ticks_only_the_residents_the_search_shows(page, live_personas, lipa_residents):
    sign_in_as(page, live_personas["manager.lipa"].email)
    page.goto(URL)
    page.get_by_label("Find a resident").fill("Hadžić")
    page.get_by_role("button", name="Mark these present").click()
    assert page.get_by_text(f"3 of {RESIDENTS} marked").is_visible()
    page.get_by_role("button", name="Save the roll-call").click()
    present = set(RollCallEntry.objects.filter(present=True).values_list("stay_id", flat=True))
    assert present == {stay.pk for stay in lipa_residents[:3]}


def test_the_manager_scans_a_card_where_the_browser_reads_qr_codes(
    page, live_personas, lipa_residents
):
    scanned = lipa_residents[5]
    page.add_init_script(FAKE_CAMERA)
    sign_in_as(page, live_personas["manager.lipa"].email)
    page.goto(URL)
    page.get_by_role("button", name="Scan cards").click()
    page.evaluate(
        "number => window.__cardsToRead.push(number, number, 'LIP-9999999-9')",
        scanned.person.registration_number,
    )
    # The reads arrive every quarter of a second: wait for the last one.
    page.get_by_text("No resident here has card number LIP-9999999-9.").wait_for()
    assert _row(page, scanned).get_by_role("checkbox").is_checked()
    # The same card read twice in a row counts once.
    assert page.get_by_text(f"1 of {RESIDENTS} marked").is_visible()
    page.get_by_role("button", name="Stop scanning").click()
    assert page.locator("[data-rollcall-camera]").is_hidden()


def test_the_same_roll_call_on_a_desktop_screen(page, live_personas, lipa_residents):
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in_as(page, live_personas["manager.lipa"].email)
    page.goto(URL)
    # Several residents side by side: the first two rows share a line.
    first, second = (_row(page, stay).bounding_box() for stay in lipa_residents[:2])
    assert first["y"] == second["y"]
    page.get_by_role("button", name="Mark all present").click()
    _row(page, lipa_residents[0]).get_by_role("checkbox").uncheck()
    assert _no_horizontal_overflow(page)
    page.get_by_role("button", name="Save the roll-call").click()
    assert page.get_by_text(f"Roll-call saved: {RESIDENTS - 1} present.").is_visible()
    absent = RollCallEntry.objects.filter(present=False).values_list("stay_id", flat=True)
    assert list(absent) == [lipa_residents[0].pk]
