# The change log entries of the democracy app's parts name the record they belong to (ChangeLogEntry.parent_*).

from django.db import migrations

from danvan.core.changelog import parent_backfill


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_changelog_parent"),
        ("democracy", "0003_part_record_label"),
    ]

    operations = [
        migrations.RunPython(
            parent_backfill(
                "democracy",
                {
                    "Disclosure": ("record",),
                    "Matter": ("record",),
                    "Board": ("record",),
                    "Charter": ("record",),
                    "WorkplaceDialogue": ("record",),
                },
            ),
            migrations.RunPython.noop,
        ),
    ]
