"""Staff pick countries and languages by name, in their own language, and see names, not
ISO codes; the registration form has no default sex (issue 16: "Codes instead of words")."""

import pytest
from django.urls import reverse
from django.utils import translation

from waypoint.core.countries import country_code_from, country_name, country_options
from waypoint.core.fields import CountryField, LanguagesField
from waypoint.people.models import Person
from waypoint.people.tests.test_register_person import form

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Afghanistan", "AFG"),
        ("afganistan", "AFG"),  # Bosnian, any case
        ("أفغانستان", "AFG"),  # Arabic
        ("Bosnie-Herzégovine", "BIH"),  # French
        ("Iran", "IRN"),  # the short name, not "Iran, Islamic Republic of"
        ("Congo, The Democratic Republic of the", "COD"),
        ("pak", "PAK"),  # the code still works
        ("Stateless", "XXA"),
    ],
)
def test_a_country_is_taken_by_its_name_in_any_language_or_by_its_code(typed, code):
    assert CountryField(required=False).clean(typed) == code


def test_a_word_that_names_no_country_is_refused_with_what_was_typed():
    with pytest.raises(Exception) as refused:
        CountryField(required=False).clean("Afghan")
    assert "No country is called “Afghan”" in str(refused.value)
    assert country_code_from("Atlantis") is None


def test_names_follow_the_page_language_and_every_country_has_one():
    with translation.override("bs"):
        assert country_name("BIH") == "Bosna i Hercegovina"
        assert country_name("DEU") == "Njemačka"
    with translation.override("en"):
        assert country_name("DEU") == "Germany"
        options = country_options()
    assert len(options) >= 249
    assert all(name != code for code, name in options if code not in ("XKX", "XXX"))
    assert [name for _code, name in options] == sorted(
        (name for _code, name in options), key=str.casefold
    )
    assert country_name("Bangladesh") == "Bangladesh"  # a name passes through as it is


def test_languages_are_taken_by_name_or_code_and_shown_by_name():
    field = LanguagesField(required=False)
    assert field.clean("Pashto, Dari, ur") == ["ps", "prs", "ur"]
    assert field.prepare_value(["ps", "prs"]) == "Pashto, Dari"
    with pytest.raises(Exception) as refused:
        field.clean("Pashto, Klingon language of old")
    assert "Klingon language of old" in str(refused.value)


def test_the_registration_form_offers_country_names_and_no_default_sex(client, personas):
    client.force_login(personas["registrar.lipa"])
    page = client.get(reverse("people:register")).content.decode()
    assert '<option value="Afghanistan">' in page and "<datalist" in page
    assert '<option value="" selected>—</option>' in page
    answer = client.post(reverse("people:register"), form(sex=""))
    assert answer.status_code == 400 and "sex" in answer.context["form"].errors


def test_a_person_registered_by_country_name_is_shown_with_names(client, personas):
    client.force_login(personas["registrar.lipa"])
    answer = client.post(
        reverse("people:register"),
        form(nationality="Pakistan", country_of_birth="Afganistan", languages="Urdu, Pashto"),
    )
    assert answer.status_code == 302
    person = Person.objects.get(given_name_original="محمد")
    assert (person.nationality, person.country_of_birth) == ("PAK", "AFG")
    assert person.languages == ["ur", "ps"]
    page = client.get(reverse("people:person", args=[person.pk])).content.decode()
    assert "Pakistan" in page and "Afghanistan" in page and "Urdu, Pashto" in page
    assert ">PAK<" not in page
    listing = client.get(reverse("people:list")).content.decode()
    assert '<td data-label="Nationality">Pakistan</td>' in listing


def test_consent_recipients_are_shown_by_name_on_the_person_page(client, personas):
    from waypoint.people.services import consent_record, person_register
    from waypoint.places.models import Site

    person = person_register(
        actor=personas["registrar.lipa"],
        site=Site.objects.get(code="TRC-LIP"),
        given_name="Imran",
        family_name="Khan",
        sex="M",
        birth_date=__import__("datetime").date(1990, 5, 5),
        nationality="PAK",
    )
    consent_record(
        actor=personas["registrar.lipa"],
        person=person,
        purpose="return",
        method="signed",
        recipients=["embassy:PAK", "centre_for_social_work"],
    )
    client.force_login(personas["registrar.lipa"])
    page = client.get(reverse("people:person", args=[person.pk])).content.decode()
    # The consent line on the page (the form below it offers the same recipients).
    line = "reintegration — Centre for Social Work, Embassy of Pakistan · Signed"
    assert line in page and "embassy:PAK ·" not in page
