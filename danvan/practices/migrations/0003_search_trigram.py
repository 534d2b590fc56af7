"""Trigram indexes for diacritic-insensitive search on PostgreSQL (SQLite scans the folded column)."""

from django.db import migrations

INDEXES = [
    ("practice_search_trgm", "practices_practice"),
    ("unit_search_trgm", "org_unit"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_text gin_trgm_ops)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _ in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("practices", "0002_seed_fields_levels"), ("org", "0002_seed_kinds_blocs")]
    operations = [migrations.RunPython(create, drop)]
