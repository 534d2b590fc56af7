"""Inspections and supervisions: the programme, what happened, the recommendations and their follow-up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction

from danvan.core.services import refuse_stale
from danvan.core.vn import clean_text, text_date
from danvan.planning import rules
from danvan.planning.models import FollowUp, Recommendation, Supervision
from danvan.planning.services.common import committee_root, may_change, raise_errors, require, today, within

STALE = "Cuộc giám sát đã được người khác sửa trong lúc bạn đang sửa. Vui lòng tải lại trang để xem bản mới nhất."


def supervision_errors(sup: Supervision, units: list) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    now = today()
    if not clean_text(sup.topic):
        errors.append(("topic", "Cần nhập nội dung kiểm tra, giám sát."))
    if not units:
        errors.append(("supervised_units", "Chọn ít nhất một đơn vị được kiểm tra, giám sát."))
    root = committee_root(sup.unit)
    first, last = dt.date(sup.year, 1, 1), dt.date(sup.year, 12, 31)
    for unit in units:
        if not within(unit, root) or unit.pk == sup.unit_id:
            errors.append(("supervised_units", f"{unit.name} không thuộc phạm vi kiểm tra, giám sát của {root.name}."))
        elif not unit.overlaps(first, last):
            errors.append(
                ("supervised_units", f"{unit.name} không hoạt động trong năm {sup.year} ({unit.period_label}).")
            )
    if sup.planned_start and sup.planned_start.year != sup.year:
        errors.append(("planned_start", f"Thời gian dự kiến phải trong năm {sup.year} của chương trình."))
    errors += rules.check_period(sup.planned_start, sup.planned_end, "planned_end", "Thời gian dự kiến")
    errors += rules.check_period(sup.actual_start, sup.actual_end, "actual_end", "Thời gian tiến hành")
    if sup.actual_start and sup.actual_start > now:
        errors.append(("actual_start", f"Ngày tiến hành {text_date(sup.actual_start)} chưa đến."))
    if sup.actual_end and not sup.actual_start:
        errors.append(("actual_start", "Cần nhập ngày bắt đầu tiến hành."))
    if (clean_text(sup.findings) or clean_text(sup.conclusions)) and not sup.actual_start:
        errors.append(("actual_start", "Cần nhập ngày tiến hành trước khi ghi kết quả, kết luận."))
    if sup.concluded_on:
        if not clean_text(sup.conclusions):
            errors.append(("conclusions", "Cần nhập nội dung kết luận trước khi thông báo kết luận."))
        if not sup.actual_end:
            errors.append(("actual_end", "Cần nhập ngày kết thúc tiến hành trước khi thông báo kết luận."))
        elif sup.concluded_on < sup.actual_end:
            errors.append(("concluded_on", "Ngày thông báo kết luận phải sau khi kết thúc kiểm tra, giám sát."))
        if sup.concluded_on > now:
            errors.append(("concluded_on", f"Ngày thông báo kết luận {text_date(sup.concluded_on)} chưa đến."))
    return errors


@transaction.atomic
def save_supervision(user, sup: Supervision, units: Iterable, expected_version: int | None = None) -> Supervision:
    """Create or update a supervision with its supervised units (the plan, then what happened)."""
    if sup.pk:
        current = Supervision.objects.select_for_update().select_related("unit").get(pk=sup.pk)
        require(user, current.unit)
        refuse_stale(current, expected_version)
        sup.version = current.version + 1
    require(user, sup.unit)
    units = list(units)
    if sup.planned_start and not sup.year:
        sup.year = sup.planned_start.year
    raise_errors(supervision_errors(sup, units))
    sup.save()
    sup.supervised_units.set(units)
    return sup


def recommendation_errors(rec: Recommendation, sup: Supervision) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    if not clean_text(rec.content):
        errors.append(("content", "Cần nhập nội dung kiến nghị."))
    if rec.responsible_unit_id and not within(rec.responsible_unit, committee_root(sup.unit)):
        errors.append(("responsible_unit", f"{rec.responsible_unit.name} không thuộc phạm vi của {sup.unit.name}."))
    start = sup.actual_start or sup.planned_start
    if rec.deadline is None:
        errors.append(("deadline", "Cần nhập thời hạn thực hiện kiến nghị."))
    elif start and rec.deadline < start:
        errors.append(("deadline", f"Thời hạn phải sau ngày kiểm tra, giám sát ({text_date(start)})."))
    return errors


@transaction.atomic
def save_recommendation(user, rec: Recommendation) -> Recommendation:
    sup = Supervision.objects.select_related("unit__kind", "unit__parent").get(pk=rec.supervision_id)
    require(user, sup.unit)
    rec.content = clean_text(rec.content)
    raise_errors(recommendation_errors(rec, sup))
    rec.save()
    return rec


def may_follow_up(user, rec: Recommendation) -> bool:
    """The supervising unit or the unit the recommendation is addressed to reports on it."""
    return may_change(user, rec.supervision.unit, rec.responsible_unit)


@transaction.atomic
def follow_up(user, rec: Recommendation, date: dt.date | None, content: str, closes: bool = False) -> FollowUp:
    rec = (
        Recommendation.objects.select_for_update()
        .select_related("supervision__unit", "responsible_unit")
        .get(pk=rec.pk)
    )
    if not may_follow_up(user, rec):
        raise PermissionDenied("Chỉ đơn vị thực hiện kiến nghị hoặc đơn vị chủ trì giám sát mới báo cáo kiến nghị này.")
    errors: list[tuple[str, str]] = []
    if rec.closed_on:
        errors.append((None, f"Kiến nghị đã hoàn thành ngày {text_date(rec.closed_on)}."))
    if not clean_text(content):
        errors.append(("content", "Cần nhập kết quả thực hiện."))
    if date is None:
        errors.append(("date", "Cần nhập ngày báo cáo."))
    elif date > today():
        errors.append(("date", f"Ngày báo cáo {text_date(date)} chưa đến."))
    elif rec.supervision.actual_start and date < rec.supervision.actual_start:
        errors.append(("date", "Ngày báo cáo trước ngày kiểm tra, giám sát."))
    raise_errors(errors)
    report = FollowUp.objects.create(
        recommendation=rec, date=date, content=clean_text(content), closes=closes, reported_by=user
    )
    if closes:
        rec.closed_on = date
        rec.save(update_fields=["closed_on"])
    return report
