from django.db import migrations

from danvan.planning.seed import seed_config


def seed(apps, schema_editor):
    seed_config(apps.get_model("planning", "DirectiveType"), apps.get_model("planning", "IssuingBody"))


class Migration(migrations.Migration):
    dependencies = [("planning", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
