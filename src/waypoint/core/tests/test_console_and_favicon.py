"""What a newcomer sees on the console of ``make run`` and in the browser's tab: a refused
request is one line, not two tracebacks; the browser's first request for an icon finds one."""

from __future__ import annotations

import logging

import pytest
from django.core.exceptions import PermissionDenied

from waypoint.core.logs import ClientErrorsInOneLine


def _record(status: int, name: str = "django.request") -> logging.LogRecord:
    try:
        raise PermissionDenied("no")
    except PermissionDenied:
        import sys

        record = logging.LogRecord(
            name, logging.WARNING, __file__, 1, "Forbidden: %s", ("/x/",), sys.exc_info()
        )
    record.status_code = status
    return record


def test_a_refused_request_is_logged_as_one_line_without_its_traceback():
    record = _record(403)
    assert ClientErrorsInOneLine().filter(record) is True
    assert record.exc_info is None
    assert logging.Formatter().format(record) == "Forbidden: /x/"


def test_a_server_error_keeps_its_traceback():
    record = _record(500)
    ClientErrorsInOneLine().filter(record)
    assert "Traceback" in logging.Formatter().format(record)


def test_the_console_handler_carries_the_filter_and_django_lines_are_printed_once():
    root_handlers = logging.getLogger().handlers
    assert any(
        isinstance(f, ClientErrorsInOneLine) for handler in root_handlers for f in handler.filters
    )
    assert logging.getLogger("django").handlers == []


@pytest.mark.django_db
def test_favicon_ico_leads_to_the_shipped_icon(client):
    answer = client.get("/favicon.ico")
    assert answer.status_code == 302
    assert answer["Location"].endswith("waypoint/favicon.svg")
