from django.db import migrations

from danvan.opinion.seed import seed_config


def seed(apps, schema_editor):
    seed_config(apps.get_model("opinion", "Topic"))


class Migration(migrations.Migration):
    dependencies = [("opinion", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
