"""A page missing in a language shows the English text with a visible notice."""

import pytest

pytestmark = pytest.mark.django_db

NOTICE = "این صفحه هنوز به زبان شما موجود نیست"  # fa: "not yet available in your language"


def test_a_country_page_missing_in_farsi_shows_english_with_a_notice(client, content):
    html = client.get("/fa/pages/pakistan/").content.decode()
    assert NOTICE in html
    assert "Returning to Pakistan" in html
    assert '<article lang="en" dir="ltr">' in html


def test_a_page_written_in_the_language_shows_no_notice(client, content):
    html = client.get("/fa/pages/afghanistan/").content.decode()
    assert NOTICE not in html
    assert "Returning to Afghanistan" not in html


def test_an_unpublished_draft_is_not_shown_and_english_stands_in(client, content, personas):
    from waypoint.portal.models import Page, PageVersion
    from waypoint.portal.services import page_version_save

    page = Page.objects.get(slug="iraq")
    PageVersion.objects.filter(page=page, language="bn").delete()
    page_version_save(
        actor=personas["counsellor"],
        page=page,
        language="bn",
        title="খসড়া",
        body="খসড়া",
        publish=False,
    )
    html = client.get("/bn/pages/iraq/").content.decode()
    assert "খসড়া" not in html
    assert "Returning to Iraq" in html


def test_an_unknown_page_is_a_clear_404_in_the_language(client, content):
    response = client.get("/ar/pages/no-such-page/")
    assert response.status_code == 404
    assert '<html lang="ar" dir="rtl">' in response.content.decode()
