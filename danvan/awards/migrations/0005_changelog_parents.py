# The change log entries of the awards app's parts name the record they belong to (ChangeLogEntry.parent_*).

from django.db import migrations

from danvan.core.changelog import parent_backfill


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_changelog_parent"),
        ("awards", "0004_central_succession_dated_laws"),
    ]

    operations = [
        migrations.RunPython(
            parent_backfill(
                "awards",
                {
                    "Proposal": ("decision",),
                    "Recipient": ("decision", "proposal"),
                },
            ),
            migrations.RunPython.noop,
        ),
    ]
