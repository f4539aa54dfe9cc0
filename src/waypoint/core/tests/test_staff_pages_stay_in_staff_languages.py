"""Staff pages speak English or Bosnian even when the browser or cookie asks for another."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_farsi_browser_gets_the_staff_sign_in_page_in_english(client, places):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="fa")
    assert '<html lang="en" dir="ltr">' in response.content.decode()
    assert response["Content-Language"] == "en"


def test_a_bosnian_browser_gets_bosnian_staff_pages(client, places):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="bs")
    assert '<html lang="bs" dir="ltr">' in response.content.decode()


def test_an_arabic_language_cookie_falls_back_to_english_on_staff_pages(client, places):
    client.cookies["django_language"] = "ar"
    response = client.get("/accounts/login/")
    assert '<html lang="en" dir="ltr">' in response.content.decode()


def test_the_portal_keeps_its_language(client, places):
    response = client.get("/ar/", HTTP_ACCEPT_LANGUAGE="bs")
    assert '<html lang="ar" dir="rtl">' in response.content.decode()
