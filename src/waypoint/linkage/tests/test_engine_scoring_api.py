"""The scoring API the review queue builds on: pairs with each field's contribution."""

import json

import pytest

from waypoint.linkage.engine import (
    ScoredPair,
    score_candidates,
    score_pairs,
    train,
)

ROWS = [
    {
        "given_name": "Hekmatullah",
        "family_name": "Niyazi",
        "father_name": "Gul Ahmad",
        "birth_date": "1996-04-11",
        "sex": "M",
        "nationality": "AFG",
    },
    {
        "given_name": "Niyazi",
        "family_name": "Hekmatullah",
        "father_name": "Gul Ahmad",
        "birth_date": "11.04.1996",
        "sex": "M",
        "nationality": "AFG",
    },
    {
        "given_name": "Mohammed",
        "family_name": "Rahimi",
        "father_name": "Ahmad",
        "birth_date": "1994-03-14",
        "sex": "M",
        "nationality": "AFG",
    },
    {
        "given_name": "Muhammad",
        "family_name": "Rahimi",
        "father_name": "Ahmed",
        "birth_date": "14.03.1994",
        "sex": "M",
        "nationality": "AFG",
    },
    {
        "given_name": "Mohammed",
        "family_name": "Rahimi",
        "father_name": "Nasir",
        "birth_date": "1961-08-09",
        "sex": "M",
        "nationality": "AFG",
    },
    {
        "given_name": "Fatima",
        "family_name": "Rahimi",
        "father_name": "Karim",
        "birth_date": "2001-07-02",
        "sex": "F",
        "nationality": "AFG",
    },
]
IDS = ["h1", "h2", "m1", "m2", "m3", "f1"]


def by_pair(pairs: list[ScoredPair]) -> dict[tuple[str, str], ScoredPair]:
    return {(pair.left_id, pair.right_id): pair for pair in pairs}


def test_a_swapped_pair_has_its_swap_counted_on_the_given_name() -> None:
    pairs = by_pair(score_pairs(ROWS, ids=IDS, threshold=0.5))
    swapped = pairs[("h1", "h2")]
    given = next(c for c in swapped.contributions if c.field == "given_name")
    assert given.level == "the same names in another order"
    assert given.weight > 0
    family = next(c for c in swapped.contributions if c.field == "family_name")
    assert family.weight == 0


def test_names_swapped_and_written_another_way_are_still_a_swap() -> None:
    rows = [
        {"given_name": "Ismail", "family_name": "Demir", "birth_date": "23.03.1992"},
        {"given_name": "Demir", "family_name": "Simail", "birth_date": "23.03.1992"},
    ]
    (pair,) = score_pairs(rows, ids=["a", "b"], threshold=0.01)
    levels = {c.field: (c.level, c.weight) for c in pair.contributions}
    assert levels["given_name"][0] == "swapped, written another way"
    assert levels["given_name"][1] > 0
    assert levels["family_name"][1] == 0


def test_every_comparison_contributes_and_missing_values_weigh_nothing() -> None:
    pairs = by_pair(score_pairs(ROWS, ids=IDS, threshold=0.5))
    fields = [c.field for c in pairs[("m1", "m2")].contributions]
    assert fields == [
        "given_name",
        "family_name",
        "father_name",
        "mother_name",
        "birth",
        "birth_place",
        "sex",
        "nationality",
        "document_number",
        "phone",
    ]
    document = next(c for c in pairs[("m1", "m2")].contributions if c.field == "document_number")
    assert (document.level, document.weight) == ("null", 0.0)


def test_left_comes_before_right_in_the_order_of_the_ids() -> None:
    pairs = score_pairs(list(reversed(ROWS)), ids=list(reversed(IDS)), threshold=0.5)
    assert ("m2", "m1") in by_pair(pairs)


def test_a_model_is_serialisable_and_reused_without_retraining() -> None:
    model = json.loads(json.dumps(train(ROWS)))
    trained_here = by_pair(score_pairs(ROWS, ids=IDS, threshold=0.01))
    reused = by_pair(score_pairs(ROWS, ids=IDS, threshold=0.01, model=model))
    assert {key: pair.probability for key, pair in reused.items()} == pytest.approx(
        {key: pair.probability for key, pair in trained_here.items()}
    )
    # A model that trusts the father's name less must be the one used, as it is.
    for comparison in model["comparisons"]:
        if comparison["output_column_name"] == "father_name":
            for level in comparison["comparison_levels"]:
                if level.get("label_for_charts") == "different":
                    level["m_probability"] = 0.9
    weakened = by_pair(score_pairs(ROWS, ids=IDS, threshold=0.01, model=model))
    assert weakened[("m1", "m3")].probability > reused[("m1", "m3")].probability


