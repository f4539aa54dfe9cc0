import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_passkeys"),
        ("places", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="BreakGlass",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("reason", models.TextField(verbose_name="reason")),
                (
                    "started_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="started at"
                    ),
                ),
                ("expires_at", models.DateTimeField(verbose_name="expires at")),
                (
                    "ended_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="ended early at"),
                ),
                (
                    "site",
                    models.ForeignKey(
                        blank=True,
                        help_text="Empty: every site (national).",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="places.site",
                        verbose_name="site",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="break_glass_grants",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="user",
                    ),
                ),
            ],
            options={
                "verbose_name": "emergency access",
                "verbose_name_plural": "emergency accesses",
                "ordering": ["-started_at", "-pk"],
                "indexes": [
                    models.Index(fields=["user", "expires_at"], name="accounts_breakglass_expiry")
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("expires_at__gt", models.F("started_at"))),
                        name="break_glass_expires_after_start",
                    )
                ],
            },
        ),
    ]
