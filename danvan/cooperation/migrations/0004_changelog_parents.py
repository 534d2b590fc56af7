# The change log entries of the cooperation app's parts name the record they belong to (ChangeLogEntry.parent_*).

from django.db import migrations

from danvan.core.changelog import parent_backfill


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_changelog_parent"),
        ("cooperation", "0003_versioned_year_parts"),
    ]

    operations = [
        migrations.RunPython(
            parent_backfill(
                "cooperation",
                {
                    "ProgrammeItem": ("programme",),
                    "YearPlan": ("programme",),
                    "Evaluation": ("programme",),
                },
            ),
            migrations.RunPython.noop,
        ),
    ]
