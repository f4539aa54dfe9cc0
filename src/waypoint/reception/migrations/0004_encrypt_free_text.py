"""Free text that may hold sensitive details becomes an encrypted field; the plain text
already stored is encrypted in place (and decrypted back if the migration is reversed)."""

from django.db import migrations

import waypoint.core.crypto

ENCRYPTED = [("ServiceDelivery", "note")]


def encrypt_existing(apps, schema_editor):
    for model_name, field_name in ENCRYPTED:
        waypoint.core.crypto.encrypt_plain_values(
            apps.get_model("reception", model_name), field_name
        )


def decrypt_existing(apps, schema_editor):
    for model_name, field_name in ENCRYPTED:
        waypoint.core.crypto.decrypt_to_plain_values(
            apps.get_model("reception", model_name), field_name
        )


class Migration(migrations.Migration):
    dependencies = [
        ("reception", "0003_registration_take_over"),
    ]

    operations = [
        migrations.AlterField(
            model_name="servicedelivery",
            name="note",
            field=waypoint.core.crypto.EncryptedTextField(
                blank=True, max_length=500, verbose_name="note"
            ),
        ),
        migrations.RunPython(encrypt_existing, decrypt_existing),
    ]
