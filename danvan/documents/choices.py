"""Document systems (Party, State) and the document kinds the engine knows."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models


class System(models.TextChoices):
    """The format family: Party documents (Quy định 66/399) or State documents (Nghị định 30/2020)."""

    PARTY = "party", "Thể thức văn bản của Đảng"
    STATE = "state", "Thể thức văn bản hành chính nhà nước"


class NumberingPeriod(models.TextChoices):
    TERM = "term", "Theo nhiệm kỳ"
    YEAR = "year", "Theo năm"


@dataclass(frozen=True)
class Conventions:
    """What the law fixes for a system, independent of the date: titles, marks, the number pattern."""

    national_line: str
    motto_line: str  # State only: "Độc lập - Tự do - Hạnh phúc"
    issuer_mark: str  # "*" under a Party issuer; a short rule under a State one when empty
    summary_rule: str  # "-----" under a Party summary; a short rule under a State one when empty
    number_pattern: str  # formatted with number, type, symbol
    deputy_prefix: str  # "K/T" (Party) / "KT." (State)
    collective_prefix: str  # "T/M" (Party) / "TM." (State)
    numbering: str  # NumberingPeriod


CONVENTIONS = {
    System.PARTY: Conventions(
        national_line="ĐẢNG CỘNG SẢN VIỆT NAM",
        motto_line="",
        issuer_mark="*",
        summary_rule="-----",
        number_pattern="Số {number}-{type}/{symbol}",
        deputy_prefix="K/T",
        collective_prefix="T/M",
        numbering=NumberingPeriod.TERM,
    ),
    System.STATE: Conventions(
        national_line="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        motto_line="Độc lập - Tự do - Hạnh phúc",
        issuer_mark="",
        summary_rule="",
        number_pattern="Số: {number}/{type}-{symbol}",
        deputy_prefix="KT.",
        collective_prefix="TM.",
        numbering=NumberingPeriod.YEAR,
    ),
}


@dataclass(frozen=True)
class Kind:
    """A document kind: the type code in the number ("BC") and the title line ("BÁO CÁO")."""

    code: str
    label: str


REPORT = Kind("BC", "BÁO CÁO")
PLAN = Kind("KH", "KẾ HOẠCH")
DECISION = Kind("QĐ", "QUYẾT ĐỊNH")
ANNOUNCEMENT = Kind("TB", "THÔNG BÁO")
SUBMISSION = Kind("TTr", "TỜ TRÌNH")
PROGRAMME = Kind("CTr", "CHƯƠNG TRÌNH")
GUIDANCE = Kind("HD", "HƯỚNG DẪN")