def test_the_true_match_is_the_first_candidate() -> None:
    new = {
        "given_name": "Mohamad",
        "family_name": "Rahimy",
        "father_name": "Ahmad",
        "birth_date": "1994",
        "sex": "male",
        "nationality": "afg",
    }
    ranked = score_candidates(new, ROWS, candidate_ids=IDS)
    assert [pair.left_id for pair in ranked] == ["new"] * len(IDS)
    assert ranked[0].right_id == "m1" or ranked[0].right_id == "m2"
    assert {pair.right_id for pair in ranked[:2]} == {"m1", "m2"}
    assert [pair.probability for pair in ranked] == sorted(
        (pair.probability for pair in ranked), reverse=True
    )


def test_candidates_score_exactly_as_the_same_pairs_do() -> None:
    model = train(ROWS)
    pairs = by_pair(score_pairs(ROWS, ids=IDS, threshold=0.001, model=model))
    for index, left in enumerate(IDS):
        others = IDS[index + 1 :]
        ranked = score_candidates(ROWS[index], ROWS[index + 1 :], candidate_ids=others, model=model)
        for candidate in ranked:
            pair = pairs.get((left, candidate.right_id))
            if pair is None:
                continue  # not blocked together, or below the threshold
            assert candidate.probability == pytest.approx(pair.probability, rel=1e-9, abs=1e-12)
            assert candidate.contributions == pair.contributions


def test_reviewers_decisions_raise_the_m_of_the_levels_their_pairs_reach() -> None:
    def m_of(model: dict, field: str, label: str) -> float:
        comparison = next(c for c in model["comparisons"] if c["output_column_name"] == field)
        level = next(
            lv for lv in comparison["comparison_levels"] if lv["label_for_charts"] == label
        )
        return float(level["m_probability"])

    plain = train(ROWS)
    labelled = train(ROWS, labelled_pairs=[(0, 1)])
    assert m_of(labelled, "given_name", "the same names in another order") > m_of(
        plain, "given_name", "the same names in another order"
    )
    assert m_of(labelled, "given_name", "same spelling") < m_of(
        plain, "given_name", "same spelling"
    )


def test_a_labelled_pair_outside_the_rows_is_refused() -> None:
    with pytest.raises(ValueError, match="labelled pair"):
        train(ROWS, labelled_pairs=[(0, 99)])


def test_the_mothers_name_counts_when_it_agrees_against_when_not_nothing_when_left_out() -> None:
    base = {
        "given_name": "Waqas",
        "family_name": "Khan",
        "father_name": "Riaz",
        "birth_date": "1995-01-01",
        "sex": "M",
        "nationality": "PAK",
    }
    rows = [
        {**base, "mother_name": "Uzma"},
        {**base, "mother_name": "Uzma"},
        {**base, "mother_name": "Rukhsana"},
        {**base, "mother_name": ""},
    ]
    pairs = by_pair(score_pairs(rows, ids=["a", "b", "c", "d"], threshold=0.0001))

    def mother(pair: tuple[str, str]) -> tuple[str, float]:
        found = next(c for c in pairs[pair].contributions if c.field == "mother_name")
        return found.level, found.weight

    assert mother(("a", "b"))[0] == "same spelling" and mother(("a", "b"))[1] > 0
    assert mother(("a", "c"))[0] == "different" and mother(("a", "c"))[1] < 0
    assert mother(("a", "d")) == ("null", 0.0)  # left out on one side: no evidence
    assert pairs[("a", "b")].probability > pairs[("a", "d")].probability
    assert pairs[("a", "d")].probability > pairs[("a", "c")].probability


def test_the_place_of_birth_counts_in_either_spelling() -> None:
    base = {"given_name": "Suhail", "family_name": "Hussaini", "birth_date": "2000", "sex": "M"}
    rows = [
        {**base, "birth_place": "Mazar-i-Sharif"},
        {**base, "birth_place": "Mazar e Sharif"},
        {**base, "birth_place": "Kunduz"},
    ]
    pairs = by_pair(score_pairs(rows, ids=["a", "b", "c"], threshold=0.0001))
    place = {
        pair: next(c for c in scored.contributions if c.field == "birth_place")
        for pair, scored in pairs.items()
    }
    assert place[("a", "b")].level == "same skeleton" and place[("a", "b")].weight > 0
    assert place[("a", "c")].level == "different" and place[("a", "c")].weight < 0
    assert pairs[("a", "b")].probability > pairs[("a", "c")].probability


def test_a_short_list_compares_every_two_records_of_one_nationality() -> None:
    rows = [
        {
            "given_name": "Isam",
            "family_name": "Hosaini",
            "birth_date": "1947",
            "nationality": "AFG",
        },
        {"given_name": "Iam", "family_name": "Huwejni", "birth_date": "1950", "nationality": "AFG"},
        {"given_name": "Karim", "family_name": "Nuri", "birth_date": "1988", "nationality": "SYR"},
    ]
    pairs = score_pairs(rows, ids=["a", "b", "c"], threshold=1e-12)
    # a and b share no name sound and no year: only "one nationality" brings them together.
    assert [(pair.left_id, pair.right_id) for pair in pairs] == [("a", "b")]
