from django.db import migrations

from danvan.awards.seed import seed_config


def seed(apps, schema_editor):
    seed_config(apps.get_model("awards", "Authority"), apps.get_model("awards", "AwardType"))


class Migration(migrations.Migration):
    dependencies = [("awards", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
