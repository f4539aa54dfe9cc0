"""A subject access export speaks the person's language through and through: rendered for a
person with a record in every app, no English label of the English rendering is left on the
page in any of the seven other portal languages (names, numbers, codes and dates are the
person's data and stay as stored), and Arabic, Farsi, Pashto and Urdu read right to left."""

from __future__ import annotations

import gettext
import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.utils import translation

from waypoint.people.models import Consent, ConsentMethod, Person, Purpose
from waypoint.portal.catalogue import is_portal_source, portal_messages_from_elsewhere
from waypoint.privacy.export import subject_access_html
from waypoint.privacy.queries import EXPORTED_FIELDS, subject_access_for
from waypoint.privacy.tests.conftest import CANARY, CANARY_FAMILY, CANARY_ORIGINAL
from waypoint.protection.models import Screening
from waypoint.reception.models import ServiceDelivery
from waypoint.returns.models import Case, CaseMember, DataTransfer, Source
from waypoint.returns.services.progress import EMBASSY_FIELDS
from waypoint.returns.stages import Stage

RIGHT_TO_LEFT = ("ar", "fa", "ps", "ur")
LEFT_TO_RIGHT = ("bn", "fr", "bs")
# Numbers, dates, times and phone numbers; registration numbers and case references.
NUMBERS_AND_DATES = re.compile(r"[\d\s:+\-./]+")
CODES = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)+")
# Codes the canary's records hold outside Waypoint's lists (a service "food", a need "gbv"):
# the export shows an unknown code as stored.
UNLISTED_CODES = {"food", "gbv"}


class _Page(HTMLParser):
    """The text of a rendered export, node by node, and the attributes of <html>."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.root: dict[str, str | None] = {}
        self._in_body = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.root = dict(attrs)
        self._in_body = self._in_body or tag == "body"

    def handle_data(self, data: str) -> None:
        if self._in_body and data.strip():
            self.texts.append(" ".join(data.split()))


@pytest.fixture
def rich_record(canary, lipa) -> Person:
    """The canary, plus records whose codes the export names by what they stand for: a
    consent naming a social work centre and an embassy, a service and a need from the
    lists, a second return case in which they are a sibling, and a data transfer."""
    consent = Consent.objects.create(
        person=canary,
        purpose=Purpose.PROTECTION,
        method=ConsentMethod.SIGNED,
        given_on=canary.registered_on,
        recipients=["centre_for_social_work", "embassy:PAK"],
    )
    ServiceDelivery.objects.create(
        site=lipa, kind="hygiene_kit", person=canary, delivered_on=canary.registered_on
    )
    Screening.objects.create(person=canary, version="v1", site=lipa, flags=["single_woman"])
    case = Case.objects.create(
        reference="R-SIBL-INGS",
        source=Source.CENTRE,
        stage=Stage.TRAVEL_BOOKED,
        given_name=f"{CANARY} Elder",
        return_country="PAK",
    )
    CaseMember.objects.create(case=case, person=canary, name=CANARY, relationship="sibling")
    DataTransfer.objects.create(
        case=case,
        person=canary,
        recipient="embassy:PAK",
        legal_basis="consent",
        consent=consent,
        fields=list(EMBASSY_FIELDS),
    )
    return canary


def rendered(admin, person: Person, language: str) -> _Page:  # type: ignore[no-untyped-def]
    return _Page(subject_access_html(subject_access_for(admin, person.pk, language=language)))


def is_data(text: str, stored: set[str]) -> bool:
    """A name, number, code or date: the person's data, the same in every language."""
    return (
        text == "—"
        or NUMBERS_AND_DATES.fullmatch(text) is not None
        or CODES.fullmatch(text) is not None
        or text in UNLISTED_CODES
        or any(value in text for value in stored)
    )


