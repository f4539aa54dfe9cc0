"""A family member's form starts from what the family shares (issue 16 item 4: "a family
member's form does not carry over the head's nationality and arrival date"): nationality,
arrival date, entry point, languages and the centre. What is each person's own (country of
birth, the asylum declaration) starts empty."""

import datetime
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from waypoint.audit.models import Action, AuditEvent
from waypoint.people.models import Person
from waypoint.people.services import household_register, person_register
from waypoint.places.models import Site

pytestmark = pytest.mark.django_db


class FormValues(HTMLParser):
    """The values a browser would send for the registration form's inputs as rendered."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("checkbox", "submit"):
            self.values[name] = attrs.get("value") or ""
        elif tag == "input" and name and "checked" in attrs:
            self.values[name] = attrs.get("value") or "on"
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.values[self._select] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def rendered_values(html: str) -> dict[str, str]:
    parser = FormValues()
    parser.feed(html)
    return parser.values


@pytest.fixture
def head(personas):
    person = person_register(
        actor=personas["registrar.lipa"],
        site=Site.objects.get(code="TRC-LIP"),
        given_name="Amina",
        family_name="Sultani",
        sex="F",
        birth_date=datetime.date(1985, 5, 1),
        nationality="AFG",
        country_of_birth="IRN",
        languages=["prs", "fa"],
        arrived_on=datetime.date(2025, 3, 14),
        entry_point="Zvornik",
        asylum_intention=True,
    )
    household_register(actor=personas["registrar.lipa"], head=person)
    return person


def member_form_url(head):
    return reverse("people:register") + f"?household={head.membership.household.pk}"


def test_the_member_form_shows_what_the_family_shares(client, personas, head):
    client.force_login(personas["registrar.lipa"])
    page = client.get(member_form_url(head))
    assert page.status_code == 200
    values = rendered_values(page.content.decode())
    assert values["nationality"] == "Afghanistan"  # a name, not the code
    assert values["arrived_on"] == "2025-03-14"
    assert values["entry_point"] == "Zvornik"
    assert "Dari" in values["languages"]
    assert values["site"] == "TRC-LIP"


def test_what_is_each_persons_own_starts_empty(client, personas, head):
    client.force_login(personas["registrar.lipa"])
    values = rendered_values(client.get(member_form_url(head)).content.decode())
    assert values["country_of_birth"] == ""
    assert values["given_name"] == "" and values["family_name"] == ""
    assert "asylum_intention" not in values  # the box is not ticked for the member


def test_a_member_saved_without_changing_them_keeps_the_family_details(client, personas, head):
    client.force_login(personas["registrar.lipa"])
    values = rendered_values(client.get(member_form_url(head)).content.decode())
    values.update(given_name="Bilal", sex="M", birth_date="2015-05-01", relationship="child")
    answer = client.post(reverse("people:register"), values)
    assert answer.status_code == 302
    child = Person.objects.get(given_name="Bilal")
    assert child.nationality == "AFG"
    assert child.arrived_on == datetime.date(2025, 3, 14)
    assert child.entry_point == "Zvornik"
    assert child.languages == ["prs", "fa"]
    assert child.registered_at.code == "TRC-LIP"
    assert child.country_of_birth == "" and not child.asylum_intention
    assert child.membership.household == head.membership.household


def test_reading_the_head_to_fill_the_form_is_audited(client, personas, head):
    client.force_login(personas["registrar.lipa"])
    client.get(member_form_url(head))
    assert AuditEvent.objects.filter(
        action=Action.VIEW, person_id=head.pk, purpose="family member registration"
    ).exists()


def test_a_household_out_of_scope_or_not_a_number_answers_404(client, personas, head):
    client.force_login(personas["registrar.usivak"])
    assert client.get(member_form_url(head)).status_code == 404
    client.force_login(personas["registrar.lipa"])
    assert client.get(reverse("people:register") + "?household=abc").status_code == 404
    assert client.get(reverse("people:register") + "?household=²").status_code == 404
