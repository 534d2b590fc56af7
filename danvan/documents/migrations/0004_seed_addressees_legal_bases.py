from django.db import migrations

from danvan.documents.seed import seed_dated


def seed(apps, schema_editor):
    seed_dated(apps.get_model("documents", "Addressee"), apps.get_model("documents", "LegalBasis"))


class Migration(migrations.Migration):
    dependencies = [("documents", "0003_addressee_legalbasis")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
