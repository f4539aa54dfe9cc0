"""Who may do what in the form library.

Analysts and administrators build the questionnaires: they upload, publish, close and
retire forms, read what comes in and export it. Who submits is set per form: the roles
that may (enumerators by default) and the area they must be assigned within. Submissions
can hold answers about people, so reading them keeps to the forms of the reader's area
(``queries``); decrypting an encrypted form's submissions is an administrator's work, with
a private key given for that export only.
"""

from __future__ import annotations

from enum import Enum

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from waypoint.accounts.access import Actor, holds
from waypoint.accounts.models import Role
from waypoint.accounts.scoping import Scope, scope_for
from waypoint.collect.models import Form


class Work(Enum):
    READ = "read"  # the library, its forms and their submissions (within the area)
    MANAGE = "manage"  # upload XLSForms and media, publish, close, retire, set who submits
    EXPORT = "export"  # download submissions as CSV or XLSX
    DECRYPT = "decrypt"  # export an encrypted form's submissions with its private key
    SUBMIT = "submit"  # send instances from a phone or a web form (per form: roles, area)


ROLES: dict[Work, frozenset[str]] = {
    Work.READ: frozenset({Role.ADMINISTRATOR, Role.ANALYST}),
    Work.MANAGE: frozenset({Role.ADMINISTRATOR, Role.ANALYST}),
    Work.EXPORT: frozenset({Role.ADMINISTRATOR, Role.ANALYST}),
    Work.DECRYPT: frozenset({Role.ADMINISTRATOR}),
    # The roles a form may name as its submitters; each form names its own subset.
    Work.SUBMIT: frozenset({Role.ENUMERATOR, Role.ANALYST, Role.ADMINISTRATOR}),
}
DEFAULT_SUBMITTERS = (Role.ENUMERATOR, Role.ANALYST, Role.ADMINISTRATOR)

REFUSALS = {
    Work.READ: _("Your role does not use the form library."),
    Work.MANAGE: _("Only analysts and administrators manage forms."),
    Work.EXPORT: _("Only analysts and administrators export submissions."),
    Work.DECRYPT: _("Only administrators decrypt submissions."),
    Work.SUBMIT: _("This account may not send this form here."),
}


def _reaches(scope: Scope, form: Form) -> bool:
    """Whether ``scope`` covers the form's area (a form without one needs national scope)."""
    if scope.national:
        return True
    if form.area is None:
        return False
    path = form.area.path
    return any(path == area or path.startswith(area + "/") for area in scope.area_paths)


def may(user: Actor, work: Work, target: Form | None = None) -> bool:
    """Whether ``user`` may do ``work`` (on the form ``target`` when one is given).

    Submitting takes one of the form's own ``submit_roles``, held in an assignment whose
    area covers the form's area (or national); a form without an area takes submissions
    from anyone holding such a role.
    """
    if work is Work.SUBMIT:
        if target is None:
            return holds(user, ROLES[work])
        roles = set(target.submit_roles) & ROLES[work]
        if not holds(user, roles):
            return False
        if target.area is None:
            return True
        scope, path = scope_for(user, roles), target.area.path
        # An assignment inside the form's area (a municipality of its canton) or around it.
        return scope.national or any(
            path == area or path.startswith(area + "/") or area.startswith(path + "/")
            for area in scope.area_paths
        )
    if not holds(user, ROLES[work]):
        return False
    return target is None or _reaches(scope_for(user, ROLES[work]), target)


def require(user: Actor, work: Work, target: Form | None = None) -> None:
    """``PermissionDenied`` unless ``may(user, work, target)``."""
    if not may(user, work, target):
        raise PermissionDenied(str(REFUSALS[work]))


def allowed_work(user: Actor, form: Form | None = None) -> set[str]:
    """The names of the kinds of work ``user`` may do (on ``form``), for showing buttons."""
    return {work.value for work in Work if may(user, work, form)}
