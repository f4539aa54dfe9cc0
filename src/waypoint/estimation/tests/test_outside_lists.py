"""Outside lists for estimates: a police list and the asylum-intention certificates are
imported, each row linked to a registration or to a row of an earlier list, and an estimate
of the people outside the centres uses them; bad files are refused whole, with one line
that says what is wrong."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from waypoint.audit.models import AuditEvent
from waypoint.estimation.histories import EstimationInputError
from waypoint.estimation.models import OutsideList, OutsideRecord
from waypoint.estimation.services import outside_list_delete, outside_list_import
from waypoint.estimation.sources import registry_lists
from waypoint.people.services import person_register
from waypoint.places.models import Site
from waypoint.reception.services import stay_admit

GIVEN = ["Ahmad", "Farid", "Karim", "Hamid", "Rashid", "Nasir", "Omid", "Javed", "Zahir", "Bilal"]
FAMILY = ["Rahimi", "Habibi", "Noori", "Sultani", "Azizi", "Karimi", "Hakimi", "Safi"]
# People no centre registered (index 100 and over) have names no registration has.
OTHER_GIVEN = ["Samir", "Tariq", "Walid", "Yasin", "Idris", "Kamal", "Latif", "Munir"]
OTHER_FAMILY = ["Ahmadzai", "Barakzai", "Durrani", "Ghaznawi", "Jalali", "Mohmand", "Popal"]
SHORT = "given_name=given_name,family_name=family_name,birth_date=birth_date"
TWICE = b"id,given_name,family_name,birth_date\n1,A,B,1990\n1,C,D,1991\n"  # id 1 twice
MARCH = (date(2026, 3, 1), date(2026, 3, 31))


def _name(index: int) -> tuple[str, str, date]:
    given, family = (GIVEN, FAMILY) if index < 100 else (OTHER_GIVEN, OTHER_FAMILY)
    return (
        given[index % len(given)],
        family[(index // len(given)) % len(family)],
        date(1980 + index % 20, 1 + index % 12, 1 + index % 27),
    )


def _csv(rows: list[tuple[str, str, str, date]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "given_name", "family_name", "birth_date", "sex", "nationality"])
    for row_id, given, family, birth in rows:
        writer.writerow([row_id, given, family, birth.isoformat(), "M", "AFG"])
    return out.getvalue().encode()


def register_forty(admin):  # type: ignore[no-untyped-def]
    """40 registered people, the first 25 staying in Lipa in March."""
    lipa = Site.objects.get(code="TRC-LIP")
    at = timezone.make_aware(datetime(2026, 3, 2, 10, 0))
    people = []
    for index in range(40):
        given, family, birth = _name(index)
        person = person_register(
            actor=admin,
            site=lipa,
            given_name=given,
            family_name=family,
            sex="M",
            birth_date=birth,
            nationality="AFG",
        )
        people.append(person)
        if index < 25:
            stay_admit(actor=admin, person=person, site=lipa, at=at)
    return people


@pytest.fixture
def registered(personas):
    return register_forty(personas["admin"])


def _import(actor, name: str, data: bytes, **options):
    return outside_list_import(
        actor=actor,
        name=name,
        kind=options.pop("kind", "police"),
        filename=options.pop("filename", f"{name}.csv"),
        data=data,
        id_column=options.pop("id_column", "id"),
        mapping=options.pop(
            "mapping",
            "given_name=given_name,family_name=family_name,birth_date=birth_date,sex=sex,"
            "nationality=nationality",
        ),
        first_day=MARCH[0],
        last_day=MARCH[1],
        **options,
    )


def test_rows_link_to_registrations_and_to_rows_of_an_earlier_list(personas, registered):
    analyst = personas["analyst"]
    # The police saw registered people 15..34 and ten people no one registered (100..109).
    police = [(f"P{i}", *_name(i)) for i in range(15, 35)]
    police += [(f"P{i}", *_name(i)) for i in range(100, 110)]
    first = _import(analyst, "Police March", _csv(police))
    assert (first.rows, first.registered, first.earlier) == (30, 20, 0)
    # The certificates: five of the unregistered the police saw, five new, five registered.
    certificates = [(f"C{i}", *_name(i)) for i in [*range(100, 105), *range(200, 205)]]
    certificates += [(f"C{i}", *_name(i)) for i in range(30, 35)]
    second = _import(analyst, "SFA March", _csv(certificates), kind="asylum_intention")
    assert (second.rows, second.registered, second.earlier) == (15, 5, 5)
    unmatched = OutsideRecord.objects.filter(outside_list=second, person__isnull=True)
    assert unmatched.filter(same_as__isnull=False).count() == 5
    assert all(record.same_as.outside_list == first for record in unmatched if record.same_as)

    lists = registry_lists(*MARCH, chosen=["centres", f"list:{first.pk}", f"list:{second.pk}"])
    everyone = set().union(*lists.values())
    # 25 in centres, registered 25..34 seen outside too, 10 + 5 unregistered people.
    assert len(everyone) == 25 + (35 - 25) + 10 + 5
    assert len(lists[f"list:{first.pk}"] & lists[f"list:{second.pk}"]) == 10
    events = AuditEvent.objects.filter(purpose__startswith="outside list")
    assert events.filter(action="create").count() == 2
    assert events.filter(action="search").count() == 2


def test_an_estimate_of_the_people_outside_the_centres(personas, registered):
    analyst = personas["analyst"]
    police = [(f"P{i}", *_name(i)) for i in [*range(15, 35), *range(100, 130)]]
    certificates = [(f"C{i}", *_name(i)) for i in [*range(20, 40), *range(110, 145)]]
    first = _import(analyst, "Police", _csv(police))
    second = _import(analyst, "Certificates", _csv(certificates), kind="asylum_intention")
    out = io.StringIO()
    call_command(
        "estimate",
        "--period=2026-03-01:2026-03-31",
        f"--lists=centres,list:{first.pk},list:{second.pk}",
        "--bootstrap=50",
        stdout=out,
    )
    answer = json.loads(out.getvalue())
    outside = answer["not_in_centres"]
    assert outside["known_in_centres"] == 25
    assert outside["estimate"] == pytest.approx(answer["estimate"] - 25, abs=0.2)
    assert outside["ci_low"] <= outside["estimate"] <= outside["ci_high"]
    # Seen outside only: registered people 25..39 (15), and 45 never registered.
    assert answer["observed"] - 25 == 15 + 45


@pytest.mark.parametrize(
    ("options", "data", "message"),
    [
        ({"id_column": "number"}, None, "number"),
        ({"mapping": "sex=sex"}, None, "name column"),
        ({"mapping": "given_name=given_name,family_name=family_name"}, None, "birth"),
        ({"mapping": "given_name=Ime"}, None, "Ime"),
        ({"mapping": SHORT}, TWICE, "'1'"),
        ({"mapping": SHORT}, b"id,given_name,family_name,birth_date\n", "no rows"),
        ({"filename": "list.pdf"}, None, ".csv or .xlsx"),
        ({"area_code": "XX99"}, None, "XX99"),
    ],
)
def test_a_bad_list_is_refused_whole_with_a_clear_reason(personas, options, data, message):
    rows = [(f"P{i}", *_name(i)) for i in range(5)]
    with pytest.raises(EstimationInputError) as error:
        _import(personas["analyst"], "Bad", data if data is not None else _csv(rows), **options)
    assert message in str(error.value) and "\n" not in str(error.value)
    assert not OutsideList.objects.exists() and not OutsideRecord.objects.exists()


def test_only_analysts_and_administrators_import_lists(personas):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        _import(personas["partner"], "Police", _csv([("P1", *_name(1))]))


def test_deleting_a_list_keeps_the_later_lists_people_together(personas, registered):
    analyst = personas["analyst"]
    first = _import(analyst, "Police", _csv([(f"P{i}", *_name(i)) for i in range(100, 104)]))
    second = _import(analyst, "SFA", _csv([(f"C{i}", *_name(i)) for i in range(100, 104)]))
    third = _import(analyst, "Police 2", _csv([(f"Q{i}", *_name(i)) for i in range(100, 104)]))
    assert second.earlier == third.earlier == 4
    outside_list_delete(actor=analyst, outside_list=first)
    assert not OutsideRecord.objects.filter(outside_list_id=first.pk).exists()
    lists = registry_lists(*MARCH, chosen=[f"list:{second.pk}", f"list:{third.pk}"])
    assert lists[f"list:{second.pk}"] == lists[f"list:{third.pk}"]
    assert len(lists[f"list:{second.pk}"]) == 4


def test_the_lists_page_imports_and_deletes(client, personas, registered):
    client.force_login(personas["analyst"])
    page = client.get("/estimation/lists/")
    assert page.status_code == 200 and b"No outside list" in page.content
    upload = io.BytesIO(_csv([(f"P{i}", *_name(i)) for i in range(15, 25)]))
    upload.name = "police.csv"
    answer = client.post(
        "/estimation/lists/",
        {
            "name": "Police March",
            "kind": "police",
            "file": upload,
            "id_column": "id",
            "mapping": "given_name=given_name,family_name=family_name,birth_date=birth_date",
            "first_day": "2026-03-01",
            "last_day": "2026-03-31",
            "area": "",
        },
        follow=True,
    )
    assert b"10 rows, 10 of them registered" in answer.content
    listed = OutsideList.objects.get()
    estimate_page = client.get("/estimation/")
    assert f"list:{listed.pk}".encode() in estimate_page.content
    client.post(f"/estimation/lists/{listed.pk}/delete/")
    assert not OutsideList.objects.exists()


def test_a_bad_upload_on_the_page_says_why_and_keeps_nothing(client, personas):
    client.force_login(personas["analyst"])
    upload = io.BytesIO(b"nr,ime\n1,Ahmad\n")
    upload.name = "police.csv"
    answer = client.post(
        "/estimation/lists/",
        {
            "name": "Police",
            "kind": "police",
            "file": upload,
            "id_column": "id",
            "mapping": "given_name=ime",
            "first_day": "2026-03-01",
            "last_day": "2026-03-31",
        },
    )
    assert answer.status_code == 200 and b"id" in answer.content
    assert not OutsideList.objects.exists()


@pytest.mark.parametrize(
    "persona", ["partner", "registrar.lipa", "protection.borici", "counsellor"]
)
def test_other_roles_cannot_reach_the_lists(client, personas, persona):
    client.force_login(personas[persona])
    assert client.get("/estimation/lists/").status_code == 403
    assert client.post("/estimation/lists/1/delete/").status_code == 404


def test_the_command_line_imports_shows_and_deletes(personas, registered, tmp_path):
    path = tmp_path / "police.csv"
    path.write_bytes(_csv([(f"P{i}", *_name(i)) for i in range(15, 25)]))
    out = io.StringIO()
    call_command(
        "outside_list",
        "import",
        str(path),
        f"--actor={personas['analyst'].email}",
        "--name=Police",
        "--kind=police",
        "--period=2026-03-01:2026-03-31",
        stdout=out,
    )
    assert "10 rows, 10 registered" in out.getvalue()
    listed = OutsideList.objects.get()
    shown = io.StringIO()
    call_command("outside_list", "show", stdout=shown)
    assert f"list:{listed.pk}\tPolice" in shown.getvalue()
    with pytest.raises(CommandError) as error:
        call_command(
            "outside_list",
            "import",
            str(tmp_path / "missing.csv"),
            f"--actor={personas['analyst'].email}",
            "--name=X",
            "--kind=police",
            "--period=2026-03-01:2026-03-31",
        )
    assert error.value.returncode == 2 and "cannot read" in str(error.value)
    call_command("outside_list", "delete", str(listed.pk), f"--actor={personas['analyst'].email}")
    assert not OutsideList.objects.exists()


def test_strata_split_people_by_their_identity_group():
    from waypoint.estimation.lists import histories_by_stratum

    lists = {"a": [1, 2, 3, 10], "b": [2, 3, 11], "c": [3, 12]}
    # Registration 10 is person 1 again; 11 is person 2 again. 12 is alone, a woman.
    strata = histories_by_stratum(
        lists, group_of={10: 1, 11: 2}, stratum_of={1: "men", 2: "men", 3: "men", 12: "women"}
    )
    assert strata["men"].counts == {(1, 0, 0): 1, (1, 1, 0): 1, (1, 1, 1): 1}
    assert strata["women"].counts == {(0, 0, 1): 1}
    assert strata["men"].lists == strata["women"].lists == ("a", "b", "c")


def test_an_estimate_by_strata_adds_up_the_groups(personas, registered):
    analyst = personas["analyst"]
    police = [(f"P{i}", *_name(i)) for i in [*range(15, 35), *range(100, 130)]]
    certificates = [(f"C{i}", *_name(i)) for i in [*range(20, 40), *range(110, 145)]]
    first = _import(analyst, "Police", _csv(police))
    second = _import(analyst, "Certificates", _csv(certificates), kind="asylum_intention")
    out = io.StringIO()
    call_command(
        "estimate",
        "--period=2026-03-01:2026-03-31",
        f"--lists=centres,list:{first.pk},list:{second.pk}",
        "--strata=age",
        "--bootstrap=50",
        stdout=out,
    )
    answer = json.loads(out.getvalue())
    assert set(answer["strata"]) | {s["label"] for s in answer["skipped"]} == {"adults"}
    adults = answer["strata"]["adults"]
    assert answer["estimate"] == pytest.approx(adults["estimate"], abs=0.2)
    with pytest.raises(EstimationInputError, match="Strata are by"):
        from waypoint.estimation.sources import registry_estimate

        registry_estimate(*MARCH, strata="religion")
