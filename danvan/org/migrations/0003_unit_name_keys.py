"""Units' folded name and short name, indexed: Excel imports find the units a file names by them
(danvan.org.resolver). Existing units get their keys here; save() and bulk_create_units keep them."""

from django.db import migrations, models

from danvan.core.vn import fold_key

BATCH = 2000


def unit_name_key(text):
    return fold_key(text)[:255]  # as danvan.org.models.unit_name_key when this was written


def fill(apps, schema_editor):
    unit_model = apps.get_model("org", "Unit")
    units = unit_model.objects.only("name", "short_name").order_by("pk")
    batch = []
    for unit in units.iterator(chunk_size=BATCH):
        unit.name_key = unit_name_key(unit.name)
        unit.short_name_key = unit_name_key(unit.short_name)
        batch.append(unit)
        if len(batch) == BATCH:
            unit_model.objects.bulk_update(batch, ["name_key", "short_name_key"])
            batch = []
    unit_model.objects.bulk_update(batch, ["name_key", "short_name_key"])


class Migration(migrations.Migration):
    dependencies = [("org", "0002_seed_kinds_blocs")]

    operations = [
        migrations.AddField(
            model_name="unit",
            name="name_key",
            field=models.CharField(default="", editable=False, max_length=255),
        ),
        migrations.AddField(
            model_name="unit",
            name="short_name_key",
            field=models.CharField(default="", editable=False, max_length=255),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="unit",
            index=models.Index(fields=["name_key"], name="unit_name_key_idx"),
        ),
        migrations.AddIndex(
            model_name="unit",
            index=models.Index(fields=["short_name_key"], name="unit_short_name_key_idx"),
        ),
    ]
