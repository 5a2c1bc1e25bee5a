"""Let the ROPS moderators edit the questionnaire snippet; nobody else gets its permissions
(OWES editors answer through their own pages, RKRES members only read)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROPS_MODERATORS = "Moderatorzy ROPS"
CODENAMES = [
    "add_questionnaire",
    "change_questionnaire",
    "delete_questionnaire",
    "view_questionnaire",
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("selfevaluation")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=ROPS_MODERATORS).first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="selfevaluation", codename__in=CODENAMES
            )
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=ROPS_MODERATORS).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="selfevaluation", codename__in=CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("selfevaluation", "0001_initial"),
        ("organisations", "0004_rkres_members_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
