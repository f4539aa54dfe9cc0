"""The authorisation matrix: every route, every persona, an object in and out of scope.

Three parts, read by ``test_authorisation_matrix.py``:

- the routes as Django resolves them and the API operations as the OpenAPI schema lists them;
- ``TABLE``, one entry per route naming, per method, the app's access contract that decides
  it (``access.py``: the kind of work and what the URL points at);
- the expected answer, computed by asking that contract about the persona and the object's
  place, and the actual answer, read from the response.

A route or an API operation missing from ``TABLE`` fails the test with its name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

from waypoint.accounts import access as accounts_access
from waypoint.accounts import break_glass, mfa
from waypoint.accounts.models import User
from waypoint.accounts.scoping import scope_for
from waypoint.audit import access as audit_access
from waypoint.collect import access as collect_access
from waypoint.estimation import access as estimation_access
from waypoint.linkage import access as linkage_access
from waypoint.people import access as people_access
from waypoint.places.models import Area, Site
from waypoint.portal import access as portal_access
from waypoint.presence import access as presence_access
from waypoint.privacy import access as privacy_access
from waypoint.protection import access as protection_access
from waypoint.reception import access as reception_access
from waypoint.reports import access as reports_access
from waypoint.returns import access as returns_access

Place = Site | Area | None

# --- The routes --------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name"
    pattern: str  # the whole pattern, prefixes joined
    kwargs: tuple[str, ...]

    @property
    def is_api(self) -> bool:
        return self.name.startswith("api:")


def routes() -> list[Route]:
    """Every named route of the project, Django's own admin site included."""
    found: list[Route] = []

    def walk(resolver: URLResolver, prefix: str, namespace: str) -> None:
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                inner = namespace
                if entry.namespace:
                    inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                walk(entry, prefix + str(entry.pattern), inner)
            elif isinstance(entry, URLPattern) and entry.name:
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                keys = tuple(entry.pattern.regex.groupindex)
                found.append(Route(name, prefix + str(entry.pattern), keys))

    walk(get_resolver(), "", "")
    return found


def api_operations() -> list[tuple[str, str, str]]:
    """(route name, method, schema path) for every operation in the OpenAPI document."""
    from django.urls import resolve
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = []
    for path, item in schema["paths"].items():
        # Resolve the path with a number in every parameter, as a client would call it.
        concrete = path
        while "{" in concrete:
            start, end = concrete.index("{"), concrete.index("}")
            concrete = concrete[:start] + "1" + concrete[end + 1 :]
        match = resolve(concrete)
        name = f"{match.namespace}:{match.url_name}" if match.namespace else str(match.url_name)
        for method in item:
            if method in {"get", "post", "put", "patch", "delete"}:
                operations.append((name, method.upper(), path))
    return operations


# --- The contracts -----------------------------------------------------------------------


@dataclass(frozen=True)
class Contract:
    """One kind of work in one app's ``access.py``, asked the way that app asks it.

    ``anywhere``: the user holds a role for the work somewhere. ``at``: the role's scope
    covers the place of an object (None: the work has no place, figures are national).
    """

    label: str
    anywhere: Callable[[Any], bool]
    at: Callable[[Any, Place], bool] | None = None


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def _sited(module: Any, work: Any) -> Contract:
    """``may(user, work, site)`` with None meaning anywhere (people, protection, returns...)."""
    app = module.__name__.split(".")[1]
    return Contract(
        f"{app}.{work.name}",
        anywhere=lambda user: module.may(user, work),
        at=lambda user, place: module.may(user, work, place),
    )


def _reception(work: reception_access.Work) -> Contract:
    """Reception asks with a site always: anywhere is a scope that is not empty."""
    return Contract(
        f"reception.{work.name}",
        anywhere=lambda user: not scope_for(user, reception_access.ROLES[work]).is_empty,
        at=lambda user, place: reception_access.may(user, work, place),
    )


def _national(label: str, may: Callable[[Any], bool]) -> Contract:
    return Contract(label, anywhere=may)


def _linkage(work: linkage_access.Work) -> Contract:
    """The role from ``linkage.access``; the scope of those roles over the registrations."""
    return Contract(
        f"linkage.{work.name}",
        anywhere=lambda user: linkage_access.may(user, work),
        at=lambda user, place: (
            linkage_access.may(user, work)
            and scope_for(user, linkage_access.ROLES[work]).allows_site(place)
        ),
    )


