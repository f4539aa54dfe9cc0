"""One timeline per person: the registry, the registration's own entries, the identity group,
the order, the filter and the audit event."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from waypoint.audit.models import Action, AuditEvent
from waypoint.linkage.models import CandidatePair, PairStatus
from waypoint.linkage.services import pair_decide
from waypoint.people import timeline
from waypoint.people.services import consent_record, document_add, person_register
from waypoint.people.timeline import Kind, TimelineEntry, person_timeline, timeline_of
from waypoint.reception.services import service_record, stay_admit, stay_exit

pytestmark = pytest.mark.django_db


@pytest.fixture
def twice(personas, site):
    """One man registered at Lipa in March and again at Ušivak in May, decided the same."""
    admin = personas["admin"]
    at_lipa = person_register(
        actor=admin,
        site=site("TRC-LIP"),
        given_name="Mohammed",
        family_name="Rahimi",
        birth_date=date(1995, 1, 1),
        registered_on=date(2024, 3, 1),
    )
    at_usivak = person_register(
        actor=admin,
        site=site("TRC-USI"),
        given_name="Muhammad",
        family_name="Rahimy",
        birth_date=date(1995, 1, 1),
        registered_on=date(2024, 5, 10),
    )
    pair = CandidatePair.objects.create(
        left=at_lipa, right=at_usivak, probability=0.8, status=PairStatus.PENDING
    )
    pair_decide(actor=admin, pair=pair, decision=PairStatus.SAME)
    return at_lipa, at_usivak


def test_both_registrations_of_one_person_make_one_timeline_in_date_order(personas, twice):
    at_lipa, at_usivak = twice
    read = timeline_of(personas["admin"], at_usivak)
    assert [person.pk for person in read.registrations] == [at_lipa.pk, at_usivak.pk]
    registered = [entry for entry in read.entries if entry.title == "Registered"]
    assert [entry.registration for entry in registered] == [
        at_lipa.registration_number,
        at_usivak.registration_number,
    ]
    assert [entry.where for entry in registered] == ["Lipa", "Ušivak"]
    moments = [entry.moment for entry in read.entries]
    assert moments == sorted(moments)


def test_each_entry_names_its_source(personas, twice):
    at_lipa, _at_usivak = twice
    for entry in timeline_of(personas["admin"], at_lipa).entries:
        assert entry.source, entry


def test_a_registration_out_of_scope_stays_out_of_the_timeline(personas, twice):
    at_lipa, at_usivak = twice
    read = timeline_of(personas["registrar.lipa"], at_lipa)
    assert [person.pk for person in read.registrations] == [at_lipa.pk]
    assert at_usivak.registration_number not in {entry.registration for entry in read.entries}
    with pytest.raises(Http404):
        person_timeline(personas["registrar.lipa"], at_usivak.pk)


def test_documents_and_consents_appear_as_registration_entries(personas, twice):
    admin = personas["admin"]
    at_lipa, _at_usivak = twice
    document_add(actor=admin, person=at_lipa, kind="passport", number="p123")
    consent_record(
        actor=admin,
        person=at_lipa,
        purpose="protection",
        method="signed",
        given_on=date(2024, 3, 2),
    )
    titles = [entry.title for entry in timeline_of(admin, at_lipa).entries]
    assert "Identity document recorded" in titles
    assert "Consent given" in titles


def test_a_registered_source_adds_its_entries_and_the_filter_keeps_one_kind(
    personas, twice, monkeypatch
):
    at_lipa, _at_usivak = twice
    seen: list[list[int]] = []

    def somewhere_else(user, persons):
        seen.append([person.pk for person in persons])
        return [
            TimelineEntry(
                when=datetime(2024, 4, 1, 9, 30, tzinfo=UTC),
                kind=Kind.SERVICE,
                title="Hygiene kit",
                source="Test · row 1",
                registration=persons[0].registration_number,
            )
        ]

    monkeypatch.setattr(timeline, "_sources", [*timeline._sources, somewhere_else])
    everything = timeline_of(personas["admin"], at_lipa)
    titles = [entry.title for entry in everything.entries]
    # Between the March and the May registration.
    assert titles.index("Hygiene kit") == 1
    assert seen[0] == [person.pk for person in everything.registrations]

    services_only = timeline_of(personas["admin"], at_lipa, kinds=["service", "nonsense"])
    assert services_only.kinds == ["service"]
    assert [entry.title for entry in services_only.entries] == ["Hygiene kit"]


def test_reading_a_timeline_is_audited_with_the_registrations_read(personas, twice):
    at_lipa, at_usivak = twice
    timeline_of(personas["admin"], at_lipa, kinds=["registration"])
    event = AuditEvent.objects.filter(action=Action.READ_LIST, purpose="person timeline").first()
    assert event is not None
    assert event.object_ids == [str(at_lipa.pk), str(at_usivak.pk)]
    assert event.changed_fields == ["filter:kind"]


def test_the_person_page_shows_the_timeline_and_filters_it(client, personas, twice):
    at_lipa, at_usivak = twice
    client.force_login(personas["admin"])
    page = client.get(f"/people/{at_lipa.pk}/").content.decode()
    assert 'id="timeline"' in page
    assert at_usivak.registration_number in page
    assert ">Registered</a>" in page
    filtered = client.get(f"/people/{at_lipa.pk}/?kind=identity").content.decode()
    assert 'value="identity" checked' in filtered
    assert "Identity merged" in filtered
    assert ">Registered</a>" not in filtered


def _queries_for(user, person) -> int:
    with CaptureQueriesContext(connection) as captured:
        timeline_of(user, person)
    return len(captured.captured_queries)


def test_the_timeline_reads_in_as_many_queries_for_ten_stays_as_for_one(personas, site):
    admin, lipa = personas["admin"], site("TRC-LIP")
    short, long = (
        person_register(actor=admin, site=lipa, given_name=name, registered_on=date(2024, 1, 1))
        for name in ("Daud", "Ghulam")
    )
    at = datetime(2024, 1, 1, 10, tzinfo=UTC)
    for person, stays in ((short, 1), (long, 10)):
        for number in range(stays):
            admitted = at + timedelta(days=10 * number)
            stay = stay_admit(actor=admin, person=person, site=lipa, at=admitted)
            service_record(
                actor=admin, site=lipa, kind="meals", delivered_on=admitted.date(), person=person
            )
            stay_exit(actor=admin, stay=stay, reason="onward", at=admitted + timedelta(days=2))
    assert len(timeline_of(admin, long).entries) > len(timeline_of(admin, short).entries) + 20
    assert _queries_for(admin, long) == _queries_for(admin, short)
