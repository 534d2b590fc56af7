"""Seed the standard blocs and unit kinds (configuration: administrators can change them later)."""

from django.db import migrations

from danvan.org.seed import seed_config


def seed(apps, schema_editor):
    seed_config(apps.get_model("org", "Bloc"), apps.get_model("org", "UnitKind"))


class Migration(migrations.Migration):
    dependencies = [("org", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
