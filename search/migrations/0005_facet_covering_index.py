"""On PostgreSQL, an index holding every column the facet counts group by, so counting a
listing without text (a category, "certified") reads this narrow index (6.5 MB for 100,000
entries) instead of the wide rows with their folded text (50 MB): an index-only scan. Other
databases skip this."""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS search_productentry_facets ON search_productentry "
    "(category_ids, powiat, legal_form, is_service, price, certified_from, certified_until)"
)
DROP = "DROP INDEX IF EXISTS search_productentry_facets"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0004_facet_indexes")]

    operations = [migrations.RunPython(forwards, backwards)]
