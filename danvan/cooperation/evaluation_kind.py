"""The Excel kind `cooperation_evaluations`: the yearly evaluation meetings of recorded programmes, one row
per programme and year, on the shared engine (every error at once, nothing written unless all is right, an
export that imports back unchanged).

A row names its programme by number as written (regardless of case and spacing) and its signing date, or
only the signing year when that is enough to tell it apart; only programmes the user can see are found,
and the engine refuses those whose unit the user may not change. A row whose programme already has the
year's evaluation updates it. Every row is checked with the web's rules (`rules.evaluation_errors`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

from danvan.cooperation import rules, services
from danvan.cooperation.models import Evaluation, Programme
from danvan.core import changelog
from danvan.core.vn import text_date
from danvan.core.xlsx import Action, Column, Context, Date, ImportKind, Integer, Parser, Row, Text, register
from danvan.core.xlsx.modelkind import changes
from danvan.planning.rules import number_key

MSG_UNKNOWN = "Không có văn bản phối hợp số “{}” ký {} trong phạm vi của bạn."
MSG_SEVERAL = "Có {} văn bản phối hợp số “{}” ký {} ({}); ghi đúng ngày ký để phân biệt."
MSG_SAME_ROW = "Trùng với dòng {} (cùng văn bản phối hợp và năm được đánh giá)."
FIELDS = ("year", "held_on", "chair", "result")
YEARS = (1945, 2100)


class SignedOn(Parser):
    """A signing date, or only its year ("2021" or the number 2021): a bare year is not an Excel date."""

    pure = True

    def parse(self, value: Any) -> dt.date | int:
        text = str(value).strip() if not isinstance(value, float) else str(int(value)) if value.is_integer() else ""
        if text.isdigit() and YEARS[0] <= int(text) <= YEARS[1]:
            return int(text)
        return Date().parse(value)


def _signed_text(signed: dt.date | int) -> str:
    return f"ngày {text_date(signed)}" if isinstance(signed, dt.date) else f"năm {signed}"


@register
class EvaluationsKind(ImportKind):
    name = "cooperation_evaluations"
    label = "hội nghị đánh giá năm"
    sheet_title = "Hội nghị đánh giá năm"
    columns = (
        Column("Số hiệu văn bản", "number", Text(60), required=True, aliases=("Số hiệu", "Số, ký hiệu", "Văn bản"),
               width=28, export_value=lambda e: e.programme.number),
        Column("Ngày ký", "signed", SignedOn(), required=True, aliases=("Ngày ký văn bản", "Năm ký"), width=12,
               export_value=lambda e: e.programme.signed_on),
        Column("Năm được đánh giá", "year", Integer(), required=True, aliases=("Năm",), width=10),
        Column("Ngày tổ chức", "held_on", Date(), required=True, aliases=("Ngày hội nghị",), width=12),
        Column("Chủ trì", "chair", Text(300), required=True, aliases=("Người chủ trì",), width=40),
        Column("Kết quả đánh giá", "result", Text(multiline=True), required=True, aliases=("Kết quả",), width=70),
    )  # fmt: skip

    # --- plan ------------------------------------------------------------------------------------

    def plan(self, rows: list[Row], ctx: Context) -> None:
        programmes = self._programmes(rows, ctx)
        today = services.today()
        first_row: dict[tuple[int, int], int] = {}
        planned: list[Row] = []
        for row in rows:  # rows with a bad cell are checked too, so every error shows at once
            programme = self._find(row, programmes)
            if programme is None:
                continue
            evaluation = Evaluation(
                programme=programme, year=row.values.get("year"), held_on=row.values.get("held_on"),
                chair=row.values.get("chair") or "", result=row.values.get("result") or "",
            )  # fmt: skip
            for field, message in rules.evaluation_errors(evaluation, programme, today):
                row.error(field if field in row.headers else None, message)
            if not row.ok:
                continue
            key = (programme.pk, evaluation.year)
            if key in first_row:
                row.error(None, MSG_SAME_ROW.format(first_row[key]))
                continue
            first_row[key] = row.number
            row.extra.update(key=key, evaluation=evaluation)
            planned.append(row)
        self._match(planned)

    def _programmes(self, rows: list[Row], ctx: Context) -> dict[str, list[Programme]]:
        keys = {number_key(row.values["number"]) for row in rows if row.values.get("number")}
        queryset = Programme.objects.filter(number_key__in=keys).select_related("unit")
        if ctx.user is not None:
            queryset = queryset.restrict(ctx.user)
        found: dict[str, list[Programme]] = {}
        for programme in queryset.order_by("signed_on", "unit__path"):
            found.setdefault(programme.number_key, []).append(programme)
        return found

    def _find(self, row: Row, programmes: dict[str, list[Programme]]) -> Programme | None:
        number, signed = row.values.get("number"), row.values.get("signed")
        if not number or signed is None:
            return None
        candidates = [
            p
            for p in programmes.get(number_key(number), [])
            if (p.signed_on == signed if isinstance(signed, dt.date) else p.signed_on.year == signed)
        ]
        if not candidates:
            row.error("number", MSG_UNKNOWN.format(number, _signed_text(signed)))
            return None
        if len(candidates) > 1:
            units = "; ".join(f"{p.unit.name} ngày {text_date(p.signed_on)}" for p in candidates)
            row.error("signed", MSG_SEVERAL.format(len(candidates), number, _signed_text(signed), units))
            return None
        return candidates[0]

    def _match(self, rows: list[Row]) -> None:
        found = {
            (e.programme_id, e.year): e
            for e in Evaluation.objects.filter(programme__in=[row.extra["key"][0] for row in rows])
        }
        for row in rows:
            new: Evaluation = row.extra["evaluation"]
            obj = found.get(row.extra["key"])
            if obj is None:
                row.target, row.action = new, Action.CREATE
                continue
            obj.programme = new.programme
            for name in FIELDS:
                setattr(obj, name, getattr(new, name))
            row.target = obj
            row.extra["changes"] = changes(obj)
            row.action = Action.UPDATE if row.extra["changes"][1] else Action.UNCHANGED

    def touched(self, row: Row, ctx: Context) -> Iterable[tuple[str | None, str, str | None]]:
        unit = row.target.programme.unit
        yield "number", unit.name, unit.path

    # --- write -----------------------------------------------------------------------------------

    def write(self, rows: list[Row], ctx: Context) -> None:
        created = [row.target for row in rows if row.action is Action.CREATE]
        updated = [row for row in rows if row.action is Action.UPDATE]
        for row in updated:
            row.target.version += 1
        Evaluation.objects.bulk_create(created, batch_size=500)
        Evaluation.objects.bulk_update([row.target for row in updated], [*FIELDS, "version"], batch_size=500)
        changelog.bulk_log(
            [(e, "create", None, changelog.snapshot(e)) for e in created]
            + [(row.target, "update", *row.extra["changes"]) for row in updated]
        )

    # --- export ----------------------------------------------------------------------------------

    def export_queryset(self, user: Any, filters: dict[str, Any]) -> QuerySet:
        qs = Evaluation.objects.select_related("programme__unit")
        if user is not None:
            qs = qs.restrict(user)
        if filters.get("year"):
            qs = qs.filter(year=filters["year"])
        return qs.order_by("programme__unit__path", "programme__signed_on", "programme_id", "year")
