"""Directives and their review milestones: save (with the milestones recomputed), record a review,
add or remove a milestone on an explicit date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction

from danvan.core import changelog, uploads
from danvan.core.services import refuse_stale
from danvan.core.vn import clean_text, text_date
from danvan.planning import rules
from danvan.planning.choices import ReviewKind
from danvan.planning.models import Directive, Milestone
from danvan.planning.services.common import changes, raise_errors, require, today

STALE = "Văn bản đã được người khác sửa trong lúc bạn đang sửa. Vui lòng tải lại trang để xem bản mới nhất."


def wanted_milestones(directive: Directive) -> dict[tuple[str, int], dt.date]:
    """(kind, years) -> due date, from the directive's rules."""
    wanted = {(ReviewKind.INTERIM.value, n): rules.add_years(directive.issued_on, n) for n in directive.interim_list}
    if directive.final_years:
        wanted[ReviewKind.FINAL.value, directive.final_years] = rules.add_years(
            directive.issued_on, directive.final_years
        )
    return wanted


def milestone_changes(
    directive: Directive, existing: Iterable[Milestone]
) -> tuple[list[Milestone], list[Milestone], list[Milestone], list[tuple[str, str]]]:
    """What the directive's rules do to its milestones: (to create, to update, to delete, errors).

    Rule milestones follow the issue date unless their date was set by hand (`fixed`); a milestone
    the rules no longer name is deleted, unless a report already closed it (that is an error: the
    review happened, the rule cannot be taken back).
    """
    wanted = wanted_milestones(directive)
    by_key = {(m.kind, m.years): m for m in existing if m.years is not None}
    create, update, delete, errors = [], [], [], []
    for (kind, years), due in wanted.items():
        milestone = by_key.get((kind, years))
        if milestone is None:
            create.append(Milestone(directive=directive, kind=kind, years=years, due_date=due))
        elif not milestone.fixed and milestone.due_date != due:
            milestone.due_date = due
            update.append(milestone)
    for key, milestone in by_key.items():
        if key in wanted or milestone.fixed:
            continue
        if milestone.is_done:
            field = "interim_years" if milestone.kind == ReviewKind.INTERIM else "final_years"
            label = f"{milestone.get_kind_display()} {milestone.years} năm"
            errors.append(
                (
                    field,
                    f"{label} đã có báo cáo số {milestone.report_number} ngày {text_date(milestone.report_date)}; "
                    "không bỏ được mốc này.",
                )
            )
        else:
            delete.append(milestone)
    return create, update, delete, errors


def directive_errors(directive: Directive) -> list[tuple[str, str]]:
    """The directive's own rules plus "already registered" (same unit, type, number and date)."""
    try:
        interim = rules.parse_years(directive.interim_years)
    except ValueError as exc:
        return [("interim_years", str(exc))]
    errors = rules.check_directive(
        type=directive.type if directive.type_id else None,
        number=directive.number,
        issued_on=directive.issued_on,
        interim=interim,
        final=directive.final_years,
        today=today(),
    )
    if not errors and directive.unit_id and directive.type_id:
        twin = Directive.objects.filter(
            unit_id=directive.unit_id,
            type_id=directive.type_id,
            number_key=rules.number_key(directive.number),
            issued_on=directive.issued_on,
        ).exclude(pk=directive.pk)
        if twin.exists():
            errors.append((None, f"{directive.unit.name} đã có văn bản này trong danh mục: {directive.label}."))
    return errors


@transaction.atomic
def save_directive(user, directive: Directive, expected_version: int | None = None) -> Directive:
    """Create or update a directive and bring its milestones in line with its rules."""
    if directive.pk:
        current = Directive.objects.select_for_update().select_related("unit").get(pk=directive.pk)
        require(user, current.unit)
        refuse_stale(current, expected_version)
        directive.version = current.version + 1
    require(user, directive.unit)  # the new unit too: nobody moves a record out of reach
    directive.number = clean_text(directive.number)
    directive.issuer = clean_text(directive.issuer)
    raise_errors(directive_errors(directive))
    directive.interim_years = rules.format_years(sorted(directive.interim_list))
    directive.save()
    sync_milestones([directive])
    return directive


