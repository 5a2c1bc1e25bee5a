"""Let ROPS moderators manage event registrations and OWES editors read their own events' ones.

The admin listing narrows OWES editors to events of their organisation (wagtail_hooks.py).
Nobody but superusers may add registrations by hand: the public form decides the status.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROPS_MODERATORS = "Moderatorzy ROPS"
OWES_EDITORS = "Redaktorzy OWES"

PERMISSIONS = {
    ROPS_MODERATORS: [
        ("registration", "view_registration"),
        ("registration", "change_registration"),
        ("registration", "delete_registration"),
        ("meetingnotice", "view_meetingnotice"),
    ],
    OWES_EDITORS: [("registration", "view_registration")],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("events")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        group.permissions.add(
            *[
                Permission.objects.get(
                    content_type__app_label="events", content_type__model=model, codename=code
                )
                for model, code in perms
            ]
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for name, perms in PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="events", codename__in=[c for _m, c in perms]
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("organisations", "0002_role_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
