"""Every field of every model, classified: public, internal, personal or sensitive.

``CLASSIFICATION`` maps ``"app_label.Model.field"`` to a ``Level`` for every concrete field
(and every many-to-many) of every Waypoint model. Third-party models (Django's own,
django-axes, django-otp, django-tasks) are classified per model with one
``"app_label.Model.*"`` entry, since their fields are not ours to change.
``privacy/tests/test_every_field_is_classified.py`` fails on a field added without a level
and on an entry whose field is gone, so this table stays the whole truth.

Erasure and subject access export read it through ``fields_at(level)``; field encryption
is checked against it: every free-text field classified SENSITIVE is encrypted
(``core.crypto.register_encrypted_field``) or listed, with its reason, in
``SENSITIVE_NOT_ENCRYPTED``.
"""

from __future__ import annotations

import enum

from django.apps import apps
from django.db import models


class Level(enum.StrEnum):
    """How much harm a field's value can do if it reaches the wrong person.

    PUBLIC: published on purpose, or fit to be (places and their P-codes, portal pages,
        tables released after disclosure control).
    INTERNAL: operational data about the work, not about a person (ids, statuses, counts,
        who on the staff recorded a row, when); shown to staff, not published.
    PERSONAL: identifies or describes a person, staff or migrant (names, dates of birth,
        documents, where someone stays, a staff account's sign-ins); read only through
        scoped queries, exported with an audit event, erased with the person.
    SENSITIVE: special-category data: health, protection, sexual orientation,
        vulnerability, protection narratives, contact details of return applicants. Held
        encrypted at rest when it is free text, or listed in ``SENSITIVE_NOT_ENCRYPTED``
        with the reason (codes and yes/no answers that cannot be encrypted without losing
        the counts made from them).

    Credentials (password hashes, API token digests, MFA devices) are PERSONAL: they are
    protected by hashing and by their own packages, not by this table.
    """

    PUBLIC = "public"
    INTERNAL = "internal"
    PERSONAL = "personal"
    SENSITIVE = "sensitive"


PUBLIC = Level.PUBLIC
INTERNAL = Level.INTERNAL
PERSONAL = Level.PERSONAL
SENSITIVE = Level.SENSITIVE

WHOLE_MODEL = "*"

