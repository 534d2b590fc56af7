# The change log entries of the events app's parts name the record they belong to (ChangeLogEntry.parent_*).

from django.db import migrations

from danvan.core.changelog import parent_backfill


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_changelog_parent"),
        ("events", "0002_seed_kinds"),
    ]

    operations = [
        migrations.RunPython(
            parent_backfill(
                "events",
                {
                    "Attendance": ("conference",),
                    "PresentedAward": ("conference",),
                    "ConferenceFile": ("conference",),
                },
            ),
            migrations.RunPython.noop,
        ),
    ]
