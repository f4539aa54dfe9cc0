"""Logging pieces: what a console line may carry.

A refused request (403, 404 and other 4xx answers) is an ordinary event, not a fault: Django
logs it with the traceback of the exception that made it, which buried the console of
``make run`` under two tracebacks for every 403. ``ClientErrorsInOneLine`` keeps the one line
("Forbidden (Permission denied): /people/12/") and drops the traceback; server errors (5xx)
keep theirs.
"""

from __future__ import annotations

import logging


class ClientErrorsInOneLine(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if record.name.startswith("django.") and isinstance(status, int) and status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
