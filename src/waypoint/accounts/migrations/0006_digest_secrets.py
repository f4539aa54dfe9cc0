import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import waypoint.core.crypto


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_break_glass"),
    ]

    operations = [
        migrations.CreateModel(
            name="DigestSecret",
            fields=[
                (
                    "user",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="digest_secret",
                        serialize=False,
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="user",
                    ),
                ),
                (
                    "username",
                    models.CharField(editable=False, max_length=254, verbose_name="username"),
                ),
                ("ha1_md5", waypoint.core.crypto.EncryptedTextField(editable=False)),
                ("ha1_sha256", waypoint.core.crypto.EncryptedTextField(editable=False)),
                (
                    "derived_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, editable=False, verbose_name="derived at"
                    ),
                ),
            ],
            options={
                "verbose_name": "Digest secret",
                "verbose_name_plural": "Digest secrets",
            },
        ),
    ]
