import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.urls import reverse

from danvan.demo.build import PASSWORD
from danvan.org.models import LineageEvent, RoleAssignment, Unit
from danvan.practices.models import Practice

pytestmark = pytest.mark.django_db


def test_demo_accounts_log_in_with_the_documented_password(client, demo):
    for username in ("tinh", "huyen", "xa"):
        assert client.login(username=username, password=PASSWORD), username
        assert client.get(reverse("home")).status_code == 200
        client.logout()


def test_demo_province_spans_the_2025_reform(demo):
    province = Unit.objects.get(code="T80")
    before = Unit.objects.valid_on(dt.date(2020, 1, 1)).filter(parent=province, kind__tier="district")
    after = Unit.objects.valid_on(dt.date(2026, 1, 1)).filter(parent=province, kind__tier="commune")
    assert before.count() > 5 and after.count() > 50
    assert LineageEvent.objects.filter(successors=province, kind="merge").exists()
    commission = Unit.objects.get(code="T80-BTGDV")
    assert LineageEvent.objects.filter(successors=commission, predecessors__code="T80-BDV").exists()
    # (in this test to share its demo load) Practices name their place and spread over the four blocs.
    models = Practice.objects.filter(kind="model").exclude(name__startswith="Nhân rộng")
    assert models.filter(name__endswith=" tại Phường 1").exists()  # not "… tại 1"
    assert not models.filter(name__regex=r" tại [0-9]+$").exists()
    assert models.filter(name__contains=" tại xã ").exists()
    shares = dict(Practice.objects.values_list("bloc__code").annotate(n=Count("id")))
    total = sum(shares.values())
    for code in ("dang", "chinh-quyen", "mttq-doan-the", "llvt"):
        assert shares.get(code, 0) > total * 0.05, (code, shares)


def test_demo_accounts_have_the_documented_scopes(demo):
    roles = {(a.user.username, a.unit.kind.tier) for a in RoleAssignment.objects.select_related("user", "unit__kind")}
    assert ("tinh", "province") in roles
    assert ("huyen", "district") in roles
    assert ("xa", "commune") in roles


def test_loading_the_demo_twice_changes_nothing(demo):
    counts = (Unit.objects.count(), LineageEvent.objects.count(), RoleAssignment.objects.count())
    call_command("load_demo", stdout=__import__("io").StringIO())
    assert (Unit.objects.count(), LineageEvent.objects.count(), RoleAssignment.objects.count()) == counts
    if connection.vendor == "postgresql":  # the planner knows the new rows at once (core.db.refresh_statistics)
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = 'membership_membershipreport'")
            assert cursor.fetchone()[0] > 0
