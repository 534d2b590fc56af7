"""`contest_scores`: one contest's score sheet, as juries hand it in: a row per team or entry (its unit, its
title), a column per round headed by the round's name, a score in each cell ("8,5" or 8.5).

A row names an entry by its unit and title (diacritics and case aside); a unit with one entry may leave the
title blank. A row naming a unit of the organizer's area with a new title adds that entry. A filled cell sets
the score, a blank cell keeps what is recorded; every score is checked against its round's maximum. The sheet
is read only while the contest is running; its export has the same columns, so it imports back unchanged.
The kind is built for a contest (`for_contest`); registered without one, it asks for the contest's page.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import F

from danvan.core import changelog
from danvan.core.vn import clean_text, fold
from danvan.core.xlsx import Action, Column, Context, ImportKind, Parser, Row, Text, register
from danvan.emulation.rules import format_score
from danvan.events import rules
from danvan.events.choices import ContestState
from danvan.events.models import Contest, Entry, Round, Score
from danvan.org.resolver import UnitResolver

MSG_SCORE = "Điểm phải là số, ví dụ 8,5."
MSG_NO_CONTEST = "Nhập bảng điểm từ trang của hội thi (nút “Nhập điểm từ Excel”), để biết các vòng thi."
MSG_SAME_ENTRY = "Trùng với dòng {} (cùng đơn vị và tên đội, bài dự thi)."
MSG_AMBIGUOUS_ENTRY = "{} có {} đội, bài dự thi; ghi tên đội, bài dự thi để phân biệt."


class ScoreValue(Parser):
    """A score typed as a number or as text with a decimal comma; exported as the page writes it."""

    pure = True

    def parse(self, value: Any) -> Decimal:
        if isinstance(value, bool):
            raise ValueError(MSG_SCORE)
        if isinstance(value, int | float):
            return Decimal(str(value))
        try:
            return Decimal(clean_text(value).replace(" ", "").replace(",", "."))
        except InvalidOperation:
            raise ValueError(MSG_SCORE) from None

    def export(self, value: Any) -> str:
        return format_score(value) if value is not None else ""


BASE_COLUMNS = (
    Column("Đơn vị", "unit", Text(300), required=True, aliases=("Đơn vị dự thi", "Mã đơn vị"), width=18,
           export_value=lambda e: e.unit.code),
    Column("Tên đội, bài dự thi", "title", Text(300), aliases=("Tên đội", "Đội", "Tác phẩm", "Bài dự thi"),
           width=40),
)  # fmt: skip


@register
class ContestScoresKind(ImportKind):
    name = "contest_scores"
    label = "đội, bài dự thi"
    sheet_title = "Bảng điểm"
    columns = BASE_COLUMNS

    def __init__(self, contest: Contest | None = None) -> None:
        self.contest = contest
        self.rounds: list[Round] = []
        if contest is not None:
            self.rounds = list(Round.objects.filter(contest=contest).select_related("contest").order_by("order"))
            self.columns = BASE_COLUMNS + tuple(
                Column(r.name, f"r{r.pk}", ScoreValue(), column_required=True, width=14) for r in self.rounds
            )
        super().__init__()

    @classmethod
    def for_contest(cls, contest: Contest) -> ContestScoresKind:
        return cls(contest)

    # --- plan ------------------------------------------------------------------------------------

    def plan(self, rows: list[Row], ctx: Context) -> None:
        if self.contest is None:
            rows[0].error(None, MSG_NO_CONTEST)
            return
        contest = Contest.objects.select_related("unit__kind", "unit__parent").get(pk=self.contest.pk)
        if contest.state != ContestState.RUNNING:
            rows[0].error(None, rules.MSG_LOCKED if contest.is_locked else rules.MSG_NOT_RUNNING)
            return
        units = UnitResolver(ctx.user, related=("kind", "parent"))
        units.load(row.values.get("unit") for row in rows)
        entries = list(Entry.objects.filter(contest=contest).select_related("unit"))
        by_unit: dict[int, list[Entry]] = {}
        for entry in entries:
            by_unit.setdefault(entry.unit_id, []).append(entry)
        scores = Score.objects.filter(entry__contest=contest).select_related("entry__unit", "round__contest")
        stored = {(s.entry_id, s.round_id): s for s in scores}
        firsts: dict[Any, int] = {}
        for row in rows:
            unit = units.find(row, "unit", day=contest.start_date)
            if unit is None:
                continue
            units.check_scope(row, "unit", unit)
            entry = self._entry(row, unit, contest, by_unit, entries)
            if entry is None:
                continue
            key = entry.pk or (unit.pk, fold(entry.title))
            if key in firsts:
                row.error("unit", MSG_SAME_ENTRY.format(firsts[key]))
                continue
            firsts[key] = row.number
            self._scores(row, entry, stored)
            if row.ok:
                row.target = entry
                row.extra["contest"] = contest
                changed = row.extra["scores"]
                row.action = Action.CREATE if entry.pk is None else Action.UPDATE if changed else Action.UNCHANGED

    def _entry(self, row: Row, unit, contest: Contest, by_unit: dict, entries: list[Entry]) -> Entry | None:
        title = row.values.get("title") or ""
        own = by_unit.get(unit.pk, [])
        if title:
            for entry in own:
                if fold(entry.title) == fold(title) or (not entry.title and fold(unit.name) == fold(title)):
                    return entry
        elif len(own) == 1:
            return own[0]
        elif len(own) > 1:
            row.error("title", MSG_AMBIGUOUS_ENTRY.format(unit.name, len(own)))
            return None
        entry = Entry(contest=contest, unit=unit, title=title)
        for field, message in rules.entry_errors(entry, contest, entries):
            row.error("unit" if field == "unit" else "title", message)
        return entry if row.ok else None

    def _scores(self, row: Row, entry: Entry, stored: dict) -> None:
        changed = []
        for round_ in self.rounds:
            value = row.values.get(f"r{round_.pk}")
            if value is None:
                continue
            errors = rules.score_errors(value, round_)
            for _, message in errors:
                row.error(f"r{round_.pk}", message)
            score = stored.get((entry.pk, round_.pk)) if entry.pk else None
            if not errors and (score is None or score.score != value):
                changed.append((round_, score, value))
        row.extra["scores"] = changed

    def touched(self, row: Row, ctx: Context):
        unit = row.extra["contest"].unit
        yield None, unit.code, unit.path

    # --- write -----------------------------------------------------------------------------------

    def write(self, rows: list[Row], ctx: Context) -> None:
        written = [row for row in rows if row.action in (Action.CREATE, Action.UPDATE)]
        new = [row.target for row in written if row.target.pk is None]
        Entry.objects.bulk_create(new)
        changelog.bulk_log((e, "create", None, changelog.snapshot(e)) for e in new)
        created, updated, logs = [], [], []
        for row in written:
            for round_, score, value in row.extra["scores"]:
                if score is None:
                    created.append(Score(entry=row.target, round=round_, score=value))
                else:
                    before = changelog.snapshot(score)
                    score.score = value
                    updated.append(score)
                    logs.append((score, "update", before, changelog.snapshot(score)))
        Score.objects.bulk_create(created)
        Score.objects.bulk_update(updated, ["score"])
        changelog.bulk_log([(s, "create", None, changelog.snapshot(s)) for s in created] + logs)
        # A score page opened before the import is now stale: its save will be refused.
        Contest.objects.filter(pk=self.contest.pk).update(version=F("version") + 1)

    # --- export ----------------------------------------------------------------------------------

    def export_queryset(self, user: Any, filters: dict[str, Any]):
        return Entry.objects.filter(contest=self.contest).select_related("unit").order_by("id")

    def export_rows(self, queryset):
        entries = list(queryset)
        scores = {(s.entry_id, s.round_id): s.score for s in Score.objects.filter(entry__in=entries)}
        for entry in entries:
            cells = [self.export_cell(column, entry) for column in BASE_COLUMNS]
            yield cells + [ScoreValue().export(scores.get((entry.pk, r.pk))) for r in self.rounds]
