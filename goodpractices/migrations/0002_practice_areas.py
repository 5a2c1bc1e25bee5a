"""The managed taxonomy of good-practice areas (editors may add more as snippets)."""

from django.db import migrations

AREAS = [
    (
        "reintegracja",
        "Reintegracja społeczna i zawodowa",
        "Social and vocational reintegration",
    ),
    (
        "klauzule-spoleczne",
        "Klauzule społeczne i zamówienia publiczne",
        "Social clauses and public procurement",
    ),
    (
        "lokalne-plany-es",
        "Lokalne plany rozwoju ekonomii społecznej",
        "Local social-economy development plans",
    ),
    ("wspolpraca-z-biznesem", "Współpraca z biznesem", "Cooperation with business"),
    ("uslugi-spoleczne", "Usługi społeczne", "Social services"),
    ("franczyza-innowacja", "Franczyza lub innowacja", "Franchise or innovation"),
    (
        "reagowanie-kryzysowe",
        "Reagowanie kryzysowe (np. szycie maseczek w 2020 r.)",
        "Crisis response (e.g. sewing masks in 2020)",
    ),
    ("inne", "Inne", "Other"),
]


def seed(apps, schema_editor):
    PracticeArea = apps.get_model("goodpractices", "PracticeArea")
    for order, (slug, name, name_en) in enumerate(AREAS):
        PracticeArea.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order}
        )


def unseed(apps, schema_editor):
    apps.get_model("goodpractices", "PracticeArea").objects.filter(
        slug__in=[slug for slug, *_rest in AREAS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("goodpractices", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
