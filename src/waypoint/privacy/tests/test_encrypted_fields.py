"""Screening notes, referral reasons, outreach notes, return applicants' special needs and
medical notes, counselling notes and service notes are stored as Fernet tokens, and the
pages, forms and API that use them still read and write plain text."""

from datetime import date, timedelta

import pytest
from cryptography.fernet import Fernet
from django.db import connection
from rest_framework.test import APIClient

from waypoint.accounts.models import DigestSecret
from waypoint.accounts.tokens import token_issue
from waypoint.core import crypto
from waypoint.people.models import ConsentMethod, Purpose
from waypoint.people.services import consent_record, person_register
from waypoint.protection.models import OutreachContact, Referral, ReferralStatusChange, Screening
from waypoint.protection.services import outreach_record
from waypoint.reception.models import ServiceDelivery
from waypoint.returns.models import Case, CounsellingSession
from waypoint.returns.services import PortalApplication, application_submit

pytestmark = pytest.mark.django_db

NOTE = "Ima dijabetes; insulin svaki dan. Она боится. يحتاج إلى طبيب"
CSW = "centre_for_social_work"


@pytest.fixture(autouse=True)
def key_file(monkeypatch, settings, tmp_path, db):
    # The accounts' Digest secrets are encrypted under the test run's own key; these tests
    # start from a database that holds only the values they write.
    DigestSecret.objects.all().delete()
    monkeypatch.delenv(crypto.KEY_ENV, raising=False)
    settings.VAR_DIR = tmp_path
    crypto.forget_keys()
    yield tmp_path / crypto.KEY_FILE_NAME
    crypto.forget_keys()


@pytest.fixture
def officer(personas):
    """The protection officer at Borići."""
    return personas["protection.borici"]


@pytest.fixture
def person(personas, site):
    return person_register(
        actor=personas["admin"],
        site=site("TRC-BOR"),
        given_name="Ahmad",
        family_name="Karimi",
        birth_date=date(1994, 3, 2),
    )


