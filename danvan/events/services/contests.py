"""Every change of a contest: one transaction, its own permission check; nothing changes once the results
are announced."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from danvan.core.services import lock_for_change, raise_errors, require
from danvan.core.vn import clean_text
from danvan.core.workflow import Transition, Workflow
from danvan.events import rules
from danvan.events.choices import ContestState
from danvan.events.models import Contest, Entry, Prize, Round, Score
from danvan.events.ranking import missing_scores

S = ContestState
WORKFLOW = Workflow(
    state_field="state",
    transitions=[
        Transition(
            "start", "Bắt đầu thi", frozenset({S.PREPARING}), S.RUNNING,
            hint="Khi đã có các vòng thi và đội dự thi: mở nhập điểm.",
        ),
        Transition(
            "announce", "Công bố kết quả", frozenset({S.RUNNING}), S.ANNOUNCED, style="success",
            confirmation="Công bố kết quả hội thi? Sau khi công bố, điểm, đội dự thi và giải không sửa được nữa.",
            hint="Khi đã nhập đủ điểm các vòng và ghi các giải: khóa kết quả.",
        ),
    ],
    locked_states=frozenset({S.ANNOUNCED}),
)  # fmt: skip


def today() -> dt.date:
    return timezone.localdate()


def _locked_contest(user, contest_id: int) -> Contest:
    """The contest under the write lock, after the scope and lock checks."""
    contest = (
        Contest.objects.select_for_update(of=("self",)).select_related("unit__kind", "unit__parent").get(pk=contest_id)
    )
    require(user, contest.unit)
    raise_errors(rules.editable_errors(contest))
    return contest


@transaction.atomic
def save_contest(user, contest: Contest, expected_version: int | None = None) -> Contest:
    lock_for_change(user, contest, expected_version)
    if contest.pk:
        raise_errors(rules.editable_errors(Contest.objects.get(pk=contest.pk)))
    contest.name, contest.edition = clean_text(contest.name), clean_text(contest.edition)
    raise_errors(rules.contest_errors(contest))
    contest.save()
    return contest


@transaction.atomic
def save_round(user, round_: Round) -> Round:
    contest = _locked_contest(user, round_.contest_id)
    round_.name = clean_text(round_.name)
    if round_.order is None:
        last = contest.rounds.order_by("-order").values_list("order", flat=True).first()
        round_.order = (last or 0) + 1
    raise_errors(rules.round_errors(round_, contest, list(contest.rounds.all())))
    round_.save()
    return round_


@transaction.atomic
def delete_round(user, round_: Round) -> None:
    _locked_contest(user, round_.contest_id)
    round_.delete()


@transaction.atomic
def save_entry(user, entry: Entry) -> Entry:
    contest = _locked_contest(user, entry.contest_id)
    entry.title = clean_text(entry.title)
    raise_errors(rules.entry_errors(entry, contest, list(contest.entries.all())))
    entry.save()
    return entry


@transaction.atomic
def delete_entry(user, entry: Entry) -> None:
    _locked_contest(user, entry.contest_id)
    entry.delete()


@transaction.atomic
def save_scores(user, contest: Contest, values: dict[tuple[int, int], Decimal | None], expected_version: int) -> int:
    """The score matrix as typed: (entry id, round id) -> score, None to clear a cell. Every cell is checked
    (errors keyed `d_<entry>_<round>`), the contest's version guards against two juries' clerks at once.
    Returns how many cells changed."""
    lock_for_change(user, contest, expected_version)
    stored = Contest.objects.get(pk=contest.pk)
    raise_errors(rules.editable_errors(stored))
    if stored.state != ContestState.RUNNING:
        raise_errors([(None, rules.MSG_NOT_RUNNING)])
    rounds = {r.pk: r for r in Round.objects.filter(contest=contest)}
    entries = set(Entry.objects.filter(contest=contest).values_list("pk", flat=True))
    errors = []
    for (entry_id, round_id), value in values.items():
        if entry_id not in entries or round_id not in rounds:
            errors.append((None, "Ô điểm không thuộc hội thi này."))
            continue
        errors += [(cell_name(entry_id, round_id), m) for _, m in rules.score_errors(value, rounds[round_id])]
    raise_errors(errors)
    existing = {(s.entry_id, s.round_id): s for s in Score.objects.filter(entry__contest=contest)}
    changed = 0
    for key, value in values.items():
        score = existing.get(key)
        if value is None:
            if score is not None:
                score.delete()
                changed += 1
        elif score is None:
            Score.objects.create(entry_id=key[0], round_id=key[1], score=value)
            changed += 1
        elif score.score != value:
            score.score = value
            score.save(update_fields=["score"])
            changed += 1
    contest.save(update_fields=["version"])
    return changed


def cell_name(entry_id: int, round_id: int) -> str:
    return f"d_{entry_id}_{round_id}"


@transaction.atomic
def save_prize(user, prize: Prize) -> Prize:
    contest = _locked_contest(user, prize.contest_id)
    raise_errors(rules.prize_errors(prize, contest, today()))
    if Prize.objects.filter(entry_id=prize.entry_id, kind_id=prize.kind_id).exclude(pk=prize.pk).exists():
        raise_errors([("kind", f"{prize.entry} đã được ghi {prize.kind.name}.")])
    prize.save()
    return prize


@transaction.atomic
def delete_prize(user, prize: Prize) -> None:
    _locked_contest(user, prize.contest_id)
    prize.delete()


def take_step(user, contest: Contest, action: str) -> Contest:
    if action == "start":
        raise_errors(rules.start_errors(contest, contest.rounds.count(), contest.entries.count()))
    elif action == "announce":
        raise_errors(rules.announce_errors(missing_scores(contest), contest.prizes.count()))
    return WORKFLOW.apply(contest, action, user)
