from django.db import migrations

from danvan.events.seed import seed_config


def seed(apps, schema_editor):
    seed_config(*(apps.get_model("events", name) for name in ("ContestKind", "ConferenceKind", "PrizeKind")))


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
