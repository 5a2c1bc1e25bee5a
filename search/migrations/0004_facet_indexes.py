"""On PostgreSQL, indexes for the facet counts of listings without text: a partial index over
the certified entries (about one in twenty: "certified" no longer reads every row) and a
trigram index on the category lists (`category_ids LIKE '%,3,%'` an index scan; pg_trgm
reads each id as a word, so ",3," never matches ",13,"). Other databases skip this."""

from django.db import migrations

CREATE = [
    "CREATE INDEX IF NOT EXISTS search_productentry_certified "
    "ON search_productentry (certified_until, certified_from) "
    "WHERE certified_from IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS search_productentry_categories_trgm "
    "ON search_productentry USING gin (category_ids gin_trgm_ops)",
]
DROP = [
    "DROP INDEX IF EXISTS search_productentry_certified",
    "DROP INDEX IF EXISTS search_productentry_categories_trgm",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_category_ids")]

    operations = [migrations.RunPython(forwards, backwards)]
