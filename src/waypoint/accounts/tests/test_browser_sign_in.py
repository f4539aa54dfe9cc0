import pytest

from waypoint.conftest import sign_in_as

pytestmark = pytest.mark.browser


def test_a_registration_officer_signs_in_and_switches_to_bosnian(page, live_personas):
    sign_in_as(page, "registrar.lipa@waypoint.test")
    assert page.get_by_role("heading", name="Welcome, Lejla Registrar").is_visible()
    assert page.get_by_text("You register and identify new arrivals").is_visible()
    page.get_by_label("Language").select_option("bs")
    page.get_by_role("button", name="Change").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "bs"
    assert page.get_by_role("heading", name="Dobrodošli, Lejla Registrar").is_visible()
    assert page.get_by_text("Registrujete i identifikujete nove pridošlice").is_visible()


def test_the_layout_fits_a_360_pixel_phone(page, live_personas):
    sign_in_as(page, "admin@waypoint.test")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
