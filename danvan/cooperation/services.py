"""Every change of a programme and its parts: one transaction, its own permission check, the rules of
`rules.py`. A programme's reviews live in the planning register: `sync_directive` keeps its linked
directive in line through planning's own service, so milestones are computed there."""

from __future__ import annotations

import contextlib
import datetime as dt

from django.db import transaction
from django.utils import timezone

from danvan.cooperation import rules
from danvan.cooperation.choices import DIRECTIVE_TYPES, Kind
from danvan.cooperation.models import Evaluation, Party, Programme, ProgrammeItem, YearPlan
from danvan.core import scoping, uploads
from danvan.core.services import lock_for_change, raise_errors, refuse_stale, require
from danvan.core.vn import clean_text, fold
from danvan.planning.models import Directive, DirectiveType
from danvan.planning.rules import format_years, number_key, parse_years
from danvan.planning.services.directives import save_directive

ISSUER_LENGTH = Directive._meta.get_field("issuer").max_length
MSG_NO_TYPE = "Chưa cấu hình loại văn bản “{}” trong danh mục văn bản chỉ đạo; báo quản trị hệ thống."


def today() -> dt.date:
    return timezone.localdate()


def may_change(user, programme: Programme) -> bool:
    return scoping.covers(user, programme.unit.path, scoping.CHANGE)


def join_names(names: list[str]) -> str:
    """ "A", "A và B", "A, B và C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} và {names[-1]}"


def issuer_text(names: list[str]) -> str:
    """The parties as the planning register's issuing body, within its length."""
    text = join_names(names)
    while len(text) > ISSUER_LENGTH and len(names) > 1:
        names = names[:-1]
        text = f"{', '.join(names)} và các cơ quan khác"
    return text[:ISSUER_LENGTH]


def names_of(programme: Programme) -> list[str]:
    return rules.party_names(programme.parties.order_by("order", "name"), programme.other_party_names)


def _used_names_errors(programme: Programme, names: list[str]) -> list[tuple[str, str]]:
    """An edit may not drop a party an item names as lead or partner."""
    known = {fold(n) for n in names}
    errors = []
    for item in programme.items.order_by("order"):
        missing = [n for n in [item.lead, *item.partner_names] if fold(n) not in known]
        if missing:
            errors.append(("parties", f"Nội dung số {item.order} còn ghi {', '.join(missing)}; sửa nội dung đó trước."))
    return errors


def directive_type(kind: str) -> DirectiveType:
    found = DirectiveType.objects.filter(code=DIRECTIVE_TYPES[Kind(kind)]).first()
    if found is None:
        raise_errors([("kind", MSG_NO_TYPE.format(Kind(kind).label))])
    return found


def fill_directive(programme: Programme, directive: Directive, names: list[str], dtype: DirectiveType) -> Directive:
    """The directive that follows the programme's reviews, as the programme says (also used in bulk)."""
    directive.unit = programme.unit
    directive.type = dtype
    directive.number = programme.number
    directive.issued_on = programme.signed_on
    directive.issuer = issuer_text(names)
    directive.summary = programme.title
    directive.interim_years = programme.interim_years
    directive.final_years = programme.final_years
    return directive


def twin_directive(programme: Programme, dtype: DirectiveType) -> Directive | None:
    """The same document already in the planning register (registered there first), not yet linked."""
    return Directive.objects.filter(
        unit=programme.unit,
        type=dtype,
        number_key=number_key(programme.number),
        issued_on=programme.signed_on,
        cooperation_programme__isnull=True,
    ).first()


def sync_directive(user, programme: Programme, names: list[str]) -> Directive:
    dtype = directive_type(programme.kind)
    directive = programme.directive or twin_directive(programme, dtype) or Directive()
    save_directive(user, fill_directive(programme, directive, names, dtype))
    if programme.directive_id != directive.pk:
        programme.directive = directive
        Programme.objects.filter(pk=programme.pk).update(directive=directive)
    return directive


def clean_programme(programme: Programme, others: list[str]) -> list[str]:
    programme.number = clean_text(programme.number)
    programme.title = (programme.title or "").strip()
    if programme.valid_from is None:
        programme.valid_from = programme.signed_on
    names = [clean_text(n) for n in others if clean_text(n)]
    programme.other_parties = "\n".join(names)
    return names


def programme_twin_errors(programme: Programme) -> list[tuple[str, str]]:
    twin = Programme.objects.filter(
        unit_id=programme.unit_id, number_key=number_key(programme.number), signed_on=programme.signed_on
    ).exclude(pk=programme.pk)
    if programme.unit_id and programme.signed_on and twin.exists():
        return [(None, f"{programme.unit.name} đã có {programme.label}.")]
    return []


