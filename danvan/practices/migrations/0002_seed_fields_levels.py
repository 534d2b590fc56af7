from django.db import migrations

from danvan.practices.seed import seed_config


def seed(apps, schema_editor):
    seed_config(apps.get_model("practices", "Field"), apps.get_model("practices", "Level"))


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
