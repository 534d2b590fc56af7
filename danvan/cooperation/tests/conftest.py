"""Cooperation fixtures: programmes built through the services."""

from __future__ import annotations

import datetime as dt

from danvan.cooperation import services
from danvan.cooperation.choices import Kind
from danvan.cooperation.models import Evaluation, Party, Programme

SIGNED = dt.date(2021, 3, 12)


def party(code: str) -> Party:
    return Party.objects.get(code=code)


def make_programme(user, unit, number="161-CTr/BCSĐUBND-BDVTU", signed_on=SIGNED, parties=None, others=(), **fields):
    programme = Programme(
        unit=unit,
        kind=fields.pop("kind", Kind.PROGRAMME),
        number=number,
        title=fields.pop("title", "Phối hợp thực hiện công tác dân vận chính quyền giai đoạn 2021–2025"),
        signed_on=signed_on,
        valid_from=fields.pop("valid_from", signed_on),
        interim_years=fields.pop("interim_years", "3"),
        final_years=fields.pop("final_years", 5),
        **fields,
    )
    chosen = [
        party(code) for code in (["ban-dan-van-tinh-uy", "ban-can-su-dang-ubnd-tinh"] if parties is None else parties)
    ]
    return services.save_programme(user, programme, chosen, list(others))


def evaluate(user, programme, year: int, held_on: dt.date | None = None) -> Evaluation:
    evaluation = Evaluation(
        programme=programme,
        year=year,
        held_on=held_on or dt.date(year, 12, 29),
        chair="Trưởng Ban Dân vận Tỉnh ủy, Phó Chủ tịch UBND tỉnh",
        result="Các bên thực hiện đầy đủ nội dung phối hợp; giải quyết kịp thời kiến nghị của nhân dân.",
    )
    return services.save_evaluation(user, evaluation)
