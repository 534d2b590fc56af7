from django.db import migrations

from danvan.cooperation.seed import seed_config


def seed(apps, schema_editor):
    seed_config(apps.get_model("cooperation", "Party"), apps.get_model("planning", "DirectiveType"))


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0001_initial"), ("planning", "0002_seed_types_bodies")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
