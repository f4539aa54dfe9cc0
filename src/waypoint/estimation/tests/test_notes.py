"""An estimate's warnings and method are kept as notes (a code and parameters) and put into
words when shown: in the reader's language, with the lists by the names readers know; the
command line and the stored "warnings" and "method" stay in English."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import trans_real

from waypoint.estimation.histories import EstimationInputError, Histories, check_linkable
from waypoint.estimation.models import ListKind, OutsideList, Source, StoredEstimate
from waypoint.estimation.mse import estimate
from waypoint.estimation.notes import _NUMBER_FORMATS, CATALOGUE, Note, note_from_json, render
from waypoint.estimation.strata import stratified_estimate

DATA = Path(__file__).resolve().parent.parent / "data"
NAMES = {"centres": "Reception centres (stays)", "screenings": "Screenings", "list:7": "Police USK"}
# centres and list:7 share 3 people: a warning names them.
THREE_LISTS = Histories(
    ("centres", "screenings", "list:7"),
    {
        (1, 0, 0): 200,
        (0, 1, 0): 150,
        (0, 0, 1): 100,
        (1, 1, 0): 60,
        (0, 1, 1): 40,
        (1, 0, 1): 2,
        (1, 1, 1): 1,
    },
)


def english(code: str) -> str:
    with translation.override(None):
        return str(CATALOGUE[code])


@pytest.fixture(autouse=True)
def language_given_back():
    """A request in Bosnian leaves Bosnian active in the thread; give back the language the
    test began with, so that tests after it read what they expect."""
    with translation.override(translation.get_language()):
        yield


def example_params(code: str) -> dict[str, object]:
    """A value for every placeholder of ``code``'s text, of the kind its name asks for."""
    params: dict[str, object] = {}
    for key in re.findall(r"%\((\w+)\)s", english(code)):
        if key.endswith("_list"):
            params[key] = "centres"
        elif key.endswith("_model") or key == "model":
            params[key] = [["centres", "list:7"], ["screenings"]]
        elif key == "reason":
            params[key] = Note(
                "reason.few_shared", {"first_list": "centres", "second_list": "list:7", "shared": 0}
            )
        elif key == "search":
            params[key] = Note("fragment.search.all_subsets")
        elif key in ("pairs", "strata"):
            params[key] = [f"item {n}" for n in range(8)]
        elif key in ("criterion", "column", "stratum", "shown"):
            params[key] = "AIC"
        else:
            params[key] = 1234.5
    return params


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_text_is_translated_when_read_and_renders_in_english_and_bosnian(code):
    assert isinstance(CATALOGUE[code], Promise)
    note = Note(code, example_params(code))
    for language in ("en", "bs"):
        with translation.override(language):
            text = note.text(list_names=NAMES)
        assert text and "%(" not in text and "%%" not in text
    with translation.override("bs"):
        assert "%(" not in note.english()


def test_every_number_format_belongs_to_a_placeholder_of_its_text():
    for code, formats in _NUMBER_FORMATS.items():
        assert set(formats) <= set(re.findall(r"%\((\w+)\)s", english(code))), code


def test_a_translated_note_is_shown_in_the_readers_language_with_the_lists_named():
    note = Note(
        "warning.two_lists.few_shared",
        {"first_list": "centres", "second_list": "list:7", "shared": 3},
    )
    with translation.override("bs"):
        assert note.text(list_names=NAMES) == (
            "Liste Reception centres (stays) i Police USK imaju malo zajedničkih osoba "
            "(samo 3); procjena je nepouzdana."
        )
        assert note.english() == (
            "Lists centres and list:7 share only 3 people; the estimate is fragile."
        )
    with translation.override("en"):
        assert note.text(list_names=NAMES).startswith("Lists Reception centres (stays) and Police")


def test_numbers_follow_the_readers_language():
    note = Note("warning.model.poor_fit", {"deviance": 1234.56, "df": 8})
    assert note.english().startswith("Even the best model fits poorly (deviance 1234.6 on 8")
    with translation.override("bs"):
        assert note.text().startswith(
            "Čak i najbolji model loše pristaje podacima (devijansa 1234,6, stepeni slobode: 8)"
        )


def test_a_translation_whose_placeholders_do_not_fit_shows_the_english(monkeypatch):
    # compilemessages refuses such a translation, so the real catalogue cannot hold one:
    # it is put in for this test only.
    catalogue = trans_real.translation("bs")._catalog._catalogs[0]
    monkeypatch.setitem(catalogue, english("warning.two_lists.few_shared"), "Samo %(broj)s osoba.")
    note = Note(
        "warning.two_lists.few_shared",
        {"first_list": "centres", "second_list": "list:7", "shared": 3},
    )
    with translation.override("bs"):
        assert note.text() == note.english()


def test_warnings_of_a_real_estimate_round_trip_through_json_and_name_the_lists():
    result = estimate(THREE_LISTS, bootstrap=0)
    stored = json.loads(json.dumps(result.as_json(), allow_nan=False))
    assert [note_from_json(note) for note in stored["notes"]] == list(result.warnings)
    assert note_from_json(stored["method_note"]) == result.method
    assert stored["warnings"] == [note.english() for note in result.warnings]
    assert any("centres & list:7 (3)" in warning for warning in stored["warnings"])

    with translation.override("en"):
        shown = render(stored["notes"], list_names=NAMES)
    assert len(shown) == len(stored["warnings"])
    assert any("Reception centres (stays) & Police USK (3)" in text for text in shown)
    assert not any("list:7" in text or "centres &" in text for text in shown)


