"""The RKRES members' group: they read the OWES self-evaluation and monitoring in the admin."""

from django.db import migrations

RKRES_MEMBERS = "Członkowie RKRES"


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=RKRES_MEMBERS)
    access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access is not None:
        group.permissions.add(access)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=RKRES_MEMBERS).delete()


class Migration(migrations.Migration):
    dependencies = [("organisations", "0003_organisation_pages")]

    operations = [migrations.RunPython(create_group, remove_group)]
