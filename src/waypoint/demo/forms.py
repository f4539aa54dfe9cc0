"""The form library's demo state: what ``waypoint demo --reset`` clears so a rebuilt demo
starts with no submission, attachment or uploaded form left from an earlier one."""

from __future__ import annotations

from waypoint.collect.models import Form, Submission


def submissions_remove() -> int:
    """Delete every submission (their attachments go too) and the forms staff uploaded; the
    forms shipped with Waypoint stay, and the library puts back any it misses."""
    count, _by_model = Submission.objects.all().delete()
    Form.objects.filter(builtin=False).delete()
    return count