def test_the_method_names_the_lists_it_used():
    result = estimate(THREE_LISTS, method="chapman")
    stored = json.loads(json.dumps(result.as_json()))
    assert stored["method_note"]["code"] == "method.chapman"
    assert "on lists centres and screenings" in stored["method"]
    with translation.override("en"):
        [method] = render([stored["method_note"]], list_names=NAMES)
        shown = render(stored["notes"], list_names=NAMES)
    assert "on lists Reception centres (stays) and Screenings" in method
    assert any("Only lists Reception centres" in text for text in shown)
    with translation.override("bs"):
        [method] = render([stored["method_note"]], list_names=NAMES)
    assert "na listama Reception centres (stays) i Screenings" in method


def test_the_command_line_keeps_english_warnings_whatever_the_language():
    out = io.StringIO()
    with translation.override("bs"):
        call_command(
            "estimate",
            "--input",
            str(DATA / "hepatitis_a_taiwan_1995.csv"),
            "--bootstrap",
            "20",
            stdout=out,
        )
    answer = json.loads(out.getvalue())
    assert all(isinstance(warning, str) for warning in answer["warnings"])
    assert (
        "The chosen model uses every degree of freedom in the table, so its fit cannot be checked."
        in answer["warnings"]
    )
    assert not any(warning.startswith("Izabrani model") for warning in answer["warnings"])
    assert answer["method"].startswith("loglinear: Poisson log-linear models")
    assert [note["code"] for note in answer["notes"]][-2:] == [
        "warning.model.saturated",
        "warning.size.interval_wide",
    ]


def test_a_reason_kept_for_a_skipped_stratum_is_english_when_stored():
    lipa = Histories(("centres", "screenings", "list:7"), dict(THREE_LISTS.counts))
    unlinked = Histories(("centres", "screenings", "list:7"), {(1, 0, 0): 5, (0, 1, 0): 3})
    with translation.override("bs"):
        with pytest.raises(EstimationInputError) as raised:
            check_linkable(unlinked)
        result = stratified_estimate({"Lipa": lipa, "Bihać": unlinked}, bootstrap=0)
        stored = json.loads(json.dumps(result.as_json()))
        shown = render(stored["notes"], list_names=NAMES)
    assert str(raised.value) == (
        "nijedna osoba nije na dvije liste: liste se ne mogu povezati i procjena nije moguća"
    )
    assert raised.value.note == Note("error.no_links")
    assert result.skipped[0].reason.startswith("no person is on two lists")
    assert stored["skipped"][0]["reason"].startswith("no person is on two lists")
    assert any("not be estimated (no person is on two lists" in w for w in stored["warnings"])
    assert any(
        "nije se mogao procijeniti (nijedna osoba nije na dvije liste:" in text for text in shown
    )


def test_a_stored_note_that_cannot_be_read_falls_back_to_the_stored_english():
    notes = [
        {"code": "warning.no_longer_made", "params": {}},
        {"code": "warning.two_lists.few_shared", "params": {"shared": 2}},  # lists missing
        "An English warning stored as it is.",
        {"code": "warning.model.saturated", "params": {}},
    ]
    english = ["Old one.", "Old two.", "ignored", "ignored"]
    with translation.override("bs"):
        shown = render(notes, fallback=english)
    assert shown[:3] == ["Old one.", "Old two.", "An English warning stored as it is."]
    assert shown[3].startswith("Izabrani model koristi sve stepene slobode u tabeli")


@pytest.fixture
def police_list(personas):
    return OutsideList.objects.create(
        name="Police USK",
        kind=ListKind.POLICE,
        first_day=date(2026, 3, 1),
        last_day=date(2026, 3, 31),
        imported_by=personas["analyst"],
    )


def stored_estimate(result: dict[str, object], lists: list[str], analyst) -> StoredEstimate:
    return StoredEstimate.objects.create(
        source=Source.REGISTRY,
        first_day=date(2026, 3, 1),
        last_day=date(2026, 3, 31),
        lists=lists,
        histories=[],
        options={},
        result=result,
        created_by=analyst,
    )


def test_the_estimate_page_shows_warnings_and_method_in_bosnian_with_list_names(
    client, personas, police_list
):
    keys = ["centres", "screenings", f"list:{police_list.pk}"]
    table = Histories(tuple(keys), dict(THREE_LISTS.counts))
    analyst = personas["analyst"]
    looked_at = stored_estimate(estimate(table, bootstrap=0).as_json(), keys, analyst)
    chapman = stored_estimate(estimate(table, method="chapman").as_json(), keys, analyst)
    client.force_login(analyst)

    page = client.get(looked_at.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="bs").content.decode()
    assert (
        "Neke liste se jedva preklapaju (u zagradi je broj zajedničkih osoba): "
        "Prihvatni centri (boravci) &amp; Police USK (3); interakcije"
    ) in page
    assert f"list:{police_list.pk} (3)" not in page

    page = client.get(chapman.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="bs").content.decode()
    assert "chapman: Chapmanov procjenitelj na listama Prihvatni centri (boravci) i " in page
    assert "chapman: Chapman&#x27;s estimator" not in page


def test_an_old_stored_result_with_only_english_warnings_still_shows_them(client, personas):
    analyst = personas["analyst"]
    old = stored_estimate(
        {
            "estimate": 120.0,
            "ci_low": 100.0,
            "ci_high": 150.0,
            "observed": 90,
            "model": "centres + screenings",
            "method": "chapman: Chapman's estimator on lists centres and screenings",
            "warnings": ["With two lists the independence of the lists cannot be checked."],
        },
        ["centres", "screenings"],
        analyst,
    )
    client.force_login(analyst)
    page = client.get(old.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="bs").content.decode()
    assert "With two lists the independence of the lists cannot be checked." in page
    assert "chapman: Chapman&#x27;s estimator on lists centres and screenings" in page