SIGNED_IN = _national("signed in", _signed_in)
MANAGE_USERS = _sited(accounts_access, accounts_access.Work.MANAGE_USERS)
READ_AUDIT = _national(
    "audit.READ_AUDIT", lambda user: audit_access.may(user, audit_access.Work.READ_AUDIT)
)
PEOPLE = {work: _sited(people_access, work) for work in people_access.Work}
PRIVACY = {work: _sited(privacy_access, work) for work in privacy_access.Work}
PROTECTION = {work: _sited(protection_access, work) for work in protection_access.Work}
RETURNS = {work: _sited(returns_access, work) for work in returns_access.Work}
EDIT_PORTAL = _sited(portal_access, portal_access.Work.EDIT_CONTENT)
RECEPTION = {work: _reception(work) for work in reception_access.Work}
LINKAGE = {work: _linkage(work) for work in linkage_access.Work}
ESTIMATE = _national(
    "estimation.ESTIMATE",
    lambda user: estimation_access.may(user, estimation_access.Work.ESTIMATE),
)
REPORTS = {
    work: _national(f"reports.{work.name}", lambda user, work=work: reports_access.may(user, work))
    for work in reports_access.Work
}
PRESENCE_READ = _national("presence.may_read", presence_access.may_read)
PRESENCE_UNPUBLISHED = _national(
    "presence.may_see_unpublished", presence_access.may_see_unpublished
)
PRESENCE_REVIEW = _national("presence.may_review", presence_access.may_review)
PRESENCE_ENTER_ANYWHERE = _national("presence.may_enter", presence_access.may_enter)
PUBLIC = _national("public", lambda user: True)
# OpenRosa signs phones in with Digest or Basic (its own auth), then asks whether the
# account may submit to the form library at all; the DTM forms take every submitting role.
OPENROSA = _national(
    "openrosa: collect.SUBMIT", lambda user: collect_access.may(user, collect_access.Work.SUBMIT)
)
# The form library: the test's library form has no area, so only national readers reach it.
COLLECT = {
    work: _national(f"collect.{work.name}", lambda user, work=work: collect_access.may(user, work))
    for work in collect_access.Work
}
# Django's technical admin site: its own sign-in page, staff accounts only.
TWO_STEP_OPTIONAL = _national(
    "accounts.mfa: not required for the role",
    lambda user: _signed_in(user) and not mfa.required_for(user),
)
BREAK_GLASS = _national("accounts.break_glass.may_start", break_glass.may_start)
DJANGO_ADMIN = _national("django admin: is_staff", lambda user: bool(user.is_staff))


