# The change log entries of the emulation app's parts name the record they belong to (ChangeLogEntry.parent_*).

from django.db import migrations

from danvan.core.changelog import parent_backfill


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_changelog_parent"),
        ("emulation", "0002_attachment_names"),
    ]

    operations = [
        migrations.RunPython(
            parent_backfill(
                "emulation",
                {
                    "Score": ("scorecard",),
                    "EvidenceFile": ("scorecard",),
                    "Criterion": ("criteria_set",),
                    "Grade": ("criteria_set",),
                },
            ),
            migrations.RunPython.noop,
        ),
    ]