def stored(model, field_name, pk):
    """The column as the database holds it, read past the ORM."""
    table = connection.ops.quote_name(model._meta.db_table)
    column = connection.ops.quote_name(model._meta.get_field(field_name).column)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608 (a model's table)
        return cursor.fetchone()[0]


def assert_encrypted(model, field_name, pk, text=NOTE):
    raw = stored(model, field_name, pk)
    assert raw.startswith(crypto.TOKEN_PREFIX)
    assert "dijabetes" not in raw and text not in raw
    assert crypto.decrypt(raw) == text


def test_a_screening_note_typed_in_the_form_is_stored_encrypted_and_shown(client, officer, person):
    client.force_login(officer)
    response = client.post(f"/protection/people/{person.pk}/screen/", {"notes": NOTE})
    assert response.status_code == 302
    screening = Screening.objects.get(person=person)
    assert_encrypted(Screening, "notes", screening.pk)
    assert screening.notes == NOTE
    page = client.get(f"/protection/screenings/{screening.pk}/").content.decode()
    assert "insulin svaki dan" in page


def test_a_screening_note_sent_through_the_api_reads_back(officer, person):
    _token, secret = token_issue(user=officer)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    made = api.post(
        "/api/v1/screenings/", {"person": person.pk, "answers": {}, "notes": NOTE}, format="json"
    )
    assert made.status_code == 201
    assert made.json()["notes"] == NOTE
    assert_encrypted(Screening, "notes", made.json()["id"])
    assert api.get(f"/api/v1/screenings/{made.json()['id']}/").json()["notes"] == NOTE


def test_a_referral_reason_and_its_status_note_are_stored_encrypted(client, officer, person):
    consent_record(
        actor=officer,
        person=person,
        purpose=Purpose.PROTECTION,
        method=ConsentMethod.SIGNED,
        recipients=[CSW],
    )
    client.force_login(officer)
    made = client.post(f"/protection/people/{person.pk}/refer/", {"recipient": CSW, "note": NOTE})
    assert made.status_code == 302
    referral = Referral.objects.get(person=person)
    assert_encrypted(Referral, "note", referral.pk)
    assert "insulin svaki dan" in client.get(made["Location"]).content.decode()

    client.post(
        f"/protection/referrals/{referral.pk}/status/",
        {"status": "accepted", "note": "Primljen u Dom zdravlja"},
    )
    change = ReferralStatusChange.objects.get(referral=referral, status="accepted")
    assert_encrypted(ReferralStatusChange, "note", change.pk, "Primljen u Dom zdravlja")


def test_an_outreach_note_is_stored_encrypted(officer):
    contact = outreach_record(
        actor=officer, contacted_on=date.today(), location="Bihać, old factory", notes=NOTE[:200]
    )
    assert_encrypted(OutreachContact, "notes", contact.pk, NOTE[:200])
    assert OutreachContact.objects.get(pk=contact.pk).notes == NOTE[:200]


def test_a_return_applicants_special_needs_and_medical_notes_are_stored_encrypted(site):
    receipt = application_submit(
        application=PortalApplication(
            given_name="Reza",
            family_name="Ahmadi",
            nationality="AFG",
            return_country="AFG",
            return_city="Herat",
            contact="+387 61 000 000",
            staying_at="TRC-LIP",
            staying_place="",
            family_members=(),
            preferred_language="fa",
            special_needs=NOTE,
            consent_privacy_notice="2026-11-fa",
            language="fa",
        )
    )
    case = Case.objects.get(reference=receipt.reference)
    assert_encrypted(Case, "special_needs", case.pk)
    case.fitness_note = "Trudnoća, 30. sedmica"
    case.save(update_fields=["fitness_note"])
    assert_encrypted(Case, "fitness_note", case.pk, "Trudnoća, 30. sedmica")
    session = CounsellingSession.objects.create(
        case=case, held_on=date.today(), language="fa", outcome="undecided", notes=NOTE
    )
    assert_encrypted(CounsellingSession, "notes", session.pk)
    again = Case.objects.get(pk=case.pk)
    assert (again.special_needs, again.fitness_note) == (NOTE, "Trudnoća, 30. sedmica")


def test_a_service_note_is_stored_encrypted(personas, person, site):
    delivery = ServiceDelivery.objects.create(
        site=site("TRC-BOR"),
        kind="medical",
        person=person,
        delivered_on=date.today() - timedelta(days=1),
        note=NOTE,
    )
    assert_encrypted(ServiceDelivery, "note", delivery.pk)
    assert ServiceDelivery.objects.values_list("note", flat=True).get(pk=delivery.pk) == NOTE


def test_an_empty_note_stays_empty_and_can_be_filtered_on(person, site):
    screening = Screening.objects.create(person=person, version="v1", site=site("TRC-BOR"))
    assert stored(Screening, "notes", screening.pk) == ""
    assert Screening.objects.filter(pk=screening.pk, notes="").exists()


def test_plain_text_left_by_an_older_version_is_encrypted_by_the_migration_step(person, site):
    screening = Screening.objects.create(person=person, version="v1", site=site("TRC-BOR"))
    table = connection.ops.quote_name(Screening._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET notes = %s WHERE id = %s", [NOTE, screening.pk])  # noqa: S608
    DigestSecret.objects.all().delete()  # the personas' Digest secrets are tokens of their own
    assert not crypto.encrypted_values_exist()  # plain text is no token

    assert crypto.encrypt_plain_values(Screening, "notes") == 1
    assert_encrypted(Screening, "notes", screening.pk)
    assert crypto.encrypt_plain_values(Screening, "notes") == 0  # tokens are left alone

    assert crypto.decrypt_to_plain_values(Screening, "notes") == 1  # the migration reversed
    assert stored(Screening, "notes", screening.pk) == NOTE


def test_a_note_no_key_opens_reads_empty_and_survives_a_save(person, site, key_file):
    screening = Screening.objects.create(
        person=person, version="v1", site=site("TRC-BOR"), notes=NOTE
    )
    token = stored(Screening, "notes", screening.pk)
    original = key_file.read_text()
    key_file.write_text(Fernet.generate_key().decode())
    crypto.forget_keys()

    unreadable = Screening.objects.get(pk=screening.pk)
    assert unreadable.notes == ""
    unreadable.save()
    assert stored(Screening, "notes", screening.pk) == token  # nothing lost

    key_file.write_text(original)
    crypto.forget_keys()
    assert Screening.objects.get(pk=screening.pk).notes == NOTE


def test_a_lost_key_is_noticed_from_an_encrypted_note(person, site, key_file):
    Screening.objects.create(person=person, version="v1", site=site("TRC-BOR"), notes=NOTE)
    key_file.unlink()
    crypto.forget_keys()
    with pytest.raises(crypto.FieldKeyMissing):
        Screening.objects.get(person=person)
    assert not key_file.exists()
