"""The cast's province with its commissions (before and after the 2025 merger), the provincial
People's Committee, and a district commission that gives its own Giấy khen; helpers to make records."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import Workbook

from danvan.awards import seed, services
from danvan.awards.choices import RecipientKind
from danvan.awards.models import Authority, AwardType, Decision, Proposal, Recipient
from danvan.core.testing.factories import make_unit
from danvan.documents import demo as documents_demo
from danvan.documents.models import FormatProfile, Issuer, PartyTerm
from danvan.documents.seed import seed_config as seed_documents

ACHIEVEMENT = "đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” năm 2024"


@pytest.fixture
def configured(db):
    """Seeded configuration (a transactional test flushes what the migrations seeded)."""
    from danvan.practices.models import Field, Level
    from danvan.practices.seed import seed_config as seed_practices

    seed_documents(FormatProfile, PartyTerm)
    seed_practices(Field, Level)
    seed.seed_config(Authority, AwardType)


@pytest.fixture
def world(cast, configured):
    province = cast.province
    old = make_unit("Ban Dân vận Tỉnh ủy Tây Ninh", "ban-dan-van", province, code="BDV", valid_until=seed.BEFORE_MERGER)
    new = make_unit("Ban Tuyên giáo và Dân vận Tỉnh ủy Tây Ninh", "ban-dan-van", province, code="BTGDV",
                    valid_from=seed.MERGER)  # fmt: skip
    ubnd = make_unit("Ủy ban nhân dân tỉnh Tây Ninh", "ubnd", province, code="UBND")
    documents_demo.load(SimpleNamespace(commission_old=old, commission=new, province=province))
    Issuer.objects.create(
        unit=ubnd,
        system="state",
        issuer_line="Ủy ban nhân dân\ntỉnh Tây Ninh",
        symbol="UBND",
        place="Tây Ninh",
        head_title="CHỦ TỊCH",
        head_name="Nguyễn Văn Năm",
        deputy_title="PHÓ CHỦ TỊCH",
        deputy_name="Huỳnh Thanh Phương",
        is_collective=True,
        collective_name="ỦY BAN NHÂN DÂN",
    )
    Issuer.objects.create(
        unit=cast.d1,
        superior_line="HUYỆN ỦY BẾN CẦU",
        issuer_line="BAN DÂN VẬN",
        symbol="BDVHU",
        place="Bến Cầu",
        head_name="Phạm Văn Lực",
        valid_until=dt.date(2025, 6, 30),
    )
    Authority.objects.filter(code="bdv-tinh-uy").update(unit=old)
    Authority.objects.filter(code="btgdv-tinh-uy").update(unit=new)
    Authority.objects.filter(code="chu-tich-ubnd-tinh").update(
        unit=ubnd, decision_heading="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TÂY NINH"
    )
    district = Authority.objects.create(
        code="bdv-ben-cau",
        name="Ban Dân vận Huyện ủy Bến Cầu",
        unit=cast.d1,
        decision_heading="TRƯỞNG BAN DÂN VẬN HUYỆN ỦY BẾN CẦU",
        legal_bases="Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        executors="Các tập thể và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
        distribution="Như Điều 3\nLưu VP",
    )
    AwardType.objects.create(
        code="giay-khen-bdv-ben-cau",
        name="Giấy khen của Ban Dân vận Huyện ủy Bến Cầu",
        form="Giấy khen",
        authority=district,
        certificate_title="GIẤY KHEN",
        valid_until=dt.date(2025, 6, 30),
    )
    types = {t.code: t for t in AwardType.objects.select_related("authority__unit")}
    return SimpleNamespace(
        cast=cast,
        commission_old=old,
        commission=new,
        ubnd=ubnd,
        giay_khen=types["giay-khen-bdv-tinh-uy"],
        giay_khen_new=types["giay-khen-btgdv-tinh-uy"],
        bang_khen=types["bang-khen-chu-tich-ubnd-tinh"],
        co_thi_dua=types["co-thi-dua-ubnd-tinh"],
        district_award=types["giay-khen-bdv-ben-cau"],
    )


def make_proposal(unit, award_type, user, year: int = 2024, recipients=(), **fields) -> Proposal:
    """A draft proposal with recipients, through the services. `recipients`: (kind, unit, name, position)."""
    proposal = services.create_proposal(
        user,
        Proposal(unit=unit, award_type=award_type, year=year, achievement=fields.pop("achievement", ACHIEVEMENT),
                 **fields),
    )  # fmt: skip
    for kind, recipient_unit, name, position in recipients:
        is_unit = kind == RecipientKind.COLLECTIVE and not name
        recipient = Recipient(kind=kind, is_unit=is_unit, unit=recipient_unit, name=name, position=position)
        services.save_proposal_recipient(user, proposal, recipient)
    return proposal


def collective(unit, name: str = ""):
    return (RecipientKind.COLLECTIVE, unit, name, "")


def individual(unit, name: str, position: str = "Bí thư Chi bộ ấp"):
    return (RecipientKind.INDIVIDUAL, unit, name, position)


def approved_proposal(world, unit, submitter, reviewer, award_type=None, year: int = 2024, recipients=()):
    proposal = make_proposal(unit, award_type or world.giay_khen, submitter, year, recipients)
    services.transition(submitter, proposal, "submit")
    return services.transition(reviewer, proposal, "approve")


def issued_decision(world, award_type, year: int, day: dt.date, recipients, user, number: str = "") -> Decision:
    """A decision with direct recipients, issued by `user` (the province admin in most tests)."""
    decision = services.new_decision(award_type, year, day)
    decision.achievement = ACHIEVEMENT.replace("2024", str(year))
    decision.number = number
    decision = services.create_decision(user, decision)
    for kind, unit, name, position in recipients:
        is_unit = kind == RecipientKind.COLLECTIVE and not name
        recipient = Recipient(kind=kind, is_unit=is_unit, unit=unit, name=name, position=position)
        services.save_decision_recipient(user, decision, recipient)
    return services.issue_decision(user, decision)


def workbook(rows: list[list], headers: list[str] | None = None, title_rows: list[list] = ()) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in title_rows:
        sheet.append(row)
    if headers:
        sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def artifacts() -> Path:
    folder = Path(os.environ.get("DANVAN_ARTIFACTS", "test-artifacts")) / "awards"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
