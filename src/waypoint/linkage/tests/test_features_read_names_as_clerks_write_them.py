"""Name features that let one person's registrations meet, however clerks spelt them."""

from waypoint.linkage.features import record_features, sound


def features(given: str, family: str = "", born: str = "") -> dict[str, object]:
    return record_features({"given_name": given, "family_name": family, "birth_date": born})


def test_consonants_that_dialects_exchange_share_a_sound() -> None:
    assert features("Jamal")["given_sound"] == features("Gamal")["given_sound"]
    assert features("Tariq")["given_sound"] == features("Tarik")["given_sound"]
    assert sound("jml") == sound("gml") == "kml"


def test_bosnian_spellings_read_as_they_sound() -> None:
    assert features("Husajn")["given_key"] == features("Husayn")["given_key"]
    assert features("Darviš")["given_key"] == features("Darwish")["given_key"]
    assert features("Džamal")["given_key"] == features("Jamal")["given_key"]


def test_swapped_names_have_the_same_sounds_in_any_order() -> None:
    assert features("Ali", "Kashif")["all_sounds"] == features("Kashef", "Ali")["all_sounds"]


def test_blocking_keys_put_name_sounds_with_the_year_wherever_the_names_sit() -> None:
    found = features("Ali", "Karimi", "1990-05-04")
    other = record_features({"given_name": "Karimi", "father_name": "Ali", "birth_date": "1991"})
    assert set(found["name_pair_years"]) & set(other["name_pair_years"]) == {"al krm 1991"}
    assert "krm 1990" in found["name_years"] and "krm 1991" in found["name_years"]
    assert found["name_dates"] == ["al 1990-05-04", "krm 1990-05-04"]


def test_three_names_meet_whatever_the_year() -> None:
    one = record_features(
        {"given_name": "Hikmatullah", "family_name": "Jamshidi", "father_name": "Ali"}
    )
    other = record_features(
        {"given_name": "HIKMAT OLLAH", "family_name": "JAMSHEEDI", "father_name": "ALI"}
    )
    assert one["name_triples"] == other["name_triples"]
    assert len(one["name_triples"]) == 1


def test_a_placeholder_date_gives_no_date_keys() -> None:
    assert features("Ali", "Karimi", "01.01.1990")["name_dates"] is None


def test_keys_too_many_records_share_are_dropped() -> None:
    import pyarrow as pa

    from waypoint.linkage.features import capped

    column = pa.chunked_array([pa.array([["a", "b"], ["a"], None, ["a", "c"]])])
    assert capped(column, 2).to_pylist() == [["b"], [], None, ["c"]]
    assert capped(column, 3).to_pylist() == column.to_pylist()


def test_crowded_keys_are_made_finer_before_they_are_dropped() -> None:
    import pyarrow as pa

    from waypoint.linkage.features import capped

    column = pa.chunked_array([pa.array([["a", "b"], ["a"], ["a"], None, ["a", "c"]])])
    groups = pa.chunked_array([pa.array(["M:AFG", "M:AFG", "M:PAK", "M:PAK", "F:AFG"])])
    # "a" is held by four rows: two of them are men from Afghanistan, one a man from
    # Pakistan and one a woman from Afghanistan; only the first two still meet.
    assert capped(column, 2, groups).to_pylist() == [
        ["a|M:AFG", "b"],
        ["a|M:AFG"],
        ["a|M:PAK"],
        None,
        ["a|F:AFG", "c"],
    ]
    # Still crowded once finer: dropped.
    assert capped(column, 1, groups).to_pylist() == [["b"], [], ["a|M:PAK"], None, ["a|F:AFG", "c"]]
