"""Tokens made before tokens were hashed (DRF's ``authtoken_token`` table, keys in plain
text) become digests that expire in 90 days; the plain keys are deleted."""

import hashlib
from datetime import timedelta

from django.db import migrations
from django.utils import timezone


def plain_to_digest(apps, schema_editor):  # type: ignore[no-untyped-def]
    connection = schema_editor.connection
    if "authtoken_token" not in connection.introspection.table_names():
        return
    ApiToken = apps.get_model("accounts", "ApiToken")
    with connection.cursor() as cursor:
        cursor.execute("SELECT key, user_id FROM authtoken_token")
        rows = cursor.fetchall()
        expires = timezone.now() + timedelta(days=90)
        ApiToken.objects.bulk_create(
            [
                ApiToken(
                    user_id=user_id,
                    name="(made before tokens were hashed)",
                    prefix=key[:8],
                    digest=hashlib.sha256(key.encode("utf-8")).hexdigest(),
                    expires_at=expires,
                )
                for key, user_id in rows
            ]
        )
        cursor.execute("DELETE FROM authtoken_token")


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_api_tokens")]
    operations = [migrations.RunPython(plain_to_digest, migrations.RunPython.noop)]
