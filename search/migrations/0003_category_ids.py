"""A product entry carries its category ids (",3,17,42,") instead of rows in a second table:
filtering by category and counting categories then read the entry table alone. Existing
entries are filled from the old table before it goes (no rebuild needed)."""

from collections import defaultdict

from django.db import migrations, models

BATCH = 1000


def fill(apps, schema_editor):
    entry_model = apps.get_model("search", "ProductEntry")
    category_model = apps.get_model("search", "ProductEntryCategory")
    ids: dict[int, set[int]] = defaultdict(set)
    pairs = category_model.objects.values_list("entry_id", "category_id")
    for entry_id, category_id in pairs.iterator(chunk_size=5000):
        ids[entry_id].add(category_id)
    entries = [
        entry_model(pk=pk, category_ids="," + ",".join(str(c) for c in sorted(categories)) + ",")
        for pk, categories in ids.items()
    ]
    for start in range(0, len(entries), BATCH):
        entry_model.objects.bulk_update(entries[start : start + BATCH], ["category_ids"])


class Migration(migrations.Migration):
    dependencies = [("search", "0002_trigram_index")]

    operations = [
        migrations.AddField(
            model_name="productentry",
            name="category_ids",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.DeleteModel(name="ProductEntryCategory"),
    ]