# --- The table ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """One request to make on a route: the method, the contract that decides it, what the
    URL points at (``target``, a kind in the world; "none": role only), and the contract
    that decides whether the object is visible at all (default: ``contract``)."""

    method: str
    contract: Contract
    target: str = "none"
    seen: Contract | None = None
    auth: str = "session"  # "session", "basic" (OpenRosa), "admin" (Django admin)
    also_ok: tuple[int, ...] = ()  # statuses that are an allowed answer on this route
    refused: frozenset[str] = frozenset({"403"})  # how this route says no to a role
    done: frozenset[str] = frozenset({"ok", "redirect"})  # how it says yes


def get(
    contract: Contract,
    target: str = "none",
    seen: Contract | None = None,
    also_ok: tuple[int, ...] = (),
) -> Check:
    return Check("GET", contract, target, seen, also_ok=also_ok)


def post(
    contract: Contract,
    target: str = "none",
    seen: Contract | None = None,
    also_ok: tuple[int, ...] = (),
) -> Check:
    return Check("POST", contract, target, seen, also_ok=also_ok)


P, PR, RT, RC, LK, RP = PEOPLE, PROTECTION, RETURNS, RECEPTION, LINKAGE, REPORTS
clw = collect_access.Work
pw, prw, rtw, rcw, lkw, rpw = (
    people_access.Work,
    protection_access.Work,
    returns_access.Work,
    reception_access.Work,
    linkage_access.Work,
    reports_access.Work,
)

SIGNS_OUT = frozenset({"sign-in"})  # signing out ends on the sign-in page
# Presence pages send everyone who does not read exact figures to the published ones.
TO_REPORTS = frozenset({"redirect"})

TABLE: dict[str, tuple[Check, ...]] = {
    # core, sign-in and languages: public
    "root": (get(SIGNED_IN),),
    "healthz": (get(PUBLIC),),
    "favicon": (get(PUBLIC),),
    "set_language": (post(PUBLIC),),
    "accounts:login": (get(PUBLIC), post(PUBLIC)),
    "accounts:logout": (Check("POST", PUBLIC, done=SIGNS_OUT),),
    # a signed-in user's own account
    "accounts:home": (get(SIGNED_IN),),
    "accounts:account": (get(SIGNED_IN),),
    "accounts:two_step": (get(SIGNED_IN),),
    "accounts:two_step_setup": (get(SIGNED_IN),),
    "accounts:recovery_codes_new": (post(SIGNED_IN),),
    "accounts:two_step_off": (post(TWO_STEP_OPTIONAL),),
    "accounts:token_revoke": (),  # below: own records
    "accounts:passkey_options": (post(SIGNED_IN, also_ok=(409,)),),
    "accounts:passkey_add": (post(SIGNED_IN, also_ok=(409,)),),
    "accounts:passkey_remove": (),  # below: own records
    # The second step with a passkey: 404 for an account that has none.
    "accounts:two_step_passkey_options": (post(SIGNED_IN, also_ok=(404,)),),
    "accounts:two_step_passkey": (post(SIGNED_IN),),
    "accounts:break_glass_start": (post(BREAK_GLASS),),
    "accounts:break_glass_end": (),  # below: own records
    "accounts:break_glass_review": (get(MANAGE_USERS),),
    "accounts:sign_out_everywhere": (Check("POST", SIGNED_IN, done=SIGNS_OUT),),
    # managing accounts
    "accounts:users": (get(MANAGE_USERS),),
    "accounts:user_new": (get(MANAGE_USERS), post(MANAGE_USERS)),
    "accounts:user": (get(MANAGE_USERS, "user"),),
    "accounts:user_password": (post(MANAGE_USERS, "user"),),
    "accounts:user_two_step": (post(MANAGE_USERS, "user"),),
    "accounts:assignment_new": (post(MANAGE_USERS, "user"),),
    "accounts:assignment_delete": (post(MANAGE_USERS, "assignment"),),
    "audit:events": (get(READ_AUDIT),),
    # people
    "people:list": (get(P[pw.READ]),),
    "people:register": (get(P[pw.REGISTER]), post(P[pw.REGISTER])),
    "people:identify": (get(P[pw.IDENTIFY]),),
    "people:import": (get(P[pw.IMPORT]), post(P[pw.IMPORT])),
    "people:person": (get(P[pw.READ], "person"),),
    "people:document_add": (post(P[pw.EDIT], "person", P[pw.READ]),),
    "people:consent_add": (post(P[pw.CONSENT], "person", P[pw.READ]),),
    "people:consent_withdraw": (post(P[pw.CONSENT], "consent", P[pw.READ]),),
    "people:guardian": (post(P[pw.EDIT], "person", P[pw.READ]),),
    "people:household_start": (post(P[pw.EDIT], "person", P[pw.READ]),),
    "people:photo": (get(P[pw.READ], "person-with-photo"),),
    "people:photo_upload": (post(P[pw.EDIT], "person", P[pw.READ]),),
    # reception
    "reception:centres": (get(RC[rcw.READ]),),
    "reception:centre": (get(RC[rcw.READ], "centre"),),
    "reception:residents": (get(RC[rcw.READ], "centre"),),
    "reception:admit_search": (get(RC[rcw.ACCOMMODATE], "centre", RC[rcw.READ]),),
    "reception:take_over": (
        get(RC[rcw.ACCOMMODATE], "centre", RC[rcw.READ]),
        post(RC[rcw.ACCOMMODATE], "centre", RC[rcw.READ]),
    ),
    "reception:admit": (get(RC[rcw.ACCOMMODATE], "admission", RC[rcw.READ]),),
    "reception:rollcall": (get(RC[rcw.ACCOMMODATE], "centre", RC[rcw.READ]),),
    "reception:absences": (get(RC[rcw.READ], "centre"),),
    # The form shows to readers; recording a service is serving.
    "reception:services": (
        get(RC[rcw.READ], "centre"),
        post(RC[rcw.SERVE], "centre", RC[rcw.READ]),
    ),
    "reception:distribution": (get(RC[rcw.SERVE], "centre", RC[rcw.READ]),),
    "reception:occupancy": (get(RC[rcw.READ], "centre"),),
    "reception:stay": (get(RC[rcw.READ], "stay"),),
    "reception:stay_transfer": (post(RC[rcw.ACCOMMODATE], "stay", RC[rcw.READ]),),
    "reception:stay_exit": (post(RC[rcw.ACCOMMODATE], "stay", RC[rcw.READ]),),
    "reception:stay_bed": (post(RC[rcw.ACCOMMODATE], "stay", RC[rcw.READ]),),
    "reception:absence_confirm": (post(RC[rcw.CONFIRM_EXIT], "stay", RC[rcw.READ]),),
    # Issuing a resident card is accommodation work (``services.resident_card_issue``).
    "reception:card": (get(RC[rcw.ACCOMMODATE], "stay", RC[rcw.READ]),),
    # protection
    "protection:home": (get(PR[prw.READ]),),
    # Protection staff see the record; others who may read the person see only the flag.
    "protection:person": (get(P[pw.READ], "person"),),
    "protection:screening_new": (get(PR[prw.SCREEN], "person", PR[prw.READ]),),
    "protection:referral_new": (get(PR[prw.REFER], "person", PR[prw.READ]),),
    "protection:screening": (get(PR[prw.READ], "screening"),),
    "protection:referral": (get(PR[prw.READ], "referral"),),
    "protection:referral_status": (post(PR[prw.REFER], "referral", PR[prw.READ]),),
    "protection:incidents": (get(PR[prw.READ]),),
    "protection:incident_new": (get(PR[prw.RECORD_INCIDENT]),),
    "protection:incident": (get(PR[prw.READ], "incident"),),
    "protection:incident_status": (post(PR[prw.RECORD_INCIDENT], "incident", PR[prw.READ]),),
    "protection:outreach": (get(PR[prw.READ]),),
    "protection:outreach_new": (get(PR[prw.RECORD_OUTREACH]),),
    # places: no personal data; every signed-in user
    "places:sites": (get(SIGNED_IN),),
    "places:site": (get(SIGNED_IN, "site-code"),),
    "places:map": (get(SIGNED_IN),),
    # linkage
    "linkage:home": (get(LK[lkw.COUNT]),),
    "linkage:runs": (get(LK[lkw.COUNT]), post(LK[lkw.RUN])),
    "linkage:run_progress": (get(LK[lkw.COUNT], "run"),),
    "linkage:review": (get(LK[lkw.COUNT]),),
    "linkage:pair": (get(LK[lkw.REVIEW], "pair"),),
    "linkage:list": (get(LK[lkw.REVIEW]),),
    "linkage:undo": (post(LK[lkw.REVIEW], "decision"),),
    # presence
    "presence:rounds": (Check("GET", PRESENCE_READ, refused=TO_REPORTS),),
    "presence:round_new": (get(PRESENCE_REVIEW),),
    # Round 41 is still collecting: only those who see unpublished figures find it.
    "presence:round": (
        Check("GET", PRESENCE_READ, "round", PRESENCE_UNPUBLISHED, refused=TO_REPORTS),
    ),
    "presence:round_advance": (post(PRESENCE_REVIEW, "round", PRESENCE_UNPUBLISHED),),
    "presence:round_publish": (post(PRESENCE_REVIEW, "round", PRESENCE_UNPUBLISHED),),
    "presence:check_confirm": (post(PRESENCE_REVIEW, "round", PRESENCE_UNPUBLISHED),),
    "presence:observation_enter": (get(PRESENCE_ENTER_ANYWHERE, "round"),),
    # Corrections are reviewers' work; nobody else finds the observation.
    "presence:observation_correct": (get(PRESENCE_REVIEW, "observation", PRESENCE_REVIEW),),
    "presence:import": (get(PRESENCE_ENTER_ANYWHERE),),
    "presence:flow_points": (get(PRESENCE_UNPUBLISHED),),
    "presence:flow_enter": (get(PRESENCE_ENTER_ANYWHERE, "flow-kind"),),
    "presence:locations": (get(PRESENCE_UNPUBLISHED),),
    "presence:location_new": (get(PRESENCE_REVIEW),),
    "presence:location": (get(PRESENCE_UNPUBLISHED, "location"),),
    "openrosa:form_list": (Check("GET", OPENROSA, auth="basic"),),
    "openrosa:form": (Check("GET", OPENROSA, "openrosa-form", auth="basic"),),
    "openrosa:manifest": (Check("GET", OPENROSA, "openrosa-form", auth="basic"),),
    "openrosa:media": (Check("GET", OPENROSA, "openrosa-media", auth="basic"),),
    "openrosa:submission": (Check("POST", OPENROSA, auth="basic"),),
    # the form library
    "collect:forms": (get(COLLECT[clw.READ]), post(COLLECT[clw.MANAGE])),
    "collect:form": (get(COLLECT[clw.READ], "library-form"),),
    "collect:form_state": (post(COLLECT[clw.MANAGE], "library-form", COLLECT[clw.READ]),),
    "collect:form_submitters": (post(COLLECT[clw.MANAGE], "library-form", COLLECT[clw.READ]),),
    "collect:export": (post(COLLECT[clw.EXPORT], "library-form", COLLECT[clw.READ]),),
    "collect:version_publish": (post(COLLECT[clw.MANAGE], "library-version", COLLECT[clw.READ]),),
    "collect:media_upload": (post(COLLECT[clw.MANAGE], "library-version", COLLECT[clw.READ]),),
    "collect:submission": (get(COLLECT[clw.READ], "library-submission"),),
    "collect:attachment": (get(COLLECT[clw.READ], "library-attachment"),),
    # returns
    "returns:home": (get(RT[rtw.READ]),),
    "returns:cases": (get(RT[rtw.READ]),),
    "returns:case_new": (get(RT[rtw.COUNSEL]),),
    "returns:case": (get(RT[rtw.READ], "case"),),
    "returns:case_action": (post(RT[rtw.COUNSEL], "case-action", RT[rtw.READ]),),
    "returns:refer": (get(RT[rtw.REFER], "person", P[pw.READ]),),
    "returns:figures": (get(RT[rtw.READ]),),
    # reports
    "reports:home": (get(RP[rpw.READ_PUBLISHED]),),
    "reports:exact": (get(RP[rpw.READ_EXACT]),),
    "reports:round": (get(RP[rpw.READ_PUBLISHED], "published-round"),),
    "reports:round_file": (get(RP[rpw.READ_PUBLISHED], "round-file"),),
    "reports:month": (get(RP[rpw.READ_PUBLISHED], "month"),),
    "reports:month_file": (get(RP[rpw.READ_PUBLISHED], "month-file"),),
    "reports:report_new": (post(RP[rpw.GENERATE]),),
    "reports:report": (get(RP[rpw.READ_PUBLISHED], "report"),),
    "reports:report_pdf": (get(RP[rpw.READ_PUBLISHED], "report"),),
    # estimation
    "estimation:home": (get(ESTIMATE),),
    "estimation:estimate": (get(ESTIMATE, "estimate"),),
    "estimation:publish": (post(ESTIMATE, "estimate"),),
    "estimation:lists": (get(ESTIMATE),),
    "estimation:list-delete": (post(ESTIMATE, "outside-list"),),
    # privacy: retention, erasure, subject access, rectification
    "privacy:home": (get(PRIVACY[privacy_access.Work.ADMINISTER]),),
    "privacy:export": (get(PRIVACY[privacy_access.Work.SUBJECT_ACCESS], "person", P[pw.READ]),),
    "privacy:erase": (get(PRIVACY[privacy_access.Work.ERASE], "person", P[pw.READ]),),
    "privacy:rectify": (get(PRIVACY[privacy_access.Work.RECTIFY], "person", P[pw.READ]),),
    # the public portal and its editors
    "portal_entry": (get(PUBLIC),),
    "portal:home": (get(PUBLIC),),
    "portal:page": (get(PUBLIC, "portal-page"),),
    "portal:eligibility": (get(PUBLIC),),
    "portal:apply": (get(PUBLIC), post(PUBLIC)),
    "portal:status": (get(PUBLIC), post(PUBLIC)),
    "portal_admin:pages": (get(EDIT_PORTAL),),
    "portal_admin:version": (get(EDIT_PORTAL, "portal-version"),),
    "portal_admin:publish": (post(EDIT_PORTAL, "portal-version"),),
    "portal_admin:edit": (get(EDIT_PORTAL, "portal-edit"),),
    # the API (every method the schema lists is here too)
    "api:token": (post(PUBLIC),),
    "api:me": (get(SIGNED_IN),),
    "api:schema": (get(PUBLIC),),  # partners generate clients from it
    "api:person-list": (get(P[pw.READ]), post(P[pw.REGISTER])),
    "api:person-detail": (get(P[pw.READ], "person"),),
    "api:person-timeline": (get(P[pw.READ], "person"),),
    "api:household-list": (get(P[pw.READ]), post(P[pw.EDIT])),
    "api:household-detail": (get(P[pw.READ], "household"),),
    "api:identity-pair-list": (get(LK[lkw.REVIEW]),),
    "api:identity-pair-detail": (get(LK[lkw.REVIEW], "pair"),),
    "api:identity-pair-decide": (post(LK[lkw.REVIEW], "pair"),),
    "api:identity-decision-list": (get(LK[lkw.REVIEW]),),
    "api:identity-decision-detail": (get(LK[lkw.REVIEW], "decision"),),
    "api:identity-decision-undo": (post(LK[lkw.REVIEW], "decision"),),
    "api:unique_people": (get(LK[lkw.COUNT]),),
    "api:reception-stay-list": (get(RC[rcw.READ]), post(RC[rcw.ACCOMMODATE])),
    "api:reception-stay-take-over": (post(RC[rcw.ACCOMMODATE]),),
    "api:reception-stay-detail": (get(RC[rcw.READ], "stay"),),
    "api:reception-service-list": (get(RC[rcw.READ]), post(RC[rcw.SERVE])),
    "api:reception-service-detail": (get(RC[rcw.READ], "service"),),
    "api:screening-list": (get(PR[prw.READ]), post(PR[prw.SCREEN])),
    "api:screening-detail": (get(PR[prw.READ], "screening"),),
    "api:case-list": (get(RT[rtw.COUNSEL]),),
    "api:case-detail": (get(RT[rtw.COUNSEL], "case"),),
    "api:case-advance": (post(RT[rtw.COUNSEL], "case"),),
    "api:dtm_operations": (get(RP[rpw.READ_PUBLISHED]),),
    "api:dtm_countries": (get(RP[rpw.READ_PUBLISHED]),),
    "api:dtm_presence": (get(RP[rpw.READ_PUBLISHED], "dtm-level"),),
    "api:report_tables": (get(RP[rpw.READ_PUBLISHED]),),
    "api:report_estimates": (get(RP[rpw.READ_PUBLISHED]),),
    "api:report_round_table": (get(RP[rpw.READ_PUBLISHED], "round-table"),),
    "api:report_month_table": (get(RP[rpw.READ_PUBLISHED], "month-table"),),
}

# Django's technical admin site (``admin:*``) is one entry: its own sign-in and its own
# permissions (staff accounts), checked on its index for every persona.
ADMIN_NAMESPACE = "admin"
ADMIN_CHECK = Check("GET", DJANGO_ADMIN, auth="admin", refused=frozenset({"sign-in"}))


def checks_for(route: Route) -> tuple[Check, ...] | None:
    if route.name.split(":")[0] == ADMIN_NAMESPACE:
        return (ADMIN_CHECK,) if route.name == "admin:index" else ()
    return TABLE.get(route.name)


# --- Expected and actual answers ---------------------------------------------------------

SIGN_IN, OK, REDIRECT, FORBIDDEN, NOT_FOUND = "sign-in", "ok", "redirect", "403", "404"


def expected(check: Check, user: User | None, place: Place, *, placed: bool) -> frozenset[str]:
    """What the contract says the answer is for ``user`` (None: not signed in) on an object
    at ``place`` (``placed``: the object has a place in the contract's terms)."""
    contract = check.contract
    if contract is PUBLIC:
        return check.done
    if user is None:
        return frozenset({SIGN_IN})
    if check.target == "none":
        return check.done if contract.anywhere(user) else check.refused
    seen = check.seen or contract
    visible = seen.at(user, place) if placed and seen.at else seen.anywhere(user)
    if not visible:
        # Out of scope: a record the user cannot see is one that does not exist. A user with
        # no role for the work anywhere may be refused before the lookup.
        if seen.anywhere(user) or contract.anywhere(user):
            return frozenset({NOT_FOUND})
        return check.refused | {NOT_FOUND}
    allowed = contract.at(user, place) if placed and contract.at else contract.anywhere(user)
    return check.done if allowed else check.refused


def outcome(status: int, location: str, *, check: Check) -> str:
    """The answer as the contract names it."""
    auth = check.auth
    if status in check.also_ok:
        return OK
    if status in (301, 302, 303):
        if "/accounts/login/" in location or (auth == "admin" and "/login/" in location):
            return SIGN_IN
        return REDIRECT
    if status == 401:
        return SIGN_IN
    if status == 403:
        return FORBIDDEN
    if status == 404:
        return NOT_FOUND
    if 200 <= status < 300 or status in (304, 400, 409):
        return OK
    return str(status)


@dataclass
class Tally:
    """The figure: what was asked and how much of it answered as the contract says."""

    routes: int = 0
    requests: int = 0
    as_contract: int = 0
    known: int = 0
    rows: list[str] = field(default_factory=list)

    def percent(self) -> float:
        return 100.0 * self.as_contract / self.requests if self.requests else 0.0


def iter_routes_with_checks() -> Iterator[tuple[Route, tuple[Check, ...]]]:
    for route in routes():
        checks = checks_for(route)
        if checks:
            yield route, checks


# --- The world: one object of each kind in scope (Lipa) and one out of it (Borići) --------


@dataclass(frozen=True)
class Sample:
    """One object a URL can point at: its label, the URL's values, and its place."""

    label: str
    values: dict[str, Any]
    place: Any = None


NOWHERE = Sample("-", {})
# Kinds whose objects have a place in their contract's terms; the others are national.
PLACED = {
    "person",
    "person-with-photo",
    "consent",
    "household",
    "stay",
    "service",
    "centre",
    "admission",
    "screening",
    "referral",
    "incident",
    "case",
    "case-action",
    "pair",
    "decision",
    "observation",
    "location",
    "own-token",
    "own-passkey",
    "own-grant",
}
OWN = Contract(
    "accounts: own records only",
    anywhere=_signed_in,
    at=lambda user, owner: _signed_in(user) and user.pk == owner.pk,
)
TABLE["accounts:token_revoke"] = (post(OWN, "own-token"),)
TABLE["accounts:passkey_remove"] = (post(OWN, "own-passkey"),)
TABLE["accounts:break_glass_end"] = (post(OWN, "own-grant"),)


def _jpeg() -> Any:
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (8, 8), (120, 80, 40)).save(buffer, format="JPEG")
    return SimpleUploadedFile("face.jpg", buffer.getvalue(), content_type="image/jpeg")


