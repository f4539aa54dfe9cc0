"""Move the phones' submissions presence kept into the form library, with their ids, so
the observations and flow records that point at them keep pointing at the same rows
(``presence`` 0002 repoints its foreign keys here and drops its own tables)."""

from django.db import migrations

BUILTIN = ("presence_location", "presence_flow_count", "presence_flow_survey")


def forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    Old = apps.get_model("presence", "Submission")
    OldAttachment = apps.get_model("presence", "SubmissionAttachment")
    Form = apps.get_model("collect", "Form")
    Submission = apps.get_model("collect", "Submission")
    Attachment = apps.get_model("collect", "SubmissionAttachment")
    forms = {}
    for old in Old.objects.order_by("pk").iterator():
        form = forms.get(old.form_id)
        if form is None:
            form, _created = Form.objects.get_or_create(
                form_id=old.form_id,
                defaults={
                    "title": old.form_id,
                    "builtin": old.form_id in BUILTIN,
                    "state": "open",
                    "submit_roles": ["administrator", "analyst", "enumerator"],
                },
            )
            forms[old.form_id] = form
        Submission.objects.create(
            pk=old.pk,
            instance_id=old.instance_id,
            form=form,
            form_version=old.form_version,
            received_at=old.received_at,
            submitted_by_id=old.submitted_by_id,
            xml=old.xml,
        )
    for old in OldAttachment.objects.order_by("pk").iterator():
        Attachment.objects.create(
            submission_id=old.submission_id,
            name=old.name,
            content_type=old.content_type,
            content=old.content,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("collect", "0001_initial"),
        ("presence", "0001_initial"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
