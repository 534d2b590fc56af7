from django.db import migrations

from danvan.democracy.seed import seed_config


def seed(apps, schema_editor):
    seed_config(apps.get_model("democracy", "DisclosureItem"), apps.get_model("democracy", "DisclosureMethod"))


class Migration(migrations.Migration):
    dependencies = [("democracy", "0001_initial"), ("documents", "0007_year_review_purposes")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
