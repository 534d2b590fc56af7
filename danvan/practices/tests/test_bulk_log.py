"""The change log of a bulk insert is written by the database; it must read as the log of a saved record."""

import datetime as dt

from danvan.core import changelog
from danvan.core.actor import acting_as
from danvan.core.models import ChangeLogEntry
from danvan.org.models import Bloc
from danvan.practices import services
from danvan.practices.choices import Status, Subject
from danvan.practices.models import Field, Level, Practice


def test_a_bulk_insert_logs_each_record_as_a_save_would(cast):
    common = {"year": 2019, "field": Field.objects.get(code="kinh-te"), "bloc": Bloc.objects.first()}
    level = Level.objects.get(code="co-so")
    practices = [
        Practice(name="Mô hình “Dân vận khéo” – đường hoa", unit=cast.c1, level=level, **common,
                 description="Nhiều dòng\nvà dấu ' \" \\ ở giữa"),
        Practice(name="Gương điển hình", unit=cast.d1, level=level, **common, subject=Subject.INDIVIDUAL,
                 person_name="Nguyễn Văn An", status=Status.RECOGNIZED, recognized_level=level,
                 decision_number="125-QĐ/HU", decision_date=dt.date(2019, 12, 13), recognizing_unit=cast.province,
                 published=True),
    ]  # fmt: skip
    before = ChangeLogEntry.objects.count()
    with acting_as(cast.admin, source="import"):
        services.bulk_insert(practices)
    entries = list(ChangeLogEntry.objects.order_by("id")[before:])
    assert len(entries) == 2
    for practice, entry in zip(practices, entries, strict=True):
        assert (entry.object_id, entry.object_repr) == (str(practice.pk), str(practice))
        assert entry.unit_id == practice.unit_id
        assert (entry.action, entry.before, entry.source, entry.actor) == ("create", None, "import", cast.admin)
        assert entry.after == changelog.snapshot(Practice.objects.get(pk=practice.pk))