CLASSIFICATION: dict[str, Level] = {
    # accounts.DigestSecret: HTTP Digest HA1 values, password-equivalents for the realm
    "accounts.DigestSecret.user": PERSONAL,
    "accounts.DigestSecret.username": PERSONAL,
    "accounts.DigestSecret.ha1_md5": SENSITIVE,
    "accounts.DigestSecret.ha1_sha256": SENSITIVE,
    "accounts.DigestSecret.derived_at": INTERNAL,
    # accounts.ApiToken: the token itself is never stored, only its digest
    "accounts.ApiToken.id": INTERNAL,
    "accounts.ApiToken.user": PERSONAL,
    "accounts.ApiToken.name": INTERNAL,
    "accounts.ApiToken.prefix": INTERNAL,
    "accounts.ApiToken.digest": PERSONAL,
    "accounts.ApiToken.created_at": INTERNAL,
    "accounts.ApiToken.expires_at": INTERNAL,
    "accounts.ApiToken.last_used_at": INTERNAL,
    "accounts.ApiToken.revoked_at": INTERNAL,
    # accounts.Assignment: which role a staff member holds where
    "accounts.Assignment.id": INTERNAL,
    "accounts.Assignment.user": PERSONAL,
    "accounts.Assignment.role": INTERNAL,
    "accounts.Assignment.site": INTERNAL,
    "accounts.Assignment.area": INTERNAL,
    "accounts.Assignment.created_at": INTERNAL,
    "accounts.Assignment.created_by": INTERNAL,
    # accounts.BreakGlass: emergency access: who, where, why (the reason may name the person
    # concerned)
    "accounts.BreakGlass.id": INTERNAL,
    "accounts.BreakGlass.user": PERSONAL,
    "accounts.BreakGlass.site": INTERNAL,
    "accounts.BreakGlass.reason": PERSONAL,
    "accounts.BreakGlass.started_at": INTERNAL,
    "accounts.BreakGlass.expires_at": INTERNAL,
    "accounts.BreakGlass.ended_at": INTERNAL,
    # accounts.Passkey: a staff member's WebAuthn credential (public key only)
    "accounts.Passkey.id": INTERNAL,
    "accounts.Passkey.name": PERSONAL,
    "accounts.Passkey.confirmed": INTERNAL,
    "accounts.Passkey.user": PERSONAL,
    "accounts.Passkey.credential_id": PERSONAL,
    "accounts.Passkey.public_key": PERSONAL,
    "accounts.Passkey.sign_count": INTERNAL,
    "accounts.Passkey.transports": INTERNAL,
    "accounts.Passkey.created_at": INTERNAL,
    "accounts.Passkey.last_used_at": INTERNAL,
    # accounts.User: staff accounts: a staff member is a person too; the password is a hash
    "accounts.User.id": INTERNAL,
    "accounts.User.password": PERSONAL,
    "accounts.User.last_login": PERSONAL,
    "accounts.User.is_superuser": INTERNAL,
    "accounts.User.email": PERSONAL,
    "accounts.User.full_name": PERSONAL,
    "accounts.User.preferred_language": PERSONAL,
    "accounts.User.is_active": INTERNAL,
    "accounts.User.is_staff": INTERNAL,
    "accounts.User.date_joined": INTERNAL,
    "accounts.User.sessions_epoch": INTERNAL,
    "accounts.User.groups": INTERNAL,
    "accounts.User.user_permissions": INTERNAL,
    # audit.AuditEvent: who did what to whom: names field names, never values
    "audit.AuditEvent.id": INTERNAL,
    "audit.AuditEvent.sequence": INTERNAL,
    "audit.AuditEvent.occurred_at": INTERNAL,
    "audit.AuditEvent.actor": PERSONAL,
    "audit.AuditEvent.actor_label": PERSONAL,
    "audit.AuditEvent.action": INTERNAL,
    "audit.AuditEvent.object_type": INTERNAL,
    "audit.AuditEvent.object_id": PERSONAL,
    "audit.AuditEvent.person_id": PERSONAL,
    "audit.AuditEvent.request_id": PERSONAL,
    "audit.AuditEvent.ip_address": PERSONAL,
    "audit.AuditEvent.purpose": PERSONAL,
    "audit.AuditEvent.changed_fields": INTERNAL,
    "audit.AuditEvent.object_ids": PERSONAL,
    "audit.AuditEvent.previous_hash": INTERNAL,
    "audit.AuditEvent.hash": INTERNAL,
    # audit.ChainHead
    "audit.ChainHead.id": INTERNAL,
    "audit.ChainHead.last_sequence": INTERNAL,
    "audit.ChainHead.last_hash": INTERNAL,
    "audit.ChainHead.signature": INTERNAL,
    # estimation.OutsideList
    "estimation.OutsideList.id": INTERNAL,
    "estimation.OutsideList.name": INTERNAL,
    "estimation.OutsideList.kind": INTERNAL,
    "estimation.OutsideList.first_day": INTERNAL,
    "estimation.OutsideList.last_day": INTERNAL,
    "estimation.OutsideList.area": INTERNAL,
    "estimation.OutsideList.rows": INTERNAL,
    "estimation.OutsideList.registered": INTERNAL,
    "estimation.OutsideList.earlier": INTERNAL,
    "estimation.OutsideList.imported_by": INTERNAL,
    "estimation.OutsideList.imported_at": INTERNAL,
    "estimation.OutsideList.is_synthetic": INTERNAL,
    # estimation.OutsideRecord: a row of another organisation's list
    "estimation.OutsideRecord.id": INTERNAL,
    "estimation.OutsideRecord.outside_list": INTERNAL,
    "estimation.OutsideRecord.row_id": PERSONAL,
    "estimation.OutsideRecord.person": PERSONAL,
    "estimation.OutsideRecord.same_as": PERSONAL,
    "estimation.OutsideRecord.sex": PERSONAL,
    "estimation.OutsideRecord.birth_year": PERSONAL,
    "estimation.OutsideRecord.nationality": PERSONAL,
    "estimation.OutsideRecord.linkage": PERSONAL,
    # estimation.StoredEstimate: aggregate list counts and model results
    "estimation.StoredEstimate.id": INTERNAL,
    "estimation.StoredEstimate.source": INTERNAL,
    "estimation.StoredEstimate.first_day": INTERNAL,
    "estimation.StoredEstimate.last_day": INTERNAL,
    "estimation.StoredEstimate.area_code": INTERNAL,
    "estimation.StoredEstimate.lists": INTERNAL,
    "estimation.StoredEstimate.histories": INTERNAL,
    "estimation.StoredEstimate.options": INTERNAL,
    "estimation.StoredEstimate.result": INTERNAL,
    "estimation.StoredEstimate.created_by": INTERNAL,
    "estimation.StoredEstimate.created_at": INTERNAL,
    "estimation.StoredEstimate.published_at": INTERNAL,
    "estimation.StoredEstimate.published_by": INTERNAL,
    # linkage.CandidatePair: two registrations and how alike their names and dates are
    "linkage.CandidatePair.id": INTERNAL,
    "linkage.CandidatePair.left": PERSONAL,
    "linkage.CandidatePair.right": PERSONAL,
    "linkage.CandidatePair.probability": PERSONAL,
    "linkage.CandidatePair.contributions": PERSONAL,
    "linkage.CandidatePair.status": INTERNAL,
    "linkage.CandidatePair.run": INTERNAL,
    "linkage.CandidatePair.updated_at": INTERNAL,
    # linkage.IdentityGroup
    "linkage.IdentityGroup.canonical": PERSONAL,
    "linkage.IdentityGroup.size": INTERNAL,
    "linkage.IdentityGroup.weakest_link": INTERNAL,
    "linkage.IdentityGroup.updated_at": INTERNAL,
    # linkage.IdentityLink
    "linkage.IdentityLink.person": PERSONAL,
    "linkage.IdentityLink.canonical": PERSONAL,
    "linkage.IdentityLink.updated_at": INTERNAL,
    # linkage.LinkageRun: run statistics, no person
    "linkage.LinkageRun.id": INTERNAL,
    "linkage.LinkageRun.started_by": INTERNAL,
    "linkage.LinkageRun.created_at": INTERNAL,
    "linkage.LinkageRun.started_at": INTERNAL,
    "linkage.LinkageRun.finished_at": INTERNAL,
    "linkage.LinkageRun.status": INTERNAL,
    "linkage.LinkageRun.progress": INTERNAL,
    "linkage.LinkageRun.step": INTERNAL,
    "linkage.LinkageRun.threshold": INTERNAL,
    "linkage.LinkageRun.review_floor": INTERNAL,
    "linkage.LinkageRun.records": INTERNAL,
    "linkage.LinkageRun.pairs": INTERNAL,
    "linkage.LinkageRun.linked": INTERNAL,
    "linkage.LinkageRun.queued": INTERNAL,
    "linkage.LinkageRun.groups": INTERNAL,
    "linkage.LinkageRun.groups_high": INTERNAL,
    "linkage.LinkageRun.groups_low": INTERNAL,
    "linkage.LinkageRun.strict_cutoff": INTERNAL,
    "linkage.LinkageRun.loose_cutoff": INTERNAL,
    "linkage.LinkageRun.model": INTERNAL,
    "linkage.LinkageRun.error": INTERNAL,
    # linkage.PairDecision: the reviewer's note may name the people compared
    "linkage.PairDecision.id": INTERNAL,
    "linkage.PairDecision.pair": INTERNAL,
    "linkage.PairDecision.before": INTERNAL,
    "linkage.PairDecision.after": INTERNAL,
    "linkage.PairDecision.decided_by": INTERNAL,
    "linkage.PairDecision.decided_at": INTERNAL,
    "linkage.PairDecision.note": PERSONAL,
    "linkage.PairDecision.undoes": INTERNAL,
    # people.Consent
    "people.Consent.id": INTERNAL,
    "people.Consent.person": PERSONAL,
    "people.Consent.purpose": PERSONAL,
    "people.Consent.recipients": PERSONAL,
    "people.Consent.method": PERSONAL,
    "people.Consent.given_on": PERSONAL,
    "people.Consent.witness": PERSONAL,
    "people.Consent.recorded_by": INTERNAL,
    "people.Consent.withdrawn_on": PERSONAL,
    # people.Guardian: a guardian is appointed for an unaccompanied child (a vulnerability);
    # the guardian's own details are personal
    "people.Guardian.id": INTERNAL,
    "people.Guardian.child": SENSITIVE,
    "people.Guardian.name": PERSONAL,
    "people.Guardian.institution": PERSONAL,
    "people.Guardian.phone": PERSONAL,
    "people.Guardian.appointed_on": PERSONAL,
    # people.Household
    "people.Household.id": INTERNAL,
    "people.Household.head": PERSONAL,
    "people.Household.created_at": INTERNAL,
    # people.HouseholdMember
    "people.HouseholdMember.id": INTERNAL,
    "people.HouseholdMember.household": PERSONAL,
    "people.HouseholdMember.person": PERSONAL,
    "people.HouseholdMember.relationship": PERSONAL,
    # people.IdentityDocument
    "people.IdentityDocument.id": INTERNAL,
    "people.IdentityDocument.person": PERSONAL,
    "people.IdentityDocument.kind": PERSONAL,
    "people.IdentityDocument.number": PERSONAL,
    "people.IdentityDocument.issuing_country": PERSONAL,
    "people.IdentityDocument.expires_on": PERSONAL,
    # people.NameKey: search keys derived from names
    "people.NameKey.id": INTERNAL,
    "people.NameKey.person": PERSONAL,
    "people.NameKey.key": PERSONAL,
    # people.Person: a registration: everything that identifies or describes the person; being
    # an unaccompanied child is a vulnerability
    "people.Person.id": INTERNAL,
    "people.Person.registration_number": PERSONAL,
    "people.Person.serial": INTERNAL,
    "people.Person.given_name": PERSONAL,
    "people.Person.family_name": PERSONAL,
    "people.Person.father_name": PERSONAL,
    "people.Person.given_name_original": PERSONAL,
    "people.Person.family_name_original": PERSONAL,
    "people.Person.father_name_original": PERSONAL,
    "people.Person.mother_name": PERSONAL,
    "people.Person.mother_name_original": PERSONAL,
    "people.Person.sex": PERSONAL,
    "people.Person.birth_date": PERSONAL,
    "people.Person.birth_date_precision": PERSONAL,
    "people.Person.nationality": PERSONAL,
    "people.Person.country_of_birth": PERSONAL,
    "people.Person.place_of_birth": PERSONAL,
    "people.Person.languages": PERSONAL,
    "people.Person.phone": PERSONAL,
    "people.Person.photo": PERSONAL,
    "people.Person.arrived_on": PERSONAL,
    "people.Person.entry_point": PERSONAL,
    "people.Person.asylum_intention": PERSONAL,
    "people.Person.asylum_certificate_on": PERSONAL,
    "people.Person.legal_basis": INTERNAL,
    "people.Person.purposes": INTERNAL,
    "people.Person.notice_language": PERSONAL,
    "people.Person.unaccompanied": SENSITIVE,
    "people.Person.registered_by": INTERNAL,
    "people.Person.registered_at": INTERNAL,
    "people.Person.registered_on": PERSONAL,
    "people.Person.last_seen_at": PERSONAL,
    "people.Person.last_seen_on": PERSONAL,
    "people.Person.is_synthetic": INTERNAL,
    "people.Person.created_at": INTERNAL,
    "people.Person.updated_at": INTERNAL,
    # places.Area: administrative areas and their P-codes are published
    "places.Area.id": PUBLIC,
    "places.Area.code": PUBLIC,
    "places.Area.name": PUBLIC,
    "places.Area.level": PUBLIC,
    "places.Area.parent": PUBLIC,
    "places.Area.path": PUBLIC,
    "places.Area.population_2013": PUBLIC,
    "places.Area.boundary_svg": PUBLIC,
    # places.Site: centres and sites are public places
    "places.Site.id": PUBLIC,
    "places.Site.code": PUBLIC,
    "places.Site.name": PUBLIC,
    "places.Site.kind": PUBLIC,
    "places.Site.municipality": PUBLIC,
    "places.Site.latitude": PUBLIC,
    "places.Site.longitude": PUBLIC,
    "places.Site.capacity": PUBLIC,
    "places.Site.population_profile": PUBLIC,
    "places.Site.operator": PUBLIC,
    "places.Site.is_open": PUBLIC,
    "places.Site.registration_prefix": INTERNAL,
    # portal.Page: the public portal's pages
    "portal.Page.id": PUBLIC,
    "portal.Page.slug": PUBLIC,
    "portal.Page.kind": PUBLIC,
    "portal.Page.country": PUBLIC,
    "portal.Page.order": PUBLIC,
    # portal.PageVersion
    "portal.PageVersion.id": PUBLIC,
    "portal.PageVersion.page": PUBLIC,
    "portal.PageVersion.language": PUBLIC,
    "portal.PageVersion.number": PUBLIC,
    "portal.PageVersion.title": PUBLIC,
    "portal.PageVersion.body": PUBLIC,
    "portal.PageVersion.is_published": PUBLIC,
    "portal.PageVersion.edited_by": INTERNAL,
    "portal.PageVersion.edited_at": INTERNAL,
    # collect.Form: a questionnaire in the library
    "collect.Form.id": INTERNAL,
    "collect.Form.form_id": INTERNAL,
    "collect.Form.title": INTERNAL,
    "collect.Form.state": INTERNAL,
    "collect.Form.builtin": INTERNAL,
    "collect.Form.submit_roles": INTERNAL,
    "collect.Form.area": INTERNAL,
    "collect.Form.created_by": INTERNAL,
    "collect.Form.created_at": INTERNAL,
    "collect.Form.updated_at": INTERNAL,
    # collect.FormVersion: the XLSForm as uploaded and its XForm
    "collect.FormVersion.id": INTERNAL,
    "collect.FormVersion.form": INTERNAL,
    "collect.FormVersion.version": INTERNAL,
    "collect.FormVersion.title": INTERNAL,
    "collect.FormVersion.source_name": INTERNAL,
    "collect.FormVersion.source": INTERNAL,
    "collect.FormVersion.xml": INTERNAL,
    "collect.FormVersion.xml_md5": INTERNAL,
    "collect.FormVersion.warnings": INTERNAL,
    "collect.FormVersion.encrypted": INTERNAL,
    "collect.FormVersion.uploaded_by": INTERNAL,
    "collect.FormVersion.uploaded_at": INTERNAL,
    "collect.FormVersion.published_at": INTERNAL,
    # collect.FormMedia: CSV lists and images a form shows on the phone
    "collect.FormMedia.id": INTERNAL,
    "collect.FormMedia.version": INTERNAL,
    "collect.FormMedia.name": INTERNAL,
    "collect.FormMedia.content_type": INTERNAL,
    "collect.FormMedia.content": INTERNAL,
    "collect.FormMedia.md5": INTERNAL,
    "collect.FormMedia.uploaded_at": INTERNAL,
    # collect.Submission: the raw submission holds the survey answers
    "collect.Submission.id": INTERNAL,
    "collect.Submission.instance_id": INTERNAL,
    "collect.Submission.form": INTERNAL,
    "collect.Submission.form_version": INTERNAL,
    "collect.Submission.received_at": INTERNAL,
    "collect.Submission.submitted_by": INTERNAL,
    "collect.Submission.xml": PERSONAL,
    "collect.Submission.encrypted": INTERNAL,
    # collect.SubmissionAttachment: photos and files sent with a submission
    "collect.SubmissionAttachment.id": INTERNAL,
    "collect.SubmissionAttachment.submission": INTERNAL,
    "collect.SubmissionAttachment.name": INTERNAL,
    "collect.SubmissionAttachment.content_type": INTERNAL,
    "collect.SubmissionAttachment.content": PERSONAL,
    # presence.CheckConfirmation
    "presence.CheckConfirmation.id": INTERNAL,
    "presence.CheckConfirmation.round": INTERNAL,
    "presence.CheckConfirmation.check_code": INTERNAL,
    "presence.CheckConfirmation.location": INTERNAL,
    "presence.CheckConfirmation.note": INTERNAL,
    "presence.CheckConfirmation.confirmed_by": INTERNAL,
    "presence.CheckConfirmation.confirmed_at": INTERNAL,
    # presence.FlowCount: counts of people passing, no person
    "presence.FlowCount.id": INTERNAL,
    "presence.FlowCount.point": INTERNAL,
    "presence.FlowCount.counted_at": INTERNAL,
    "presence.FlowCount.men": INTERNAL,
    "presence.FlowCount.women": INTERNAL,
    "presence.FlowCount.boys": INTERNAL,
    "presence.FlowCount.girls": INTERNAL,
    "presence.FlowCount.nationality": INTERNAL,
    "presence.FlowCount.previous_transit_point": INTERNAL,
    "presence.FlowCount.next_destination": INTERNAL,
    "presence.FlowCount.final_destination": INTERNAL,
    "presence.FlowCount.transport_mode": INTERNAL,
    "presence.FlowCount.direction": INTERNAL,
    "presence.FlowCount.submission": INTERNAL,
    "presence.FlowCount.entered_by": INTERNAL,
    # presence.FlowPoint
    "presence.FlowPoint.id": INTERNAL,
    "presence.FlowPoint.site": INTERNAL,
    "presence.FlowPoint.point_type": INTERNAL,
    "presence.FlowPoint.transport_modes": INTERNAL,
    "presence.FlowPoint.directions": INTERNAL,
    # presence.FlowSurvey: an anonymous interview: describes one person without naming them;
    # abuse indicators are protection data
    "presence.FlowSurvey.id": INTERNAL,
    "presence.FlowSurvey.point": INTERNAL,
    "presence.FlowSurvey.surveyed_on": INTERNAL,
    "presence.FlowSurvey.sex": PERSONAL,
    "presence.FlowSurvey.age": PERSONAL,
    "presence.FlowSurvey.nationality": PERSONAL,
    "presence.FlowSurvey.country_of_departure": PERSONAL,
    "presence.FlowSurvey.education": PERSONAL,
    "presence.FlowSurvey.occupation_before": PERSONAL,
    "presence.FlowSurvey.reasons": PERSONAL,
    "presence.FlowSurvey.transit_countries": PERSONAL,
    "presence.FlowSurvey.journey_cost_eur": PERSONAL,
    "presence.FlowSurvey.journey_days": PERSONAL,
    "presence.FlowSurvey.travelling_with": PERSONAL,
    "presence.FlowSurvey.intended_destination": PERSONAL,
    "presence.FlowSurvey.needs": PERSONAL,
    "presence.FlowSurvey.abuse_indicators": SENSITIVE,
    "presence.FlowSurvey.intends_to_return": PERSONAL,
    "presence.FlowSurvey.submission": INTERNAL,
    # presence.Location: informal sites: kept internal, since publishing them can put people at
    # risk
    "presence.Location.id": INTERNAL,
    "presence.Location.code": INTERNAL,
    "presence.Location.name": INTERNAL,
    "presence.Location.type": INTERNAL,
    "presence.Location.municipality": INTERNAL,
    "presence.Location.latitude": INTERNAL,
    "presence.Location.longitude": INTERNAL,
    "presence.Location.active_from": INTERNAL,
    "presence.Location.active_until": INTERNAL,
    "presence.Location.merged_into": INTERNAL,
    # presence.LocationEvent
    "presence.LocationEvent.id": INTERNAL,
    "presence.LocationEvent.location": INTERNAL,
    "presence.LocationEvent.kind": INTERNAL,
    "presence.LocationEvent.effective_on": INTERNAL,
    "presence.LocationEvent.changed_fields": INTERNAL,
    "presence.LocationEvent.note": INTERNAL,
    "presence.LocationEvent.recorded_by": INTERNAL,
    "presence.LocationEvent.recorded_at": INTERNAL,
    # presence.Observation: counts per location, no person
    "presence.Observation.id": INTERNAL,
    "presence.Observation.round": INTERNAL,
    "presence.Observation.location": INTERNAL,
    "presence.Observation.observed_on": INTERNAL,
    "presence.Observation.migrants_observed": INTERNAL,
    "presence.Observation.not_in_trc": INTERNAL,
    "presence.Observation.adult_men": INTERNAL,
    "presence.Observation.adult_women": INTERNAL,
    "presence.Observation.boys": INTERNAL,
    "presence.Observation.girls": INTERNAL,
    "presence.Observation.unaccompanied_children": INTERNAL,
    "presence.Observation.nationalities": INTERNAL,
    "presence.Observation.needs": INTERNAL,
    "presence.Observation.access_notes": INTERNAL,
    "presence.Observation.weather_notes": INTERNAL,
    "presence.Observation.team": INTERNAL,
    "presence.Observation.source": INTERNAL,
    "presence.Observation.gps_latitude": INTERNAL,
    "presence.Observation.gps_longitude": INTERNAL,
    "presence.Observation.gps_accuracy": INTERNAL,
    "presence.Observation.submission": INTERNAL,
    "presence.Observation.entered_by": INTERNAL,
    "presence.Observation.corrected": INTERNAL,
    # presence.Round
    "presence.Round.id": INTERNAL,
    "presence.Round.number": INTERNAL,
    "presence.Round.snapshot_date": INTERNAL,
    "presence.Round.status": INTERNAL,
    "presence.Round.teams": INTERNAL,
    "presence.Round.enumerators_male": INTERNAL,
    "presence.Round.enumerators_female": INTERNAL,
    "presence.Round.sfa_staff_male": INTERNAL,
    "presence.Round.sfa_staff_female": INTERNAL,
    "presence.Round.red_cross_staff_male": INTERNAL,
    "presence.Round.red_cross_staff_female": INTERNAL,
    "presence.Round.change_threshold": INTERNAL,
    "presence.Round.published_at": INTERNAL,
    "presence.Round.published_by": INTERNAL,
    # privacy.Erasure: the id of an erased registration and why
    "privacy.Erasure.id": INTERNAL,
    "privacy.Erasure.person_pk": PERSONAL,
    "privacy.Erasure.reason": PERSONAL,
    "privacy.Erasure.counts": INTERNAL,
    "privacy.Erasure.erased_at": INTERNAL,
    "privacy.Erasure.erased_by": INTERNAL,
    # privacy.RetentionRun: counts, never values
    "privacy.RetentionRun.id": INTERNAL,
    "privacy.RetentionRun.schedule": INTERNAL,
    "privacy.RetentionRun.today": INTERNAL,
    "privacy.RetentionRun.dry_run": INTERNAL,
    "privacy.RetentionRun.records": INTERNAL,
    "privacy.RetentionRun.counts": INTERNAL,
    "privacy.RetentionRun.ran_at": INTERNAL,
    "privacy.RetentionRun.ran_by": INTERNAL,
    # protection.Incident: confidential protection incidents
    "protection.Incident.id": INTERNAL,
    "protection.Incident.kind": SENSITIVE,
    "protection.Incident.occurred_on": PERSONAL,
    "protection.Incident.site": INTERNAL,
    "protection.Incident.person": SENSITIVE,
    "protection.Incident.narrative_token": SENSITIVE,
    "protection.Incident.status": PERSONAL,
    "protection.Incident.recorded_by": INTERNAL,
    "protection.Incident.recorded_at": INTERNAL,
    "protection.Incident.updated_at": INTERNAL,
    # protection.OutreachContact: a mobile team's contact; needs and services given include
    # health and protection
    "protection.OutreachContact.id": INTERNAL,
    "protection.OutreachContact.contacted_on": INTERNAL,
    "protection.OutreachContact.municipality": INTERNAL,
    "protection.OutreachContact.location": PERSONAL,
    "protection.OutreachContact.person": PERSONAL,
    "protection.OutreachContact.sex": PERSONAL,
    "protection.OutreachContact.age_group": PERSONAL,
    "protection.OutreachContact.nationality": PERSONAL,
    "protection.OutreachContact.needs": SENSITIVE,
    "protection.OutreachContact.services": SENSITIVE,
    "protection.OutreachContact.referral_made": PERSONAL,
    "protection.OutreachContact.notes": SENSITIVE,
    "protection.OutreachContact.recorded_by": INTERNAL,
    "protection.OutreachContact.recorded_at": INTERNAL,
    # protection.Referral: whom a person is referred to (a health centre, an anti-trafficking
    # coordinator) and why
    "protection.Referral.id": INTERNAL,
    "protection.Referral.person": SENSITIVE,
    "protection.Referral.recipient": SENSITIVE,
    "protection.Referral.recipient_name": PERSONAL,
    "protection.Referral.note": SENSITIVE,
    "protection.Referral.screening": INTERNAL,
    "protection.Referral.consent": INTERNAL,
    "protection.Referral.status": PERSONAL,
    "protection.Referral.site": INTERNAL,
    "protection.Referral.created_by": INTERNAL,
    "protection.Referral.created_at": INTERNAL,
    # protection.ReferralStatusChange
    "protection.ReferralStatusChange.id": INTERNAL,
    "protection.ReferralStatusChange.referral": INTERNAL,
    "protection.ReferralStatusChange.status": PERSONAL,
    "protection.ReferralStatusChange.changed_by": INTERNAL,
    "protection.ReferralStatusChange.changed_at": INTERNAL,
    "protection.ReferralStatusChange.note": SENSITIVE,
    # protection.Screening: vulnerability screening: protection data throughout
    "protection.Screening.id": INTERNAL,
    "protection.Screening.person": SENSITIVE,
    "protection.Screening.version": INTERNAL,
    "protection.Screening.answers": SENSITIVE,
    "protection.Screening.flags": SENSITIVE,
    "protection.Screening.follow_up": SENSITIVE,
    "protection.Screening.notes": SENSITIVE,
    "protection.Screening.site": INTERNAL,
    "protection.Screening.screened_by": INTERNAL,
    "protection.Screening.screened_at": PERSONAL,
    # reception.AccommodationUnit
    "reception.AccommodationUnit.id": INTERNAL,
    "reception.AccommodationUnit.site": INTERNAL,
    "reception.AccommodationUnit.name": INTERNAL,
    "reception.AccommodationUnit.kind": INTERNAL,
    "reception.AccommodationUnit.profile": INTERNAL,
    # reception.Bed
    "reception.Bed.id": INTERNAL,
    "reception.Bed.unit": INTERNAL,
    "reception.Bed.label": INTERNAL,
    "reception.Bed.active": INTERNAL,
    # reception.RegistrationTakeOver
    "reception.RegistrationTakeOver.id": INTERNAL,
    "reception.RegistrationTakeOver.person": PERSONAL,
    "reception.RegistrationTakeOver.site": INTERNAL,
    "reception.RegistrationTakeOver.reason": PERSONAL,
    "reception.RegistrationTakeOver.taken_by": INTERNAL,
    "reception.RegistrationTakeOver.taken_at": INTERNAL,
    # reception.RollCall
    "reception.RollCall.id": INTERNAL,
    "reception.RollCall.site": INTERNAL,
    "reception.RollCall.day": INTERNAL,
    "reception.RollCall.taken_by": INTERNAL,
    "reception.RollCall.taken_at": INTERNAL,
    # reception.RollCallEntry
    "reception.RollCallEntry.id": INTERNAL,
    "reception.RollCallEntry.roll_call": INTERNAL,
    "reception.RollCallEntry.stay": PERSONAL,
    "reception.RollCallEntry.present": PERSONAL,
    # reception.ServiceDelivery: a medical check-up or psychosocial session given to a person
    # is health data: its kind and note
    "reception.ServiceDelivery.id": INTERNAL,
    "reception.ServiceDelivery.site": INTERNAL,
    "reception.ServiceDelivery.kind": SENSITIVE,
    "reception.ServiceDelivery.person": PERSONAL,
    "reception.ServiceDelivery.household": PERSONAL,
    "reception.ServiceDelivery.delivered_on": PERSONAL,
    "reception.ServiceDelivery.quantity": INTERNAL,
    "reception.ServiceDelivery.note": SENSITIVE,
    "reception.ServiceDelivery.recorded_by": INTERNAL,
    "reception.ServiceDelivery.recorded_at": INTERNAL,
    # reception.Stay: where a person stays and stayed
    "reception.Stay.id": INTERNAL,
    "reception.Stay.person": PERSONAL,
    "reception.Stay.site": PERSONAL,
    "reception.Stay.bed": PERSONAL,
    "reception.Stay.admitted_at": PERSONAL,
    "reception.Stay.admitted_by": INTERNAL,
    "reception.Stay.exited_at": PERSONAL,
    "reception.Stay.exit_reason": PERSONAL,
    "reception.Stay.exited_by": INTERNAL,
    "reception.Stay.transferred_from": PERSONAL,
    "reception.Stay.last_seen_at": PERSONAL,
    # reports.Release: tables as published, after disclosure control
    "reports.Release.id": PUBLIC,
    "reports.Release.table": PUBLIC,
    "reports.Release.period": PUBLIC,
    "reports.Release.shown": PUBLIC,
    "reports.Release.created_at": PUBLIC,
    # reports.Report: situation reports of aggregates, before publication
    "reports.Report.id": INTERNAL,
    "reports.Report.kind": INTERNAL,
    "reports.Report.round_number": INTERNAL,
    "reports.Report.month": INTERNAL,
    "reports.Report.language": INTERNAL,
    "reports.Report.status": INTERNAL,
    "reports.Report.progress": INTERNAL,
    "reports.Report.step": INTERNAL,
    "reports.Report.pdf": INTERNAL,
    "reports.Report.sha256": INTERNAL,
    "reports.Report.error": INTERNAL,
    "reports.Report.requested_by": INTERNAL,
    "reports.Report.created_at": INTERNAL,
    "reports.Report.finished_at": INTERNAL,
    # returns.ApplicationConsent
    "returns.ApplicationConsent.id": INTERNAL,
    "returns.ApplicationConsent.case": INTERNAL,
    "returns.ApplicationConsent.notice_version": PERSONAL,
    "returns.ApplicationConsent.language": PERSONAL,
    "returns.ApplicationConsent.given_at": PERSONAL,
    # returns.AssistanceDelivery
    "returns.AssistanceDelivery.id": INTERNAL,
    "returns.AssistanceDelivery.item": INTERNAL,
    "returns.AssistanceDelivery.delivered_on": PERSONAL,
    "returns.AssistanceDelivery.amount": PERSONAL,
    "returns.AssistanceDelivery.note": PERSONAL,
    "returns.AssistanceDelivery.recorded_by": INTERNAL,
    # returns.AssistanceItem
    "returns.AssistanceItem.id": INTERNAL,
    "returns.AssistanceItem.plan": INTERNAL,
    "returns.AssistanceItem.kind": PERSONAL,
    "returns.AssistanceItem.description": PERSONAL,
    "returns.AssistanceItem.budget": PERSONAL,
    # returns.Case: a return applicant; contact details and medical findings are sensitive
    "returns.Case.id": INTERNAL,
    "returns.Case.reference": PERSONAL,
    "returns.Case.source": PERSONAL,
    "returns.Case.stage": PERSONAL,
    "returns.Case.stage_entered_at": PERSONAL,
    "returns.Case.principal": PERSONAL,
    "returns.Case.given_name": PERSONAL,
    "returns.Case.family_name": PERSONAL,
    "returns.Case.nationality": PERSONAL,
    "returns.Case.return_country": PERSONAL,
    "returns.Case.return_city": PERSONAL,
    "returns.Case.contact_token": SENSITIVE,
    "returns.Case.site": PERSONAL,
    "returns.Case.staying_place": PERSONAL,
    "returns.Case.preferred_language": PERSONAL,
    "returns.Case.form_language": PERSONAL,
    "returns.Case.special_needs": SENSITIVE,
    "returns.Case.counsellor": INTERNAL,
    "returns.Case.closure_reason": PERSONAL,
    "returns.Case.fit_to_travel": SENSITIVE,
    "returns.Case.fitness_checked_on": PERSONAL,
    "returns.Case.fitness_note": SENSITIVE,
    "returns.Case.departed_on": PERSONAL,
    "returns.Case.arrived_on": PERSONAL,
    "returns.Case.pin_hash": PERSONAL,
    "returns.Case.pin_failures": INTERNAL,
    "returns.Case.created_by": INTERNAL,
    "returns.Case.created_at": INTERNAL,
    "returns.Case.updated_at": INTERNAL,
    "returns.Case.is_synthetic": INTERNAL,
    # returns.CaseMember
    "returns.CaseMember.id": INTERNAL,
    "returns.CaseMember.case": INTERNAL,
    "returns.CaseMember.person": PERSONAL,
    "returns.CaseMember.name": PERSONAL,
    "returns.CaseMember.relationship": PERSONAL,
    "returns.CaseMember.birth_year": PERSONAL,
    "returns.CaseMember.is_principal": PERSONAL,
    # returns.CounsellingSession: counselling notes may record health and vulnerabilities
    "returns.CounsellingSession.id": INTERNAL,
    "returns.CounsellingSession.case": INTERNAL,
    "returns.CounsellingSession.held_on": PERSONAL,
    "returns.CounsellingSession.counsellor": INTERNAL,
    "returns.CounsellingSession.language": PERSONAL,
    "returns.CounsellingSession.interpreter": PERSONAL,
    "returns.CounsellingSession.topics": PERSONAL,
    "returns.CounsellingSession.outcome": PERSONAL,
    "returns.CounsellingSession.notes": SENSITIVE,
    "returns.CounsellingSession.next_appointment": PERSONAL,
    # returns.DataTransfer
    "returns.DataTransfer.id": INTERNAL,
    "returns.DataTransfer.case": INTERNAL,
    "returns.DataTransfer.person": PERSONAL,
    "returns.DataTransfer.recipient": PERSONAL,
    "returns.DataTransfer.legal_basis": PERSONAL,
    "returns.DataTransfer.consent": PERSONAL,
    "returns.DataTransfer.fields": PERSONAL,
    "returns.DataTransfer.sent_at": PERSONAL,
    "returns.DataTransfer.sent_by": INTERNAL,
    # returns.MonitoringVisit: the sustainability survey asks about health and psychosocial
    # well-being
    "returns.MonitoringVisit.id": INTERNAL,
    "returns.MonitoringVisit.case": INTERNAL,
    "returns.MonitoringVisit.visited_on": PERSONAL,
    "returns.MonitoringVisit.visited_by": PERSONAL,
    "returns.MonitoringVisit.answers": SENSITIVE,
    "returns.MonitoringVisit.economic": PERSONAL,
    "returns.MonitoringVisit.social": PERSONAL,
    "returns.MonitoringVisit.psychosocial": SENSITIVE,
    "returns.MonitoringVisit.composite": PERSONAL,
    "returns.MonitoringVisit.recorded_by": INTERNAL,
    # returns.ReintegrationPlan
    "returns.ReintegrationPlan.id": INTERNAL,
    "returns.ReintegrationPlan.case": INTERNAL,
    "returns.ReintegrationPlan.partner": PERSONAL,
    "returns.ReintegrationPlan.agreed_on": PERSONAL,
    "returns.ReintegrationPlan.created_by": INTERNAL,
    # returns.StageChange
    "returns.StageChange.id": INTERNAL,
    "returns.StageChange.case": INTERNAL,
    "returns.StageChange.from_stage": PERSONAL,
    "returns.StageChange.to_stage": PERSONAL,
    "returns.StageChange.changed_by": INTERNAL,
    "returns.StageChange.changed_at": INTERNAL,
    "returns.StageChange.reason": PERSONAL,
    # returns.TravelBooking
    "returns.TravelBooking.id": INTERNAL,
    "returns.TravelBooking.case": INTERNAL,
    "returns.TravelBooking.departure_at": PERSONAL,
    "returns.TravelBooking.itinerary": PERSONAL,
    "returns.TravelBooking.transit": PERSONAL,
    "returns.TravelBooking.escort": PERSONAL,
    "returns.TravelBooking.booked_by": INTERNAL,
    "returns.TravelBooking.booked_at": INTERNAL,
    # returns.TravelDocument
    "returns.TravelDocument.id": INTERNAL,
    "returns.TravelDocument.case": INTERNAL,
    "returns.TravelDocument.member": PERSONAL,
    "returns.TravelDocument.kind": PERSONAL,
    "returns.TravelDocument.embassy": PERSONAL,
    "returns.TravelDocument.requested_on": PERSONAL,
    "returns.TravelDocument.issued_on": PERSONAL,
    "returns.TravelDocument.number": PERSONAL,
    # Third-party models, one level for every field of the model.
    # admin.LogEntry: Django admin's log names the staff member and the object changed
    "admin.LogEntry.*": PERSONAL,
    "auth.Group.*": INTERNAL,
    "auth.Permission.*": INTERNAL,
    # axes.AccessAttempt: django-axes: failed sign-ins with user name and IP address
    "axes.AccessAttempt.*": PERSONAL,
    "axes.AccessAttemptExpiration.*": PERSONAL,
    "axes.AccessFailureLog.*": PERSONAL,
    "axes.AccessLog.*": PERSONAL,
    "contenttypes.ContentType.*": INTERNAL,
    # django_tasks_database.DBTaskResult: background jobs: task names, ids and errors
    "django_tasks_database.DBTaskResult.*": INTERNAL,
    "otp_static.StaticDevice.*": PERSONAL,
    # otp_static.StaticToken: django-otp: a staff member's backup codes
    "otp_static.StaticToken.*": PERSONAL,
    # otp_totp.TOTPDevice: django-otp: a staff member's authenticator (its secret is a credential)
    "otp_totp.TOTPDevice.*": PERSONAL,
    # sessions.Session: a signed-in staff member's session
    "sessions.Session.*": PERSONAL,
}

