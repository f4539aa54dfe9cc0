"""Every portal language renders with its own ``lang`` and the right writing direction."""

import re

import pytest

pytestmark = pytest.mark.django_db

RIGHT_TO_LEFT = {"ar", "fa", "ps", "ur"}


@pytest.mark.parametrize("language", ["en", "bs", "ar", "fa", "ps", "ur", "bn", "fr"])
@pytest.mark.parametrize(
    "page", ["", "pages/voluntary-return/", "eligibility/", "apply/", "status/"]
)
def test_each_language_renders_with_its_lang_and_dir(client, content, language, page):
    response = client.get(f"/{language}/{page}")
    assert response.status_code == 200
    html = response.content.decode()
    expected = "rtl" if language in RIGHT_TO_LEFT else "ltr"
    assert re.search(rf'<html lang="{language}" dir="{expected}">', html)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("ar", "العودة الطوعية"),
        ("fa", "بازگشت داوطلبانه"),
        ("ps", "داوطلبانه"),
        ("ur", "رضاکارانہ"),
        ("bn", "স্বেচ্ছায়"),
        ("fr", "retour volontaire"),
        ("bs", "dobrovoljni povratak"),
    ],
)
def test_the_start_page_is_written_in_the_language_not_in_english(client, content, language, words):
    html = client.get(f"/{language}/").content.decode()
    assert words.lower() in html.lower()


def test_the_switcher_links_the_same_page_in_every_language_named_in_itself(client, content):
    html = client.get("/fa/pages/support/").content.decode()
    for code, name in [
        ("en", "English"),
        ("bs", "Bosanski"),
        ("ar", "العربية"),
        ("fa", "فارسی/دری"),
        ("ps", "پښتو"),
        ("ur", "اردو"),
        ("bn", "বাংলা"),
        ("fr", "Français"),
    ]:
        assert f'<a href="/{code}/pages/support/" lang="{code}" hreflang="{code}"' in html
        assert f">{name}</a>" in html
