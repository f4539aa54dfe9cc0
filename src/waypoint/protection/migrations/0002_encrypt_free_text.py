"""Free text that may hold sensitive details becomes an encrypted field; the plain text
already stored is encrypted in place (and decrypted back if the migration is reversed)."""

from django.db import migrations

import waypoint.core.crypto

ENCRYPTED = [
    ("Screening", "notes"),
    ("Referral", "note"),
    ("ReferralStatusChange", "note"),
    ("OutreachContact", "notes"),
]


def encrypt_existing(apps, schema_editor):
    for model_name, field_name in ENCRYPTED:
        waypoint.core.crypto.encrypt_plain_values(
            apps.get_model("protection", model_name), field_name
        )


def decrypt_existing(apps, schema_editor):
    for model_name, field_name in ENCRYPTED:
        waypoint.core.crypto.decrypt_to_plain_values(
            apps.get_model("protection", model_name), field_name
        )


class Migration(migrations.Migration):
    dependencies = [
        ("protection", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="outreachcontact",
            name="notes",
            field=waypoint.core.crypto.EncryptedTextField(
                blank=True, max_length=500, verbose_name="notes"
            ),
        ),
        migrations.AlterField(
            model_name="referral",
            name="note",
            field=waypoint.core.crypto.EncryptedTextField(
                blank=True, max_length=1000, verbose_name="reason for the referral"
            ),
        ),
        migrations.AlterField(
            model_name="referralstatuschange",
            name="note",
            field=waypoint.core.crypto.EncryptedTextField(
                blank=True, max_length=500, verbose_name="note"
            ),
        ),
        migrations.AlterField(
            model_name="screening",
            name="notes",
            field=waypoint.core.crypto.EncryptedTextField(
                blank=True, max_length=4000, verbose_name="notes"
            ),
        ),
        migrations.RunPython(encrypt_existing, decrypt_existing),
    ]