LIBRARY_FORM = b"""| survey |
|        | type | name | label |
|        | text | place | Place |
|        | image | photo | Photo |
| settings |
|          | form_id | version |
|          | matrix_survey | 1 |
"""


def _library_form(admin: User, enumerator: User) -> tuple[Any, Any]:
    """A published library form (no area) with one submission carrying a photo."""
    from waypoint.collect import services as collect_services

    version = collect_services.form_upload(actor=admin, name="matrix.md", content=LIBRARY_FORM)
    collect_services.version_publish(actor=admin, version=version)
    document = (
        b'<data id="matrix_survey" version="1"><place>Bihac</place><photo>photo.jpg</photo>'
        b"<meta><instanceID>uuid:matrix-0001</instanceID></meta></data>"
    )
    received, _new = collect_services.submission_receive(
        actor=enumerator,
        document=document,
        attachments=[collect_services.Attachment("photo.jpg", "image/jpeg", b"\xff\xd8\xff")],
    )
    return version, received


def build_world(personas: dict[str, User]) -> dict[str, list[Sample]]:
    """Every kind of object the routes point at, made through the apps' services where one
    exists (aggregate and technical rows without a service are made directly)."""
    from datetime import date, timedelta
    from decimal import Decimal

    from django.utils import timezone

    from waypoint.accounts.models import Assignment, Passkey
    from waypoint.accounts.tokens import token_issue
    from waypoint.estimation.models import ListKind, OutsideList, Source, StoredEstimate
    from waypoint.linkage import services as linkage_services
    from waypoint.linkage.models import CandidatePair, LinkageRun
    from waypoint.people import services as people_services
    from waypoint.people.models import ConsentMethod, Purpose
    from waypoint.portal.models import PageVersion
    from waypoint.portal.services import portal_content_load
    from waypoint.presence.models import Location, Observation, Round, RoundStatus
    from waypoint.protection import services as protection_services
    from waypoint.reception.services import service_record, stay_admit
    from waypoint.reports.models import Report, ReportKind, ReportStatus
    from waypoint.reports.publication import month_publication, round_publication
    from waypoint.returns import services as returns_services

    admin = personas["admin"]
    born = date(1994, 4, 4)
    world: dict[str, list[Sample]] = {kind: [] for kind in PLACED}

    def register(site: Site, given: str) -> Any:
        return people_services.person_register(
            actor=admin,
            site=site,
            given_name=given,
            family_name="Matrixović",
            sex="M",
            birth_date=born,
            nationality="AFG",
        )

    for label, code in (("lipa", "TRC-LIP"), ("borici", "TRC-BOR")):
        site = Site.objects.get(code=code)
        person = register(site, f"Resident{label.title()}")
        stay = stay_admit(actor=admin, person=person, site=site)
        person.refresh_from_db()
        twin = register(site, f"Twin{label.title()}")
        waiting = register(site, f"Waiting{label.title()}")  # registered, not admitted
        people_services.person_photo_set(actor=admin, person=person, photo=_jpeg())
        consent = people_services.consent_record(
            actor=admin,
            person=person,
            purpose=Purpose.PROTECTION,
            method=ConsentMethod.SIGNED,
            recipients=["health_centre"],
        )
        household = people_services.household_register(actor=admin, head=person)
        service = service_record(
            actor=admin, site=site, kind="medical", delivered_on=date.today(), person=person
        )
        screening = protection_services.screening_record(actor=admin, person=person, answers={})
        referral = protection_services.referral_create(
            actor=admin, person=person, recipient="health_centre", screening=screening
        )
        incident = protection_services.incident_record(
            actor=admin,
            kind="physical_violence",
            occurred_on=date.today(),
            site=site,
            narrative="A matrix test incident.",
        )
        case = returns_services.case_open(
            actor=admin,
            source="centre",
            principal=person,
            return_country="AFG",
            return_city="Herat",
        )
        left, right = sorted((person, twin), key=lambda one: one.pk)
        pair = CandidatePair.objects.create(
            left=left, right=right, probability=0.7, status="pending"
        )
        decided_left, decided_right = sorted((twin, waiting), key=lambda one: one.pk)
        decided = CandidatePair.objects.create(
            left=decided_left, right=decided_right, probability=0.6, status="pending"
        )
        decision = linkage_services.pair_decide(actor=admin, pair=decided, decision="different")
        ids = {"person_id": person.pk, "pk": person.pk}
        world["person"].append(Sample(label, ids, site))
        world["person-with-photo"].append(Sample(label, ids, site))
        world["consent"].append(
            Sample(label, {"person_id": person.pk, "consent_id": consent.pk}, site)
        )
        world["household"].append(Sample(label, {"pk": household.pk}, site))
        world["stay"].append(Sample(label, {"stay_id": stay.pk, "pk": stay.pk}, site))
        world["service"].append(Sample(label, {"pk": service.pk}, site))
        world["centre"].append(Sample(label, {"code": code}, site))
        world["admission"].append(
            Sample(label, {"code": code, "number": waiting.registration_number}, site)
        )
        world["screening"].append(
            Sample(label, {"screening_id": screening.pk, "pk": screening.pk}, site)
        )
        world["referral"].append(Sample(label, {"referral_id": referral.pk}, site))
        world["incident"].append(Sample(label, {"incident_id": incident.pk}, site))
        world["case"].append(Sample(label, {"case_id": case.pk, "pk": case.pk}, site))
        world["case-action"].append(Sample(label, {"case_id": case.pk, "action": "take"}, site))
        world["pair"].append(Sample(label, {"pair_id": pair.pk, "pk": pair.pk}, site))
        world["decision"].append(
            Sample(label, {"decision_id": decision.pk, "pk": decision.pk}, site)
        )

    # Presence: one collecting round, locations inside the enumerator's canton and outside.
    collecting = Round.objects.create(
        number=41, snapshot_date=date.today(), status=RoundStatus.COLLECTING
    )
    for label, code, municipality in (
        ("una-sana", "MX-BIH", "BA0101001"),
        ("sarajevo", "MX-SA", "BA0109006"),
    ):
        area = Area.objects.get(code=municipality)
        location = Location.objects.create(
            code=code,
            name=f"Matrix site {code}",
            municipality=area,
            type="abandoned_building",
            latitude=Decimal("44.81"),
            longitude=Decimal("15.87"),
            active_from=date(2026, 1, 1),
        )
        Observation.objects.create(
            round=collecting,
            location=location,
            observed_on=date.today(),
            migrants_observed=12,
            not_in_trc=12,
            adult_men=12,
            nationalities={"AFG": 12},
            source="web",
        )
        world["location"].append(Sample(label, {"code": code}, area))
        world["observation"].append(
            Sample(label, {"number": collecting.number, "code": code}, area)
        )

    published = Round.objects.create(
        number=42, snapshot_date=date.today() - timedelta(days=1), status=RoundStatus.PUBLISHED
    )
    round_key = next(iter(round_publication(published, record=False).tables))
    month = date.today().strftime("%Y-%m")
    month_key = next(iter(month_publication(date.today().replace(day=1), record=False).tables))
    report = Report.objects.create(
        kind=ReportKind.PRESENCE,
        round_number=published.number,
        language="en",
        status=ReportStatus.DONE,
        pdf=b"%PDF-1.4 matrix",
        requested_by=admin,
        finished_at=timezone.now(),
    )
    estimate = StoredEstimate.objects.create(
        source=Source.REGISTRY,
        first_day=date(2026, 1, 1),
        last_day=date(2026, 3, 31),
        area_code="BA0101",
        lists=["centres", "screenings"],
        histories=[[1, 0, 40], [0, 1, 30], [1, 1, 10]],
        options={"criterion": "aic"},
        result={"estimate": 120.0, "ci_low": 100.0, "ci_high": 150.0, "observed": 80},
    )
    outside = OutsideList.objects.create(
        name="Matrix list",
        kind=ListKind.values[0],
        first_day=date(2026, 1, 1),
        last_day=date(2026, 3, 31),
        imported_by=admin,
    )
    run = LinkageRun.objects.create(threshold=0.95, review_floor=0.5, started_by=admin)
    library, received = _library_form(admin, personas["enumerator"])
    portal_content_load()
    version = PageVersion.objects.select_related("page").filter(language="en").first()
    assert version is not None, "the portal's seed content has English pages"
    registrar = personas["registrar.lipa"]
    _token, _key = token_issue(user=registrar, name="matrix")
    assignment = Assignment.objects.filter(user=registrar).first()
    assert assignment is not None

    national = {
        "site-code": {"code": "TRC-LIP"},
        "run": {"run_id": run.pk},
        "round": {"number": collecting.number},
        "flow-kind": {"kind": "count"},
        "openrosa-form": {"form_id": "presence_location"},
        "openrosa-media": {"form_id": "presence_location", "name": "locations.csv"},
        "library-form": {"form_pk": library.form.pk},
        "library-version": {"form_pk": library.form.pk, "version_pk": library.pk},
        "library-submission": {"form_pk": library.form.pk, "submission_pk": received.pk},
        "library-attachment": {
            "form_pk": library.form.pk,
            "submission_pk": received.pk,
            "name": "photo.jpg",
        },
        "published-round": {"number": published.number},
        "round-file": {"number": published.number, "name": "tables.xlsx"},
        "round-table": {"number": published.number, "key": round_key},
        "month": {"month": month},
        "month-file": {"month": month, "name": "tables.xlsx"},
        "month-table": {"month": month, "key": month_key},
        "report": {"report_id": report.pk},
        "estimate": {"estimate_id": estimate.pk},
        "outside-list": {"list_id": outside.pk},
        "portal-page": {"slug": version.page.slug},
        "portal-version": {"pk": version.pk},
        "portal-edit": {"slug": version.page.slug, "language": "en"},
        "user": {"user_id": registrar.pk},
        "assignment": {"assignment_id": assignment.pk},
        "dtm-level": {"level": "admin1"},
    }
    for kind, values in national.items():
        world[kind] = [Sample("-", values)]
    world["own-token"] = [Sample("registrar's", {"token_id": _token.pk}, registrar)]
    passkey = Passkey.objects.create(
        user=registrar,
        name="matrix",
        credential_id="bWF0cml4LWNyZWRlbnRpYWw",
        public_key=b"matrix",
        confirmed=True,
    )
    world["own-passkey"] = [Sample("registrar's", {"passkey_id": passkey.pk}, registrar)]
    grant = break_glass.break_glass_start(
        actor=registrar, site=None, reason="A matrix test of emergency access.", minutes=30
    )
    world["own-grant"] = [Sample("registrar's", {"grant_id": grant.pk}, registrar)]
    world["none"] = [NOWHERE]
    return world
