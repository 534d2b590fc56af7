"""Reminder emails: for each user, the reviews, key tasks and recommendations in their scope that fall
due within N days or are overdue and not done. One plain-text email per user per day.

Idempotent per day: a `ReminderLog(user, day)` row is claimed before sending (unique constraint), so a
timer that runs twice does not send twice; a failed send releases the claim so the next run retries.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q

from danvan.core.users import display_name
from danvan.core.vn import format_number, text_date
from danvan.planning.choices import TaskStatus
from danvan.planning.models import KeyTask, Milestone, Recommendation, ReminderLog

logger = logging.getLogger(__name__)

DEFAULT_DAYS = 14
SECTIONS = [
    ("reviews", "SƠ KẾT, TỔNG KẾT VĂN BẢN CHỈ ĐẠO"),
    ("tasks", "NHIỆM VỤ TRỌNG TÂM"),
    ("recommendations", "KIẾN NGHỊ SAU KIỂM TRA, GIÁM SÁT"),
]


@dataclass
class Item:
    section: str
    label: str
    due: dt.date
    detail: str = ""
    url: str = ""

    def days(self, today: dt.date) -> int:
        return (self.due - today).days


@dataclass
class Outcome:
    sent: int = 0
    skipped_no_email: int = 0
    already_sent: int = 0
    nothing_due: int = 0
    failed: int = 0
    messages: list = field(default_factory=list)


def items_for(user, today: dt.date, days: int = DEFAULT_DAYS) -> list[Item]:
    """What is due for the user: three scoped queries."""
    horizon = today + dt.timedelta(days=days)
    items: list[Item] = []
    reviews = (
        Milestone.objects.restrict(user)
        .filter(report_date__isnull=True, due_date__lte=horizon)
        .with_directive()
        .order_by("due_date", "id")
    )
    for m in reviews:
        items.append(Item("reviews", m.citation, m.due_date, m.directive.unit.name, m.directive.get_absolute_url()))
    tasks = (
        KeyTask.objects.restrict(user)
        .exclude(status=TaskStatus.DONE)
        .filter(deadline__lte=horizon)
        .select_related("plan", "lead_unit")
        .order_by("deadline", "id")
    )
    for t in tasks:
        detail = f"{t.lead_unit.name} chủ trì; {t.plan.title}; tiến độ {t.progress}%"
        items.append(Item("tasks", t.content.splitlines()[0], t.deadline, detail, t.get_absolute_url()))
    recs = (
        Recommendation.objects.restrict(user)
        .filter(Q(closed_on__isnull=True), deadline__lte=horizon)
        .select_related("supervision", "responsible_unit")
        .order_by("deadline", "id")
    )
    for r in recs:
        url = r.supervision.get_absolute_url() + f"#kien-nghi-{r.pk}"
        items.append(Item("recommendations", r.content, r.deadline, f"{r.responsible_unit.name} thực hiện", url))
    return items


def _when(item: Item, today: dt.date) -> str:
    days = item.days(today)
    if days < 0:
        return f"QUÁ HẠN {format_number(-days)} ngày"
    if days == 0:
        return "đến hạn hôm nay"
    return f"còn {format_number(days)} ngày"


def compose_message(user, items: list[Item], today: dt.date, days: int, site_url: str = "") -> tuple[str, str]:
    """(subject, plain-text body) in Vietnamese."""
    overdue = sum(1 for i in items if i.days(today) < 0)
    due = len(items) - overdue
    parts = []
    if overdue:
        parts.append(f"{overdue} việc quá hạn")
    if due:
        parts.append(f"{due} việc đến hạn trong {days} ngày")
    subject = f"[danvan] Nhắc việc ngày {text_date(today)}: {', '.join(parts)}"
    base = site_url.rstrip("/")
    lines = [
        f"Kính gửi đồng chí {display_name(user)},",
        "",
        f"Trong phạm vi đồng chí theo dõi, đến ngày {text_date(today)} có {len(items)} việc "
        f"quá hạn hoặc đến hạn trong {days} ngày tới:",
    ]
    for section, title in SECTIONS:
        group = [i for i in items if i.section == section]
        if not group:
            continue
        lines += ["", f"{title} ({len(group)})"]
        for item in group:
            lines.append(f"- [{_when(item, today)}] {item.label} — hạn {text_date(item.due)}")
            if item.detail:
                lines.append(f"  {item.detail}")
            if base and item.url:
                lines.append(f"  {base}{item.url}")
    lines += [
        "",
        "Thư này do hệ thống danvan gửi tự động mỗi ngày khi có việc đến hạn; vui lòng không trả lời thư.",
    ]
    if base:
        lines.append(f"Xem tất cả: {base}/ke-hoach/")
    return subject, "\n".join(lines)


def recipients():
    """Active users with an email address and a role somewhere (or superusers)."""
    users = get_user_model().objects.filter(is_active=True)
    return users.filter(Q(is_superuser=True) | Q(role_assignments__isnull=False)).distinct().order_by("username")


def send_reminders(today: dt.date, days: int = DEFAULT_DAYS, site_url: str = "", dry_run: bool = False) -> Outcome:
    outcome = Outcome()
    for user in recipients():
        if not user.email:
            outcome.skipped_no_email += 1
            continue
        if ReminderLog.objects.filter(user=user, day=today).exists():
            outcome.already_sent += 1
            continue
        items = items_for(user, today, days)
        if not items:
            outcome.nothing_due += 1
            continue
        subject, body = compose_message(user, items, today, days, site_url)
        if dry_run:
            outcome.messages.append((user.email, subject, body))
            continue
        try:
            with transaction.atomic():
                claim = ReminderLog.objects.create(user=user, day=today, items=len(items))
        except IntegrityError:  # another run claimed it a moment ago
            outcome.already_sent += 1
            continue
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        except Exception:  # SMTP down, bad address...: log it, free the claim, go on with the others
            logger.exception("Không gửi được thư nhắc việc cho %s", user.username)
            claim.delete()
            outcome.failed += 1
            continue
        outcome.sent += 1
        outcome.messages.append((user.email, subject, body))
    return outcome
