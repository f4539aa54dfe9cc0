"""Every input problem gives one line naming the row and the column."""

import pytest

from waypoint.estimation.histories import EstimationInputError, Histories, read_histories
from waypoint.estimation.mse import estimate

GOOD = b"A,B,C,count\n1,0,0,10\n0,1,0,8\n1,1,0,3\n0,0,1,4\n1,0,1,2\n"


def error_for(data: bytes | str, count_column: str = "count") -> EstimationInputError:
    with pytest.raises(EstimationInputError) as info:
        read_histories(data, count_column=count_column)
    message = str(info.value)
    assert "\n" not in message
    return info.value


def test_good_file_parses():
    table = read_histories(GOOD, count_column="count")
    assert table.lists == ("A", "B", "C")
    assert table.observed == 27
    assert table.count((1, 1, 0)) == 3


def test_only_one_list():
    error = error_for(b"A,count\n1,5\n")
    assert "at least two lists are needed" in str(error)
    assert "row 1" in str(error) and "'A'" in str(error)
    assert (error.row, error.column) == (1, "A")


def test_cell_not_zero_or_one():
    error = error_for(b"A,B,count\n1,0,5\n1,2,3\n")
    assert "row 3, column 'B'" in str(error)
    assert "must be 0 or 1" in str(error)
    assert (error.row, error.column) == (3, "B")


def test_cell_text():
    error = error_for(b"A,B,count\n1,yes,5\n")
    assert "row 2, column 'B'" in str(error)


def test_negative_count():
    error = error_for(b"A,B,count\n1,0,5\n1,1,-2\n")
    assert "row 3, column 'count'" in str(error)
    assert "negative" in str(error)


def test_non_integer_count():
    error = error_for(b"A,B,count\n1,0,5\n1,1,2.5\n")
    assert "row 3, column 'count'" in str(error)
    assert "whole number" in str(error)


def test_count_not_a_number():
    error = error_for(b"A,B,count\n1,0,five\n")
    assert "row 2, column 'count'" in str(error)


def test_whole_number_written_as_decimal_is_accepted():
    table = read_histories(b"A,B,count\n1,0,5.0\n1,1,2\n", count_column="count")
    assert table.count((1, 0)) == 5


def test_missing_count_column():
    error = error_for(b"A,B,n\n1,0,5\n", count_column="count")
    assert "row 1, column 'count'" in str(error)
    assert "no such column" in str(error)


def test_all_zero_row_with_positive_count():
    error = error_for(b"A,B,count\n1,1,5\n0,0,3\n")
    assert "row 3, column 'count'" in str(error)
    assert "the all-zero history is never observed" in str(error)


def test_all_zero_row_with_zero_count_is_ignored():
    table = read_histories(b"A,B,count\n1,1,5\n0,0,0\n", count_column="count")
    assert table.observed == 5


def test_empty_file():
    for data in (b"", b"\n\n  \n", b"\xef\xbb\xbf"):
        error = error_for(data)
        assert "row 1" in str(error) and "empty" in str(error)


def test_header_only():
    error = error_for(b"A,B,count\n")
    assert "row 2" in str(error) and "no data rows" in str(error)


def test_undecodable_bytes():
    error = error_for(b"A,B,count\n1,0,5\n1,1,\xff\xfe\n")
    assert "row 3" in str(error) and "not UTF-8" in str(error)


def test_no_overlap_between_any_two_lists():
    error = error_for(b"A,B,C,count\n1,0,0,5\n0,1,0,7\n0,0,1,2\n")
    message = str(error)
    assert message.startswith("rows 2-4, columns A, B, C:")
    assert "no person is on two lists: the lists cannot be linked, and no estimate is possible" in (
        message
    )


def test_short_row():
    error = error_for(b"A,B,count\n1,0\n")
    assert "row 2, column 'count'" in str(error)


def test_duplicate_and_empty_header():
    assert "row 1, column 'A'" in str(error_for(b"A,A,count\n1,1,5\n"))
    assert "row 1, column 2" in str(error_for(b"A,,count\n1,1,5\n"))


def test_bom_semicolon_and_summing():
    data = "\ufeffA;B;C;count\r\n1;0;0;10\r\n1;0;0;5\r\n1;1;0;3\r\n0;0;1;1\r\n".encode()
    table = read_histories(data, count_column="count")
    assert table.lists == ("A", "B", "C")
    assert table.count((1, 0, 0)) == 15
    assert table.observed == 19


def test_text_input_is_accepted():
    table = read_histories(GOOD.decode(), count_column="count")
    assert table.observed == 27


def test_histories_validates_direct_construction():
    with pytest.raises(EstimationInputError, match="at least two lists"):
        Histories(("A",), {(1,): 3})
    with pytest.raises(EstimationInputError, match="all-zero history"):
        Histories(("A", "B"), {(0, 0): 3, (1, 1): 2})
    with pytest.raises(EstimationInputError, match="non-negative whole number"):
        Histories(("A", "B"), {(1, 1): -1})
    with pytest.raises(EstimationInputError, match="zeros and ones"):
        Histories(("A", "B"), {(1, 2): 1})


def test_estimate_refuses_unlinkable_table():
    table = Histories(("A", "B", "C"), {(1, 0, 0): 5, (0, 1, 0): 4})
    with pytest.raises(EstimationInputError, match="no person is on two lists"):
        estimate(table)


def test_loglinear_needs_three_lists():
    table = Histories(("A", "B"), {(1, 0): 5, (1, 1): 4})
    with pytest.raises(EstimationInputError, match="at least three lists"):
        estimate(table, method="loglinear")