def sync_milestones(directives: list[Directive]) -> None:
    """Apply `milestone_changes` to saved directives in bulk (one read, one write of each kind)."""
    by_pk = {d.pk: d for d in directives}
    existing: dict[int, list[Milestone]] = {pk: [] for pk in by_pk}
    for milestone in Milestone.objects.filter(directive__in=list(by_pk)):
        milestone.directive = by_pk[milestone.directive_id]  # for the change log, without a query each
        existing[milestone.directive_id].append(milestone)
    creating, updating, deleting, errors = [], [], [], []
    for directive in directives:
        create, update, delete, problems = milestone_changes(directive, existing[directive.pk])
        creating += create
        updating += update
        deleting += delete
        errors += problems
    raise_errors(errors)
    Milestone.objects.bulk_create(creating)
    Milestone.objects.bulk_update(updating, ["due_date"])
    changelog.bulk_log(
        [(m, "create", None, changelog.snapshot(m)) for m in creating]
        + [(m, "update", *changes(m)) for m in updating]
        + [(m, "delete", changelog.snapshot(m), None) for m in deleting]
    )
    Milestone.objects.filter(pk__in=[m.pk for m in deleting]).delete()


@transaction.atomic
def record_review(
    user,
    milestone: Milestone,
    *,
    number: str,
    date: dt.date | None,
    title: str = "",
    file=None,
) -> Milestone:
    """Close a review with the report that records it (or correct that report)."""
    milestone = (
        Milestone.objects.select_for_update().select_related("directive__unit", "directive__type").get(pk=milestone.pk)
    )
    require(user, milestone.directive.unit)
    errors = rules.check_report(date, number, milestone.directive.issued_on, today())
    if len(clean_text(title)) > Milestone._meta.get_field("report_title").max_length:
        errors.append(("report_title", "Trích yếu báo cáo dài quá 500 ký tự."))
    raise_errors(errors)
    milestone.report_number = clean_text(number)
    milestone.report_date = date
    milestone.report_title = clean_text(title)
    if file:
        milestone.report_file = file
        milestone.report_file_name = uploads.original_name(file)
    milestone.reported_by = user
    milestone.save()
    return milestone


@transaction.atomic
def add_milestone(user, directive: Directive, kind: str, years: int | None, due_date: dt.date | None) -> Milestone:
    """A review on an explicit date; for a (kind, years) the rules already name, that milestone's date is set."""
    directive = Directive.objects.select_related("unit", "type").get(pk=directive.pk)
    require(user, directive.unit)
    errors: list[tuple[str, str]] = []
    if kind not in ReviewKind.values:
        errors.append(("kind", "Chọn sơ kết hoặc tổng kết."))
    if due_date is None:
        errors.append(("due_date", "Cần nhập ngày đến hạn."))
    elif due_date <= directive.issued_on:
        errors.append(("due_date", f"Ngày đến hạn phải sau ngày ban hành ({text_date(directive.issued_on)})."))
    if years is not None and not 1 <= years <= rules.MAX_YEARS:
        errors.append(("years", f"Số năm phải từ 1 đến {rules.MAX_YEARS}."))
    raise_errors(errors)
    same = Milestone.objects.filter(directive=directive, kind=kind)
    same = same.filter(years=years) if years is not None else same.filter(years__isnull=True, due_date=due_date)
    milestone = same.first()
    if milestone is not None:
        if milestone.is_done or years is None:
            raise_errors([(None, f"Đã có mốc này: {milestone.citation}, hạn {text_date(milestone.due_date)}.")])
        milestone.due_date, milestone.fixed = due_date, True
        milestone.save()
        return milestone
    return Milestone.objects.create(directive=directive, kind=kind, years=years, due_date=due_date, fixed=True)


@transaction.atomic
def remove_milestone(user, milestone: Milestone) -> Milestone | None:
    """Drop a milestone set by hand; one of the rules goes back to its computed date. Returns what remains."""
    milestone = Milestone.objects.select_related("directive__unit").get(pk=milestone.pk)
    directive = milestone.directive
    require(user, directive.unit)
    if milestone.is_done:
        raise_errors([(None, "Mốc đã có báo cáo nên không xóa được.")])
    if not milestone.fixed:
        raise_errors([(None, "Mốc tính theo quy tắc của văn bản; sửa số năm sơ kết, tổng kết của văn bản để bỏ.")])
    due = wanted_milestones(directive).get((milestone.kind, milestone.years))
    if due is not None:
        milestone.due_date, milestone.fixed = due, False
        milestone.save()
        return milestone
    milestone.delete()
    return None