class _Missing(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return ""


def spelled_alike(language: str, text: str) -> bool:
    """The language's catalogue translates ``text`` (or the field name it capitalises) to
    the same spelling, as French does "Centre", "Service" and "Afghanistan"."""
    catalogue = gettext.translation("django", settings.LOCALE_PATHS[0], languages=[language])
    catalogue.add_fallback(_Missing())  # a message it lacks comes back empty
    field_name = text[:1].lower() + text[1:]  # the export capitalises a field's name
    return text in (catalogue.gettext(text), capitalised(catalogue.gettext(field_name)))


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def test_the_english_rendering_names_codes_by_what_they_stand_for(admin, rich_record):
    texts = rendered(admin, rich_record, "en").texts
    assert "Centre for Social Work, Embassy of Pakistan" in texts  # a consent's recipients
    assert "Embassy of Pakistan" in texts and "Consent" in texts  # a transfer's recipient, basis
    assert "given name(s), family name, father's name, date of birth" in " ".join(texts)
    assert "Sibling" in texts and "Opened on" in texts  # their place in a case; no "Created at"
    assert not {"embassy:PAK", "consent", "centre_for_social_work", "sibling"} & set(texts)


@pytest.mark.parametrize("language", ["bs", "ar", "fa", "ps", "ur", "bn", "fr"])
def test_no_english_label_is_left_in_the_persons_language(admin, lipa, rich_record, language):
    english = rendered(admin, rich_record, "en").texts
    translated = rendered(admin, rich_record, language).texts
    assert len(translated) == len(english)  # the same records, row for row
    stored = {CANARY, CANARY_FAMILY, CANARY_ORIGINAL, lipa.name, "SFA 2020"}
    labels = [text for text in english if not is_data(text, stored)]
    assert len(set(labels)) > 100  # every section has records: the comparison means something
    left_in_english = sorted(
        {
            theirs
            for ours, theirs in zip(english, translated, strict=True)
            if ours == theirs and not is_data(ours, stored) and not spelled_alike(language, ours)
        }
    )
    assert not left_in_english, f"{language}: translate {left_in_english}"


@pytest.mark.parametrize("language", RIGHT_TO_LEFT)
def test_arabic_script_languages_make_a_right_to_left_document(admin, rich_record, language):
    page = rendered(admin, rich_record, language)
    assert page.root == {"lang": language, "dir": "rtl"}


@pytest.mark.parametrize("language", LEFT_TO_RIGHT)
def test_other_languages_make_a_left_to_right_document(admin, rich_record, language):
    assert rendered(admin, rich_record, language).root == {"lang": language, "dir": "ltr"}


def test_the_check_tells_labels_from_data():
    stored = {CANARY, "Lipa", "SFA 2020"}
    assert not is_data("Vulnerability screenings", stored)
    assert not is_data("Older person (60 or over)", stored)  # a digit does not make data
    assert all(is_data(text, stored) for text in ("LIP-0000001-8", "2020-03-02 12:00", "Lipa"))
    assert is_data(f"witness for {CANARY}", stored)
    assert not spelled_alike("bn", "Vulnerability screenings")
    assert spelled_alike("fr", "Centre") and not spelled_alike("fr", "Stays")


def test_the_exports_labels_are_portal_strings_kept_in_every_language():
    # What the catalogue test requires translated in all eight languages: the template's and
    # the queries' own messages, and every field name and choice the export shows.
    assert is_portal_source("privacy/templates/privacy/subject_access.html:20")
    assert is_portal_source("privacy/queries.py:300")
    assert not is_portal_source("privacy/templates/privacy/erase.html:5")
    assert not is_portal_source("privacy/views.py:40")
    portal = portal_messages_from_elsewhere()
    with translation.override(None):
        shown = set()
        for model, names in EXPORTED_FIELDS.items():
            for name in names:
                model_field = model._meta.get_field(name)
                shown.add(str(getattr(model_field, "verbose_name", name)))
                shown |= {str(label) for _code, label in getattr(model_field, "flatchoices", [])}
    assert {"exit reason", "Left without notice", "Estimated from stated age"} <= shown
    assert shown <= portal
    assert {"Sibling", "Police apprehensions", "Viewed", "identity documents"} <= portal
