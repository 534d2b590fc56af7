import pytest
from django.db import connection
from django.urls import reverse

from danvan.core import changelog
from danvan.core.actor import acting_as
from danvan.core.models import ChangeLogEntry
from danvan.core.testing.factories import make_unit

pytestmark = pytest.mark.django_db


def entries_for(obj):
    return ChangeLogEntry.objects.filter(object_id=str(obj.pk), content_type__model=obj._meta.model_name)


def test_create_change_and_delete_are_logged_with_actor_and_values(cast):
    with acting_as(cast.admin, source="web") as actor:
        unit = make_unit("Đảng ủy xã Phước Vinh", parent=cast.d1, code="PV")
        unit = type(unit).objects.get(pk=unit.pk)
        unit.name = "Đảng ủy xã Phước Vinh (mới)"
        unit.save()
        unit_pk = unit.pk
        unit.delete()
    logged = list(ChangeLogEntry.objects.filter(object_id=str(unit_pk)).order_by("id"))
    assert [e.action for e in logged] == ["create", "update", "delete"]
    assert all(e.actor_id == cast.admin.pk and e.actor_name == "tinh_admin" for e in logged)
    assert all(e.request_id == actor.request_id for e in logged)
    assert logged[0].after["name"] == "Đảng ủy xã Phước Vinh"
    assert logged[1].before == {"name": "Đảng ủy xã Phước Vinh"}
    assert logged[1].after == {"name": "Đảng ủy xã Phước Vinh (mới)"}
    assert logged[2].before["code"] == "PV"


def test_a_save_that_changes_nothing_writes_no_entry(cast):
    unit = type(cast.c1).objects.get(pk=cast.c1.pk)
    before = entries_for(unit).count()
    unit.save()
    assert entries_for(unit).count() == before


def test_history_is_scoped_like_the_record(cast):
    unit = type(cast.c1).objects.get(pk=cast.c1.pk)
    unit.short_name = "Long Thuận"
    unit.save()
    assert len(changelog.history(unit, cast.c1_officer)) == 2
    assert changelog.history(unit, cast.c2_officer) == []
    assert ChangeLogEntry.objects.restrict(cast.c2_officer).filter(unit=cast.c1).count() == 0


def test_history_resolves_related_names_and_dates(cast):
    unit = type(cast.c1).objects.get(pk=cast.c1.pk)
    unit.parent = cast.d2
    unit.valid_from = __import__("datetime").date(2016, 5, 13)
    unit.save()
    (_entry, changes), *_ = changelog.history(unit, cast.admin)
    shown = {c.label: (c.before, c.after) for c in changes}
    assert shown["Đơn vị cấp trên"] == ("Huyện ủy Bến Cầu", "Huyện ủy Tân Biên")
    assert shown["Hiệu lực từ"] == ("—", "13/5/2016")


def test_history_is_shown_on_the_unit_page(client, cast):
    unit = type(cast.c1).objects.get(pk=cast.c1.pk)
    with acting_as(cast.admin):
        unit.name = "Đảng ủy xã Long Thuận mới"
        unit.save()
    client.force_login(cast.c1_officer)
    html = client.get(reverse("org:unit-detail", args=[unit.pk])).content.decode()
    assert "Lịch sử thay đổi" in html
    assert "tinh_admin" in html
    assert "Đảng ủy xã Long Thuận mới" in html


def test_changes_made_through_the_web_are_attributed_to_the_logged_in_user(client, cast):
    cast.admin.is_staff = cast.admin.is_superuser = True
    cast.admin.save()
    client.force_login(cast.admin)
    url = reverse("admin:org_unit_change", args=[cast.c2.pk])
    form = {
        "code": "C2",
        "name": "Đảng ủy xã Lợi Thuận (sửa)",
        "short_name": "",
        "kind": cast.c2.kind_id,
        "bloc": cast.c2.bloc_id or "",
        "parent": cast.d1.pk,
        "valid_from": "",
        "valid_until": "",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = entries_for(cast.c2).latest("id")
    assert entry.action == "update" and entry.actor_id == cast.admin.pk and entry.source == "web"


def test_history_does_not_name_related_records_outside_the_readers_scope(cast):
    unit = type(cast.c1).objects.get(pk=cast.c1.pk)
    with acting_as(cast.admin):
        unit.parent = cast.d2
        unit.save()
    (_entry, changes), *_ = changelog.history(unit, cast.d2_officer)
    shown = {c.label: (c.before, c.after) for c in changes}
    assert shown["Đơn vị cấp trên"] == ("(đơn vị, hồ sơ ngoài phạm vi)", "Huyện ủy Tân Biên")


def test_history_reads_as_words_years_full_names_and_labels(client, cast):
    """ "Năm: 2026" (never 2.026), people by their full names, units by name, choices by label."""
    from danvan.core.testing.factories import make_practice

    cast.admin.last_name, cast.admin.first_name = "Nguyễn Thị", "Hồng"
    cast.admin.save()
    with acting_as(cast.admin, source="web"):
        practice = make_practice(cast.c1, 2025)
        practice.year, practice.unit = 2026, cast.c2
        practice.save()
    client.force_login(cast.admin)
    response = client.get(reverse("practices:detail", args=[practice.pk]))
    history = response.context["history"]
    (_entry, changes), *_ = list(history)
    shown = {c.label: (c.before, c.after) for c in changes}
    assert shown["Năm"] == ("2025", "2026")
    assert shown["Đơn vị"] == (cast.c1.name, cast.c2.name)
    html = response.content.decode().split('id="lich-su"', 1)[1]
    assert "2.026" not in html and "Nguyễn Thị Hồng" in html
    assert "tinh_admin" not in html  # the account name is never shown where the full name is known
    assert "Đã đăng ký" in html or "Tạo mới" in html


def test_a_history_with_its_parts_is_read_through_indexes(cast):
    """A record's page reads its own entries and its parts' by index (the parts' used to be a scan of
    every entry's JSON values): on PostgreSQL with scans forbidden, so the plan shows what it can use."""
    entries = changelog.entries_with_parts(cast.c1, cast.d1_officer)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
        plan = entries.explain()
    assert "changelog_object_idx" in plan and "changelog_parent_idx" in plan, plan
