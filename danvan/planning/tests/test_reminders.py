"""`danvan send_reminders`: one Vietnamese plain-text email per user with what is due in their scope,
nobody without an address, never twice a day."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from danvan.planning.models import Recommendation, ReminderLog
from danvan.planning.services import supervision as supervision_services
from danvan.planning.tests.conftest import make_directive, make_plan, make_supervision, make_task

pytestmark = pytest.mark.django_db
TODAY = "2021-06-20"


@pytest.fixture
def due(cast, config, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    for user, address in (
        (cast.admin, "tinh@example.vn"),
        (cast.d1_officer, "d1@example.vn"),
        (cast.d2_officer, "d2@example.vn"),
        (cast.c2_officer, "c2@example.vn"),
    ):
        user.email = address
        user.save()
    admin = cast.admin
    make_directive(admin, cast.province, interim_years="5")  # 13/5/2021: overdue
    make_directive(admin, cast.d1, "08-KL/TW", dt.date(2011, 8, 2), final_years=10)  # 2/8/2021: not within 14 days
    make_directive(admin, cast.d1, "19-CT/TW", dt.date(2018, 6, 25), "chi-thi", interim_years="3")  # 25/6/2021
    plan = make_plan(admin, cast.province, 2021)
    make_task(admin, plan, cast.d2, dt.date(2021, 6, 30), "Tổ chức hội nghị sơ kết ở huyện")
    sup = make_supervision(admin, cast.province, [cast.d1], actual_start=dt.date(2021, 3, 1))
    supervision_services.save_recommendation(
        admin,
        Recommendation(
            supervision=sup, content="Bổ sung quy chế dân chủ", responsible_unit=cast.d1, deadline=dt.date(2021, 6, 1)
        ),
    )
    return cast


def run(*args) -> str:
    out = io.StringIO()
    call_command("send_reminders", "--date", TODAY, "--site-url", "https://danvan.tayninh.vn", *args, stdout=out)
    return out.getvalue()


def by_address() -> dict:
    return {message.to[0]: message for message in mail.outbox}


def test_one_email_per_user_with_their_items(due):
    output = run()
    assert "Đã gửi 3 thư" in output
    messages = by_address()
    assert set(messages) == {"tinh@example.vn", "d1@example.vn", "d2@example.vn"}  # c2 has nothing due
    d1 = messages["d1@example.vn"]
    assert d1.subject == "[danvan] Nhắc việc ngày 20/6/2021: 1 việc quá hạn, 1 việc đến hạn trong 14 ngày"
    assert "Kính gửi đồng chí" in d1.body
    assert (
        "- [còn 5 ngày] Sơ kết 3 năm thực hiện Chỉ thị số 19-CT/TW, ngày 25/6/2018 của Ban Bí thư — hạn 25/6/2021"
        in d1.body
    )
    assert "- [QUÁ HẠN 19 ngày] Bổ sung quy chế dân chủ — hạn 1/6/2021" in d1.body
    assert "Kết luận số 03-KL/TW" not in d1.body  # the province's register
    assert "https://danvan.tayninh.vn/ke-hoach/van-ban/" in d1.body
    assert d1.content_subtype == "plain"
    d2 = messages["d2@example.vn"]
    assert "NHIỆM VỤ TRỌNG TÂM (1)" in d2.body and "Tổ chức hội nghị sơ kết ở huyện" in d2.body
    admin = messages["tinh@example.vn"]
    assert "SƠ KẾT, TỔNG KẾT VĂN BẢN CHỈ ĐẠO (2)" in admin.body
    assert "[QUÁ HẠN 38 ngày] Sơ kết 5 năm thực hiện Kết luận số 03-KL/TW" in admin.body


def test_running_twice_a_day_sends_once(due):
    run()
    assert len(mail.outbox) == 3
    output = run()
    assert len(mail.outbox) == 3
    assert "Đã gửi 0 thư; đã gửi trước đó trong ngày 3" in output
    assert ReminderLog.objects.count() == 3
    call_command("send_reminders", "--date", "2021-06-21", stdout=io.StringIO())
    assert len(mail.outbox) == 6  # the next day is another day


def test_users_without_an_address_are_skipped(due):
    due.admin.email = ""
    due.admin.save()
    assert "không có địa chỉ thư" in run()
    assert "tinh@example.vn" not in by_address()


def test_the_window_and_a_dry_run(due):
    output = run("--days", "60", "--dry-run")
    assert mail.outbox == [] and not ReminderLog.objects.exists()
    assert "Tổng kết 10 năm thực hiện Kết luận số 08-KL/TW" in output  # due 2/8, within 60 days
    run("--days", "0")
    assert "Sơ kết 3 năm" not in by_address()["d1@example.vn"].body  # only the overdue


def test_a_failed_send_is_retried_next_run(due, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("SMTP không kết nối được")

    monkeypatch.setattr("danvan.planning.reminders.send_mail", broken)
    with pytest.raises(CommandError, match="không gửi được"):
        run()
    assert not ReminderLog.objects.exists()
    monkeypatch.undo()
    run()
    assert len(mail.outbox) == 3


def test_bad_arguments(due):
    with pytest.raises(CommandError, match="Ngày không hợp lệ"):
        call_command("send_reminders", "--date", "20/6/2021", stdout=io.StringIO())
    with pytest.raises(CommandError, match="--days"):
        call_command("send_reminders", "--days", "-1", stdout=io.StringIO())


def test_the_timer_only_queues_the_sending_and_the_worker_sends(due, worker):
    """`danvan send_reminders` on a daily timer hands the sending to the worker process."""
    from django_tasks_db.models import DBTaskResult

    output = run()
    assert "vào hàng đợi" in output and not mail.outbox
    result = worker.wait_for(lambda: DBTaskResult.objects.filter(status="SUCCESSFUL").first())
    assert result.return_value == {"sent": 3, "already_sent": 0, "nothing_due": 1, "skipped_no_email": 2, "failed": 0}
    assert ReminderLog.objects.filter(day=TODAY).count() == 3
    assert "To: d1@example.vn" in worker.output()  # the worker's mail backend (console) prints to its log
    assert "vào hàng đợi" in run() and worker.wait_for(
        lambda: DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2
    )
    assert ReminderLog.objects.count() == 3  # the second run of the day sent nothing
