"""Contests: the list (the module's home), recording and editing, the rounds and entries, the score matrix,
the ranking, the prizes and the steps to the announcement of the results."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from danvan.core import changelog, scoping
from danvan.core.forms import add_errors
from danvan.core.lists import Column, Listing
from danvan.core.models import ChangeLogEntry
from danvan.core.views import requested_transition, saved_by_service
from danvan.core.workflow import timeline
from danvan.emulation.rules import format_score
from danvan.emulation.views.common import readable_scores
from danvan.events.choices import ContestState
from danvan.events.forms import ContestFilter, ContestForm, EntryForm, PrizeForm, RoundForm, ScoreMatrixForm
from danvan.events.models import Contest, Entry, Prize, Round, Score
from danvan.events.ranking import TIE_RULE, missing_scores, ranked_entries
from danvan.events.services import contests as services
from danvan.events.views.common import form_page, may_record, require_change, require_record

STATE_LABELS = dict(ContestState.choices)
COLUMNS = (
    Column("Ngày", "ngay", "text-nowrap"),
    Column("Hội thi"),
    Column("Đơn vị tổ chức"),
    Column("Đội, bài dự thi", "doi", "text-end"),
    Column("Trạng thái"),
)
SORTS = {"ngay": ("start_date", "id"), "doi": ("entry_count", "id")}


@login_required
def contest_list(request):
    filters = ContestFilter(request.GET or None, user=request.user)
    rows = filters.apply(Contest.objects.restrict(request.user))
    rows = rows.select_related("unit", "kind").annotate(entry_count=Count("entries"))
    listing = Listing(request, rows, noun="hội thi", columns=COLUMNS, sorts=SORTS, default=("-start_date", "-id"))
    context = {"listing": listing, "page": listing.page, "filter_form": filters, "can_create": may_record(request.user)}
    return render(request, "events/contest_list.html", context)


def get_contest(request, pk: int) -> Contest:
    queryset = Contest.objects.restrict(request.user).select_related("unit__kind", "unit__parent", "kind")
    return get_object_or_404(queryset, pk=pk)


@login_required
def contest_create(request):
    require_record(request.user)
    form = ContestForm(request.POST or None, user=request.user)
    if done := saved_by_service(
        request, form, lambda f: services.save_contest(request.user, f.instance), "Đã thêm hội thi."
    ):
        return done
    return form_page(request, form, None, "Thêm hội thi", "events:home", "Hội thi")


@login_required
def contest_edit(request, pk: int):
    contest = get_contest(request, pk)
    require_change(request.user, contest.unit, "hội thi")
    form = ContestForm(request.POST or None, instance=contest, user=request.user)
    if done := saved_by_service(
        request,
        form,
        lambda f: services.save_contest(request.user, f.instance, f.cleaned_data.get("version")),
        "Đã lưu hội thi.",
        to=contest,
    ):
        return done
    return form_page(request, form, contest, "Sửa hội thi", "events:home", "Hội thi")


def _history(request, contest: Contest):
    """The contest's own changes and those of its rounds, entries, scores and prizes, newest first."""
    types = ContentType.objects.get_for_models(Contest, Round, Entry, Prize, Score)
    parts = [types[Round], types[Entry], types[Prize]]
    entry_ids = list(contest.entries.values_list("pk", flat=True))
    entries = ChangeLogEntry.objects.restrict(request.user).filter(
        Q(content_type=types[Contest], object_id=str(contest.pk))
        | Q(content_type__in=parts, after__contest_id=contest.pk)
        | Q(content_type__in=parts, before__contest_id=contest.pk)
        | Q(content_type=types[Score], after__entry_id__in=entry_ids)
        | Q(content_type=types[Score], before__entry_id__in=entry_ids)
    )
    return changelog.history_page(request, entries=entries, readable=readable_scores, path=contest.get_absolute_url())