# Fields classified SENSITIVE that hold codes, numbers or structured answers rather than
# free text, left unencrypted on purpose: reports count them, screenings derive flags from
# them, and a code list reveals no narrative. Each with its reason.
SENSITIVE_NOT_ENCRYPTED: dict[str, str] = {
    "protection.Screening.answers": "a code per question; flags derive from them",
    "protection.Screening.flags": "vulnerability category codes, counted by reports",
    "protection.OutreachContact.needs": "need codes from a fixed list, counted by reports",
    "protection.OutreachContact.services": "service codes from a fixed list, counted by reports",
    "presence.FlowSurvey.abuse_indicators": "indicator codes of an anonymous interview",
    "returns.MonitoringVisit.answers": "survey answer codes from which the scores are computed",
}


def classified_fields(model: type[models.Model]) -> list[models.Field | models.ForeignObjectRel]:
    """The fields of ``model`` that need a level: every concrete field (primary keys and
    foreign keys included) and every many-to-many declared on the model."""
    return [
        field
        for field in model._meta.get_fields()
        if field.concrete or (field.many_to_many and not field.auto_created)
    ]


def level_of(model: type[models.Model], field_name: str) -> Level | None:
    """The level of ``model.field_name`` (a per-field entry, else the model's ``*`` entry);
    None when unclassified."""
    label = model._meta.label
    return CLASSIFICATION.get(f"{label}.{field_name}") or CLASSIFICATION.get(
        f"{label}.{WHOLE_MODEL}"
    )


def fields_at(level: Level) -> list[tuple[type[models.Model], str]]:
    """Every installed (model, field name) classified at ``level``, models in registry
    order, fields in declaration order; ``*`` entries expanded to each field."""
    return [
        (model, field.name)
        for model in apps.get_models()
        for field in classified_fields(model)
        if level_of(model, field.name) == level
    ]


def labels_at(level: Level) -> list[str]:
    """``fields_at`` as ``"app_label.Model.field"`` labels."""
    return [f"{model._meta.label}.{name}" for model, name in fields_at(level)]