@transaction.atomic
def save_programme(
    user,
    programme: Programme,
    parties: list[Party],
    others: list[str],
    expected_version: int | None = None,
    also: list[tuple[str | None, str]] = (),
) -> Programme:
    """Create or update a programme with its parties, and its reviews in the planning register; `also`:
    a caller's own errors, reported with the programme's."""
    lock_for_change(user, programme, expected_version)
    others = clean_programme(programme, others)
    parties = sorted(parties, key=lambda p: (p.order, p.name))
    errors = rules.programme_errors(programme, parties, others, today())
    with contextlib.suppress(ValueError):  # already among the errors
        programme.interim_years = format_years(sorted(parse_years(programme.interim_years)))
    names = rules.party_names(parties, others)
    if programme.pk:
        errors += _used_names_errors(programme, names)
    raise_errors([*errors, *programme_twin_errors(programme), *also])
    programme.parties_label = "; ".join(names)[: Programme._meta.get_field("parties_label").max_length]
    programme.save()
    programme.parties.set(parties)
    sync_directive(user, programme, names)
    return programme


@transaction.atomic
def link_replacement(user, old: Programme, new: Programme) -> Programme:
    """`new` replaces `old`: `old` ends the day before `new` takes effect."""
    lock_for_change(user, old)
    require(user, new.unit)
    raise_errors(rules.replace_errors(old, new))
    old.replaced_by = new
    last_day = new.valid_from - dt.timedelta(days=1)
    if old.valid_until is None or old.valid_until > last_day:
        old.valid_until = last_day
    old.save()
    return old


@transaction.atomic
def replace(user, old: Programme, new: Programme, parties: list[Party], others: list[str]) -> Programme:
    """Sign the agreement that replaces `old`, in one step: the new one saved, the old one ended."""
    old = Programme.objects.select_related("unit").get(pk=old.pk)
    require(user, old.unit)
    if new.valid_from is None:
        new.valid_from = new.signed_on
    save_programme(user, new, parties, others, also=rules.replace_errors(old, new))
    link_replacement(user, old, new)
    return new


def _programme_for_change(user, pk: int) -> Programme:
    programme = Programme.objects.select_related("unit").get(pk=pk)
    require(user, programme.unit)
    return programme


@transaction.atomic
def save_item(user, item: ProgrammeItem) -> ProgrammeItem:
    programme = _programme_for_change(user, item.programme_id)
    item.lead = clean_text(item.lead)
    item.partners = "; ".join(clean_text(n) for n in item.partner_names)
    if item.order is None:
        last = programme.items.order_by("-order").values_list("order", flat=True).first()
        item.order = (last or 0) + 1
    errors = rules.item_errors(item, names_of(programme))
    if programme.items.filter(order=item.order).exclude(pk=item.pk).exists():
        errors.append(("order", f"Đã có nội dung số {item.order}."))
    raise_errors(errors)
    item.programme = programme
    item.save()
    return item


@transaction.atomic
def delete_item(user, item: ProgrammeItem) -> None:
    _programme_for_change(user, item.programme_id)
    item.delete()


def _attach(record, file) -> None:
    if file:
        record.file = file
        record.file_name = uploads.original_name(file)


def _lock_part(user, record, expected_version: int | None) -> None:
    """`lock_for_change` for a programme's year plan or evaluation, whose unit is its programme's: lock
    the stored row, check the stored programme's unit, refuse a stale edit, count the next version."""
    if record.pk:
        stored = type(record).objects.select_for_update().select_related("programme__unit").get(pk=record.pk)
        require(user, stored.programme.unit)
        if stored.programme_id != record.programme_id:
            raise_errors([(None, "Không chuyển được bản ghi sang văn bản phối hợp khác.")])
        refuse_stale(stored, expected_version)
        record.version = stored.version + 1


@transaction.atomic
def save_year_plan(user, plan: YearPlan, file=None, expected_version: int | None = None) -> YearPlan:
    _lock_part(user, plan, expected_version)
    programme = _programme_for_change(user, plan.programme_id)
    plan.number = clean_text(plan.number)
    errors = rules.year_plan_errors(plan, programme, today())
    if plan.year and programme.year_plans.filter(year=plan.year).exclude(pk=plan.pk).exists():
        errors.append(("year", f"Đã có kế hoạch phối hợp năm {plan.year}."))
    raise_errors(errors)
    _attach(plan, file)
    plan.programme = programme
    plan.save()
    return plan


@transaction.atomic
def save_evaluation(user, evaluation: Evaluation, file=None, expected_version: int | None = None) -> Evaluation:
    _lock_part(user, evaluation, expected_version)
    programme = _programme_for_change(user, evaluation.programme_id)
    evaluation.chair = clean_text(evaluation.chair)
    evaluation.result = (evaluation.result or "").strip()
    errors = rules.evaluation_errors(evaluation, programme, today())
    if evaluation.year and programme.evaluations.filter(year=evaluation.year).exclude(pk=evaluation.pk).exists():
        errors.append(("year", f"Đã ghi hội nghị đánh giá năm {evaluation.year}."))
    raise_errors(errors)
    _attach(evaluation, file)
    evaluation.programme = programme
    evaluation.save()
    return evaluation


@transaction.atomic
def delete_year_plan(user, plan: YearPlan) -> None:
    _lock_part(user, plan, None)
    plan.delete()


@transaction.atomic
def delete_evaluation(user, evaluation: Evaluation) -> None:
    _lock_part(user, evaluation, None)
    evaluation.delete()