def render_contest(request, contest: Contest, round_form=None, entry_form=None, prize_form=None, status=200):
    user = request.user
    can_change = scoping.covers(user, contest.unit.path, scoping.CHANGE) and not contest.is_locked
    steps = timeline(contest, user)
    for step in steps:
        step.from_label = STATE_LABELS.get(step.from_state, step.from_state)
        step.to_label = STATE_LABELS.get(step.to_state, step.to_state)
    rounds = list(Round.objects.filter(contest=contest))
    ranking = list(ranked_entries(contest))
    scores = {(s.entry_id, s.round_id): s.score for s in Score.objects.filter(entry__contest=contest)}
    for round_ in rounds:
        round_.max_text = format_score(round_.max_score)
    for entry in ranking:  # scores as the jury writes them: "88,5", "92"
        entry.cells = [format_score(scores[(entry.pk, r.pk)]) if (entry.pk, r.pk) in scores else "" for r in rounds]
        entry.total_text = format_score(entry.total)
    prizes = list(Prize.objects.filter(contest=contest).select_related("kind", "entry__unit", "award__decision"))
    context = {
        "contest": contest,
        "rounds": rounds,
        "ranking": ranking,
        "tie_rule": TIE_RULE,
        "missing": missing_scores(contest) if rounds else 0,
        "prizes": prizes,
        "can_change": can_change,
        "can_score": can_change and contest.state == ContestState.RUNNING,
        "actions": services.WORKFLOW.available(contest, user),
        "next_steps": services.WORKFLOW.next_steps(contest, user),
        "steps": steps,
        "round_form": (round_form or RoundForm(prefix="v")) if can_change else None,
        "entry_form": (entry_form or EntryForm(prefix="d", contest=contest, user=user)) if can_change else None,
        "prize_form": (prize_form or PrizeForm(prefix="g", contest=contest, user=user))
        if can_change and contest.state == ContestState.RUNNING
        else None,
        "history": _history(request, contest),
    }
    return render(request, "events/contest_detail.html", context, status=status)


@login_required
def contest_detail(request, pk: int):
    return render_contest(request, get_contest(request, pk))


@require_POST
@login_required
def contest_step(request, pk: int, action: str):
    contest = get_contest(request, pk)
    transition = requested_transition(request, contest, services.WORKFLOW, action, "Hội thi")
    if isinstance(transition, HttpResponse):
        return transition
    try:
        services.take_step(request.user, contest, action)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Hội thi đã chuyển sang “{STATE_LABELS[transition.target]}”.")
    return redirect(contest)


def _changing(request, pk: int) -> Contest:
    contest = get_contest(request, pk)
    require_change(request.user, contest.unit, "hội thi")
    return contest


@require_POST
@login_required
def round_add(request, pk: int):
    contest = _changing(request, pk)
    form = RoundForm(request.POST, prefix="v")
    form.instance.contest = contest
    if done := saved_by_service(
        request, form, lambda f: services.save_round(request.user, f.instance), "Đã thêm vòng thi.", to=contest
    ):
        return done
    return render_contest(request, contest, round_form=form)


@require_POST
@login_required
def entry_add(request, pk: int):
    contest = _changing(request, pk)
    form = EntryForm(request.POST, prefix="d", contest=contest, user=request.user)
    form.instance.contest = contest
    if done := saved_by_service(
        request, form, lambda f: services.save_entry(request.user, f.instance), "Đã thêm đội dự thi.", to=contest
    ):
        return done
    return render_contest(request, contest, entry_form=form)


@require_POST
@login_required
def prize_add(request, pk: int):
    contest = _changing(request, pk)
    form = PrizeForm(request.POST, prefix="g", contest=contest, user=request.user)
    form.instance.contest = contest
    if done := saved_by_service(
        request, form, lambda f: services.save_prize(request.user, f.instance), "Đã ghi giải.", to=contest
    ):
        return done
    return render_contest(request, contest, prize_form=form)


def _delete(request, model, pk: int, remove, done: str):
    part = get_object_or_404(model.objects.restrict(request.user).select_related("contest__unit"), pk=pk)
    contest = part.contest
    require_change(request.user, contest.unit, "hội thi")
    try:
        remove(request.user, part)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done)
    return redirect(contest)


@require_POST
@login_required
def round_delete(request, pk: int):
    return _delete(request, Round, pk, services.delete_round, "Đã xóa vòng thi.")


@require_POST
@login_required
def entry_delete(request, pk: int):
    return _delete(request, Entry, pk, services.delete_entry, "Đã xóa đội dự thi.")


@require_POST
@login_required
def prize_delete(request, pk: int):
    return _delete(request, Prize, pk, services.delete_prize, "Đã xóa giải.")


@login_required
def scores(request, pk: int):
    """The score matrix: one input per entry and round; every cell checked, saved all at once."""
    contest = get_contest(request, pk)
    require_change(request.user, contest.unit, "điểm hội thi")
    rounds = Round.objects.filter(contest=contest)
    entries = Entry.objects.filter(contest=contest).select_related("unit__bloc").order_by("id")
    stored = {(s.entry_id, s.round_id): s.score for s in Score.objects.filter(entry__contest=contest)}
    form = ScoreMatrixForm(request.POST or None, contest=contest, rounds=rounds, entries=entries, scores=stored)
    if request.method == "POST" and contest.state == ContestState.RUNNING and form.is_valid():
        try:
            changed = services.save_scores(
                request.user, contest, form.cleaned_data["values"], form.cleaned_data["version"]
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"Đã lưu điểm ({changed} ô thay đổi).")
            return redirect(contest)
    context = {
        "contest": contest,
        "form": form,
        "rounds": form.rounds,
        "running": contest.state == ContestState.RUNNING,
    }
    return render(request, "events/scores.html", context)
