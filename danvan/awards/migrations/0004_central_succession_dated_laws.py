from django.db import migrations

from danvan.awards.seed import apply_successions


def forward(apps, schema_editor):
    apply_successions(apps.get_model("awards", "Authority"), apps.get_model("awards", "AwardType"))


class Migration(migrations.Migration):
    dependencies = [("awards", "0003_authority_central"), ("documents", "0004_seed_addressees_legal_bases")]
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
