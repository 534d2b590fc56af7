from django.db import migrations

from danvan.membership.seed import seed_config


def seed(apps, schema_editor):
    seed_config(apps.get_model("membership", "Organization"))


class Migration(migrations.Migration):
    dependencies = [("membership", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
