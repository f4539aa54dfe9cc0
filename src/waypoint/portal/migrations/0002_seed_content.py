"""Load the seed pages shipped in portal/content/ (the same loader as `waypoint portal load`)."""

from django.db import migrations


def load(apps, schema_editor):
    from waypoint.portal.services import portal_content_load

    portal_content_load(
        page_model=apps.get_model("portal", "Page"),
        version_model=apps.get_model("portal", "PageVersion"),
    )


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
