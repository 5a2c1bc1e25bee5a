"""One group per role (ROPS moderators, OWES editors, PES staff), so nobody sets them up by hand."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROPS_MODERATORS = "Moderatorzy ROPS"
OWES_EDITORS = "Redaktorzy OWES"
PES_STAFF = "Pracownicy PES"

MODEL_PERMISSIONS = {
    ROPS_MODERATORS: [
        ("wagtailadmin", "admin", "access_admin"),
        ("organisations", "organisation", "add_organisation"),
        ("organisations", "organisation", "change_organisation"),
        ("organisations", "organisation", "delete_organisation"),
        ("organisations", "organisation", "view_organisation"),
        ("organisations", "powiat", "view_powiat"),
        ("home", "sitesettings", "change_sitesettings"),
    ],
    OWES_EDITORS: [
        ("wagtailadmin", "admin", "access_admin"),
        ("organisations", "organisation", "view_organisation"),
        ("organisations", "powiat", "view_powiat"),
    ],
    PES_STAFF: [("partner", "partner", "dashboard_access")],
}
PAGE_PERMISSIONS = {
    ROPS_MODERATORS: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page",
                      "unlock_page"],
    OWES_EDITORS: ["add_page", "change_page"],
}
COLLECTION_PERMISSIONS = {
    ROPS_MODERATORS: [("wagtailimages", "image", ["add", "change", "delete", "choose"]),
                      ("wagtaildocs", "document", ["add", "change", "delete", "choose"])],
    OWES_EDITORS: [("wagtailimages", "image", ["add", "choose"]),
                   ("wagtaildocs", "document", ["add", "choose"])],
}


def create_groups(apps, schema_editor):
    # Model permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def permission(app_label, model, codename):
        return Permission.objects.get(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        )

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    for name, perms in MODEL_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*[permission(*p) for p in perms])
        if root_page is not None:
            for codename in PAGE_PERMISSIONS.get(name, []):
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=permission("wagtailcore", "page", codename)
                )
        if root_collection is not None:
            for app_label, model, actions in COLLECTION_PERMISSIONS.get(name, []):
                for action in actions:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=permission(app_label, model, f"{action}_{model}"),
                    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=[ROPS_MODERATORS, OWES_EDITORS, PES_STAFF]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("home", "0002_initial_pages"),
        ("partner", "0008_pes_profile"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
