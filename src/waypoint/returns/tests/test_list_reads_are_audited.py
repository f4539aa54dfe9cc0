"""Lists of return cases (the workspace, the case list, the API) write one audit event per
page with the cases' ids, never a name or the search text."""

from __future__ import annotations

import pytest

from waypoint.audit.tests.list_reads import assert_names_absent, list_reads_during
from waypoint.returns.models import Case
from waypoint.returns.services import application_submit

from .conftest import application

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(linked_case: Case) -> list[Case]:
    """The counsellor's case for a Lipa resident, and a portal application nobody holds."""
    receipt = application_submit(application=application(given_name="Farhad"))
    portal = Case.objects.get(reference=receipt.reference)
    return [linked_case, portal]


@pytest.mark.parametrize(
    ("url", "persona"),
    [
        ("/returns/", "counsellor"),
        ("/returns/", "manager.lipa"),
        ("/returns/cases/", "counsellor"),
        ("/api/v1/cases/", "counsellor"),
    ],
)
def test_a_list_of_cases_records_the_cases_it_showed(
    client, personas: dict, cases: list[Case], url: str, persona: str
) -> None:
    client.force_login(personas[persona])
    response, [event] = list_reads_during(lambda: client.get(url))
    assert response.status_code == 200
    assert event.object_type == "returns.case" and event.actor == personas[persona]
    assert sorted(event.object_ids) == sorted(str(case.pk) for case in cases)
    assert_names_absent(event, ["Reza", "Farhad", "Ahmadi"])


@pytest.mark.parametrize("url", ["/returns/cases/", "/api/v1/cases/"])
def test_a_search_records_the_filter_names_and_the_cases_found(
    client, personas: dict, cases: list[Case], url: str
) -> None:
    client.force_login(personas["counsellor"])
    _response, [event] = list_reads_during(lambda: client.get(url, {"q": "Farhad"}))
    assert event.object_ids == [str(cases[1].pk)]
    assert event.changed_fields == ["filter:q", "page:1"]
    assert_names_absent(event, ["Farhad"])


def test_a_search_that_finds_no_case_writes_its_event_with_no_ids(
    client, personas: dict, cases: list[Case]
) -> None:
    client.force_login(personas["counsellor"])
    _response, [event] = list_reads_during(
        lambda: client.get("/returns/cases/", {"q": "nobody at all"})
    )
    assert event.object_ids == []
