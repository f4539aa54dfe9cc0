"""A file with none of our usual structure (FEBRL-style: Western names, a social security
number, a phone, dates as YYYYMMDD, no father's name, no nationality) still links."""

from pathlib import Path

from waypoint.linkage.tests.test_link_command import read_csv, run_link, write_csv

HEADER = ["rec_id", "given_name", "surname", "date_of_birth", "soc_sec_id", "phone_number"]
ROWS = [
    ["rec-1-org", "joshua", "thompson", "19720512", "4218376", "02 9876 5432"],
    ["rec-1-dup-0", "josh", "thomspon", "19720512", "4218376", "02 9876 5432"],
    ["rec-2-org", "emily", "nguyen", "19850301", "5532100", "07 3344 1122"],
    ["rec-2-dup-0", "nguyen", "emily", "19850103", "5532100", ""],
    ["rec-3-org", "william", "oconnor", "19901120", "9981234", "03 5566 7788"],
    ["rec-3-dup-0", "wiliam", "o'connor", "", "9981243", "03 5566 7788"],
    ["rec-4-org", "sarah", "thompson", "19720512", "1234567", "08 1111 2222"],
    ["rec-5-org", "michael", "smith", "19660704", "7654321", "02 3333 4444"],
    ["rec-6-org", "michael", "smith", "19810219", "1928374", "07 5555 6666"],
]
MAP = (
    "given_name=given_name,family_name=surname,birth_date=date_of_birth,"
    "document_number=soc_sec_id,phone=phone_number"
)


def test_typos_swaps_and_blanks_group_and_namesakes_stay_apart(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "febrl.csv", HEADER, ROWS)
    output = tmp_path / "clusters.csv"
    result = run_link(
        tmp_path,
        *("--input", str(source), "--output", str(output), "--id-column", "rec_id"),
        *("--map", MAP),
    )
    assert result.returncode == 0, result.stderr
    clusters = dict(read_csv(output)[1:])
    assert clusters["rec-1-dup-0"] == clusters["rec-1-org"] == "rec-1-org"
    assert clusters["rec-2-dup-0"] == "rec-2-org"
    assert clusters["rec-3-dup-0"] == "rec-3-org"
    assert clusters["rec-4-org"] == "rec-4-org"  # same surname and date, another person
    assert clusters["rec-6-org"] == "rec-6-org"  # a namesake born 15 years later
