"""The ROPS moderators may change the regional target (`LocalPlanSettings.target_gminas`)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROPS_MODERATORS = "Moderatorzy ROPS"
CODENAMES = ("change_localplansettings", "view_localplansettings")


def grant(apps, schema_editor):
    # Model permissions are normally created after all migrations; make sure they exist now.
    app_config = apps.get_app_config("localplans")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=ROPS_MODERATORS)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="localplans", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=ROPS_MODERATORS).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="localplans", codename__in=CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("localplans", "0001_initial"),
        ("organisations", "0002_role_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
