from django.db import migrations

from danvan.documents.seed import seed_config


def seed(apps, schema_editor):
    seed_config(apps.get_model("documents", "FormatProfile"), apps.get_model("documents", "PartyTerm"))


class Migration(migrations.Migration):
    dependencies = [("documents", "0004_seed_addressees_legal_bases")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
