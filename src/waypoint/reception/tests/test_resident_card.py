import pytest
from django.urls import reverse

from waypoint.audit.models import AuditEvent
from waypoint.reception.services import resident_card_issue, stay_admit

pytestmark = pytest.mark.django_db


def test_the_card_is_a_pdf_and_its_printing_is_audited(registrar, lipa, register):
    person = register(given_name_original="محمد", family_name_original="رحمان")
    stay = stay_admit(actor=registrar, person=person, site=lipa)
    pdf = resident_card_issue(actor=registrar, stay=stay)
    assert pdf.startswith(b"%PDF")
    event = AuditEvent.objects.get(action="export", person_id=person.pk)
    assert event.purpose == "resident ID card"


def test_the_card_page_answers_a_pdf(client, registrar, lipa, register):
    stay = stay_admit(actor=registrar, person=register(), site=lipa)
    client.force_login(registrar)
    response = client.get(reverse("reception:card", args=[stay.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_card_holds_the_number_as_a_qr_code_and_both_scripts(registrar, lipa, register):
    from waypoint.reception.cards import card_html
    from waypoint.reception.services.cards import card_details

    person = register(given_name_original="মোহাম্মদ")
    stay = stay_admit(actor=registrar, person=person, site=lipa)
    html = card_html(card_details(stay))
    assert person.registration_number in html
    assert "মোহাম্মদ" in html
    assert "data:image/svg+xml;base64," in html


def test_no_card_for_someone_who_left(registrar, lipa, register):
    from django.core.exceptions import ValidationError

    from waypoint.reception.services import stay_exit

    stay = stay_admit(actor=registrar, person=register(), site=lipa)
    stay_exit(actor=registrar, stay=stay, reason="onward")
    with pytest.raises(ValidationError):
        resident_card_issue(actor=registrar, stay=stay)
