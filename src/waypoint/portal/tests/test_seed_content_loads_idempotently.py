"""`waypoint portal load` creates the seed pages once and never overwrites staff edits."""

import pytest
from django.core.management import call_command

from waypoint.portal.catalogue import PAGES
from waypoint.portal.models import Page, PageVersion
from waypoint.portal.services import page_version_save, portal_content_load

pytestmark = pytest.mark.django_db

GENERAL = [entry.slug for entry in PAGES if entry.kind == "general"]


def test_every_general_page_exists_in_all_eight_languages(content):
    for slug in GENERAL:
        languages = set(
            PageVersion.objects.filter(page__slug=slug, is_published=True).values_list(
                "language", flat=True
            )
        )
        assert languages == {"en", "bs", "ar", "fa", "ps", "ur", "bn", "fr"}, slug


def test_every_country_page_exists_in_english(content):
    for entry in PAGES:
        if entry.kind == "country":
            assert PageVersion.objects.filter(page__slug=entry.slug, language="en").exists()


def test_loading_twice_changes_nothing(content, capsys):
    before = PageVersion.objects.count()
    call_command("portal", "load")
    assert PageVersion.objects.count() == before
    assert "0 created, 0 updated" in capsys.readouterr().out


def test_a_version_written_by_staff_is_kept(content, personas):
    page = Page.objects.get(slug="counsellor")
    page_version_save(
        actor=personas["counsellor"],
        page=page,
        language="en",
        title="Reach us",
        body="Call [number].",
        publish=True,
    )
    report = portal_content_load()
    assert "counsellor [en]" in report.kept_staff_edits
    assert page.versions.filter(language="en").order_by("-number").first().title == "Reach us"


def test_a_changed_seed_file_adds_a_version(content, tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "support.md").write_text("# Support, revised\n\nNew text.\n")
    report = portal_content_load(content_dir=tmp_path)
    assert report.updated == 1
    newest = Page.objects.get(slug="support").versions.filter(language="en").first()
    assert (newest.title, newest.is_published) == ("Support, revised", True)


def test_a_bad_seed_file_is_one_clear_error(content, tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "support.md").write_text("no title line\n")
    with pytest.raises(Exception, match="first line must be"):
        call_command("portal", "load", "--content-dir", str(tmp_path))
