"""The committee (Kapituła) group, so the ROPS does not set up its permissions by hand."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COMMITTEE = "Kapituła Zakup Prospołeczny"
PERMISSIONS = [
    ("application", ["view", "change"]),
    ("applicationattachment", ["view"]),
    ("certificate", ["view", "add", "change"]),
]


def create_group(apps, schema_editor):
    # Model permissions are normally created after all migrations; make sure they exist now.
    app_config = apps.get_app_config("certificates")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=COMMITTEE)
    for model, actions in PERMISSIONS:
        for action in actions:
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label="certificates",
                    content_type__model=model,
                    codename=f"{action}_{model}",
                )
            )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=COMMITTEE).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0002_applications"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
