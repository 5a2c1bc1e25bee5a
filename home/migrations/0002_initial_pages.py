"""Replace Wagtail's welcome page with the portal's home page and point the default site at it."""

from django.db import migrations


def create_home(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("home", "HomePage")

    if HomePage.objects.exists():
        return
    locale, _created = Locale.objects.get_or_create(language_code="pl")
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    home_type, _created = ContentType.objects.get_or_create(model="homepage", app_label="home")
    home = HomePage.objects.create(
        title="Portal Ekonomii Społecznej",
        draft_title="Portal Ekonomii Społecznej",
        slug="home",
        content_type=home_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        live=True,
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Portal ES"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_home, migrations.RunPython.noop)]
