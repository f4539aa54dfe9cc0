"""Every field of every model has a privacy level, no level names a field that is gone, and
every sensitive free-text field is encrypted or excused in writing."""

from django.apps import apps
from django.db import models

from waypoint.core import crypto
from waypoint.privacy.classification import (
    CLASSIFICATION,
    SENSITIVE_NOT_ENCRYPTED,
    WHOLE_MODEL,
    Level,
    classified_fields,
    fields_at,
    labels_at,
    level_of,
)
from waypoint.protection.models import Screening
from waypoint.returns.models import Case


def is_waypoint_model(model: type[models.Model]) -> bool:
    return model.__module__.startswith("waypoint.")


def holds_free_text(field: object) -> bool:
    """Text a person typed (or structured data that could hold it): text fields without a
    fixed list of choices, and JSON."""
    if isinstance(field, models.JSONField):
        return True
    return isinstance(field, models.CharField | models.TextField) and not field.choices


def test_every_field_of_every_model_has_a_level():
    unclassified = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in classified_fields(model)
        if level_of(model, field.name) is None
    ]
    assert unclassified == [], (
        "give these fields a level in waypoint/privacy/classification.py: "
        + ", ".join(unclassified)
    )


def test_many_to_many_fields_are_classified_too():
    assert CLASSIFICATION["accounts.User.groups"] == Level.INTERNAL
    user = apps.get_model("accounts", "User")
    assert "groups" in [field.name for field in classified_fields(user)]


def test_no_entry_names_a_field_or_model_that_is_gone():
    existing = {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in classified_fields(model)
    }
    models_present = {model._meta.label for model in apps.get_models()}
    stale = [
        label
        for label in CLASSIFICATION
        if (
            label.rsplit(".", 1)[0] not in models_present
            if label.endswith("." + WHOLE_MODEL)
            else label not in existing
        )
    ]
    assert stale == [], "remove or rename these entries in classification.py: " + ", ".join(stale)


def test_waypoint_models_are_classified_field_by_field():
    whole = [label for label in CLASSIFICATION if label.endswith("." + WHOLE_MODEL)]
    ours = [
        label
        for label in whole
        if is_waypoint_model(apps.get_model(label.removesuffix("." + WHOLE_MODEL)))
    ]
    assert ours == []
    assert "axes.AccessAttempt.*" in whole  # third-party models: one entry each


def test_every_sensitive_free_text_field_is_encrypted_or_excused():
    encrypted = {(model, name) for model, name in crypto.encrypted_fields()}
    plain = [
        f"{model._meta.label}.{name}"
        for model, name in fields_at(Level.SENSITIVE)
        if holds_free_text(model._meta.get_field(name))
        and (model, name) not in encrypted
        and f"{model._meta.label}.{name}" not in SENSITIVE_NOT_ENCRYPTED
    ]
    assert plain == [], (
        "encrypt these sensitive free-text fields (core.crypto.EncryptedTextField and "
        "register_encrypted_field) or add them, with the reason, to SENSITIVE_NOT_ENCRYPTED: "
        + ", ".join(plain)
    )


def test_each_excuse_names_a_sensitive_field_that_really_is_unencrypted():
    encrypted = {f"{model._meta.label}.{name}" for model, name in crypto.encrypted_fields()}
    for label, reason in SENSITIVE_NOT_ENCRYPTED.items():
        assert CLASSIFICATION.get(label) == Level.SENSITIVE, label
        assert label not in encrypted, label
        assert reason.strip(), label


def test_every_encrypted_field_is_declared_and_classified_sensitive():
    declared = {(model, name) for model, name in crypto.encrypted_fields()}
    undeclared = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in classified_fields(model)
        if isinstance(field, crypto.EncryptedTextField) and (model, field.name) not in declared
    ]
    assert undeclared == []
    not_sensitive = [
        f"{model._meta.label}.{name}"
        for model, name in declared
        if level_of(model, name) != Level.SENSITIVE
    ]
    assert not_sensitive == []


def test_the_new_encrypted_columns_are_the_ones_the_issue_names():
    sensitive = labels_at(Level.SENSITIVE)
    for label in (
        "protection.Screening.notes",
        "protection.Referral.note",
        "protection.Incident.narrative_token",
        "returns.Case.contact_token",
        "returns.Case.special_needs",
        "returns.Case.fitness_note",
        "reception.ServiceDelivery.note",
    ):
        assert label in sensitive
    assert (Screening, "notes") in crypto.encrypted_fields()
    assert (Case, "fitness_note") in crypto.encrypted_fields()


def test_fields_at_gives_each_field_exactly_one_level():
    seen: dict[str, Level] = {}
    for level in Level:
        for label in labels_at(level):
            assert label not in seen, f"{label} is {seen[label]} and {level}"
            seen[label] = level
    every = {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in classified_fields(model)
    }
    assert set(seen) == every
    assert seen["people.Person.given_name"] == Level.PERSONAL
    assert seen["places.Area.code"] == Level.PUBLIC
    assert seen["axes.AccessAttempt.username"] == Level.PERSONAL  # a "*" entry expanded
