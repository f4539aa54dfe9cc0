"""Free text that may hold sensitive details becomes an encrypted field; the plain text
already stored is encrypted in place (and decrypted back if the migration is reversed)."""

from django.db import migrations

import waypoint.core.crypto

ENCRYPTED = [("Case", "special_needs"), ("Case", "fitness_note"), ("CounsellingSession", "notes")]


def encrypt_existing(apps, schema_editor):
    for model_name, field_name in ENCRYPTED:
        waypoint.core.crypto.encrypt_plain_values(apps.get_model("returns", model_name), field_name)


def decrypt_existing(apps, schema_editor):
    for model_name, field_name in ENCRYPTED:
        waypoint.core.crypto.decrypt_to_plain_values(
            apps.get_model("returns", model_name), field_name
        )


class Migration(migrations.Migration):
    dependencies = [
        ("returns", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="case",
            name="fitness_note",
            field=waypoint.core.crypto.EncryptedTextField(
                blank=True, max_length=300, verbose_name="fitness note"
            ),
        ),
        migrations.AlterField(
            model_name="case",
            name="special_needs",
            field=waypoint.core.crypto.EncryptedTextField(blank=True, verbose_name="special needs"),
        ),
        migrations.AlterField(
            model_name="counsellingsession",
            name="notes",
            field=waypoint.core.crypto.EncryptedTextField(blank=True, verbose_name="notes"),
        ),
        migrations.RunPython(encrypt_existing, decrypt_existing),
    ]
