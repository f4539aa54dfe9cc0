"""Issue 15: a distinctive name registered at Lipa appears in nothing a user out of Lipa's
scope, the analyst or the partner can reach: no page, API answer, export, PDF or log line.
The same walk as Lipa's own registration officer finds it, so the scan can see it.

This is the short walk (a few hundred requests per persona); ``benchmarks/canary_scan.py``
walks up to 2,000 pages per persona with every guess and prints the figure."""

from __future__ import annotations

import csv
import io

import pytest
from django.http import HttpResponse
from openpyxl import Workbook

from waypoint.core.tests.canary import (
    FAMILY,
    GIVEN,
    GIVEN_ARABIC,
    IDENTIFY_PAGE,
    CanaryScan,
    canary_plant,
    every_log_record,
    personas_out_of_scope,
    readable,
    scan_as,
)

pytestmark = pytest.mark.django_db
SHORT = {"page_limit": 80, "query_limit": 2}
# The short walk: another centre's registration officer (who may also identify people
# nationally) and protection officer, the analyst and the partner.
SHORT_PERSONAS = ("registrar.usivak", "protection.borici", "analyst", "partner")


def test_nobody_out_of_scope_finds_the_canary_anywhere(personas):
    scan = CanaryScan(canary_plant(personas), **SHORT)
    outsiders = {
        name: user
        for name, user in personas_out_of_scope(personas).items()
        if name in SHORT_PERSONAS
    }
    with every_log_record() as records:
        seconds = scan_as(scan, outsiders)
    scan.scan_logs(records)
    scan.scan_audit()
    print(f"\ncanary scan (short): {len(outsiders)} personas, {scan.figure()}; seconds {seconds}")
    assert scan.counts["pages"] > 400 and scan.counts["API answers"] > 200
    assert scan.counts["PDFs"] >= 1 and scan.counts["exports"] >= 1
    assert scan.counts["log lines"] > 100 and scan.counts["audit events"] > 100
    assert scan.hits == [], readable(scan.hits)
    # The one designed exception: identifying before registering shows a likely match's
    # names and number to those who register people, anywhere; nobody else sees it.
    assert {hit.persona for hit in scan.identification_hits} <= {
        "registrar.usivak",
        "manager.borici",
    }
    assert all(hit.where.startswith(IDENTIFY_PAGE) for hit in scan.identification_hits)


def test_the_same_walk_as_lipas_registration_officer_finds_the_canary(personas):
    scan = CanaryScan(canary_plant(personas), **SHORT)
    scan_as(scan, {"registrar.lipa": personas["registrar.lipa"]})
    found_in = {hit.kind for hit in scan.hits}
    assert {"page", "api", "pdf"} <= found_in, readable(scan.hits)
    assert {hit.needle for hit in scan.hits} >= {GIVEN, FAMILY, GIVEN_ARABIC}


def test_the_scan_reads_names_inside_spreadsheets_csv_and_escaped_json(personas):
    scan = CanaryScan(canary_plant(personas))
    book = Workbook()
    book.active.append(["name", f"{GIVEN.upper()} {FAMILY}"])
    saved = io.BytesIO()
    book.save(saved)
    rows = io.StringIO()
    csv.writer(rows).writerow(["Ahmad", GIVEN_ARABIC])
    answers = {
        "xlsx": HttpResponse(
            saved.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        "csv": HttpResponse(rows.getvalue(), content_type="text/csv; charset=utf-8"),
        "api": HttpResponse(
            '{"name": "\\u0632\\u06cc\\u0632\\u06a9\\u0633\\u0642\\u0627"}',
            content_type="application/json",
        ),
        "page": HttpResponse(f"<p>{GIVEN.lower()}</p>", content_type="text/html"),
    }
    for kind, answer in answers.items():
        scan.look("test", personas["partner"], f"/{kind}/", answer, [])
    assert {hit.kind for hit in scan.hits} == set(answers)
