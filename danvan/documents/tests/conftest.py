"""A Ban Dân vận before the 2025 merger, the Ban Tuyên giáo và Dân vận after it, and a sample report."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from danvan.core.vn import percent
from danvan.documents import demo
from danvan.documents.choices import DECISION, REPORT
from danvan.documents.models import FormatProfile, Issuer, PartyTerm
from danvan.documents.seed import seed_config
from danvan.documents.services import compose
from danvan.documents.spec import COLLECTIVE, Annex, Column, Heading, Paragraph, Signature, Table

BEFORE_MERGER = dt.date(2025, 2, 28)
MERGER = dt.date(2025, 3, 1)
REPORT_DAY = dt.date(2021, 2, 5)

SENTENCE = (
    "Năm 2020, toàn tỉnh đăng ký 1.234 mô hình cấp cơ sở, giảm 56 mô hình so với năm 2019; "
    "đã công nhận 1.100 mô hình đạt cấp cơ sở, chiếm 89,1% so với số đăng ký."
)
DISTRICTS = [
    ("Thành phố Tây Ninh", 142, 130),
    ("Thị xã Hòa Thành", 128, 117),
    ("Thị xã Trảng Bàng", 156, 139),
    ("Huyện Gò Dầu", 137, 121),
    ("Huyện Bến Cầu", 98, 86),
    ("Huyện Dương Minh Châu", 141, 125),
    ("Huyện Châu Thành", 152, 134),
    ("Huyện Tân Biên", 131, 116),
    ("Huyện Tân Châu", 149, 132),
]
RECIPIENTS = ["Ban Dân vận Trung ương", "Thường trực Tỉnh ủy", "Lưu VP"]


@pytest.fixture
def seeded(db):
    # Transactional tests flush the seeded rows; put them back (idempotent otherwise).
    seed_config(FormatProfile, PartyTerm)


@pytest.fixture
def commissions(cast, seeded):
    """The demo's two commissions under the cast's province, with their issuers from demo.load."""
    from danvan.core.testing.factories import make_unit

    old = make_unit("Ban Dân vận Tỉnh ủy Tây Ninh", "ban-dan-van", cast.province, valid_until=BEFORE_MERGER)
    new = make_unit("Ban Tuyên giáo và Dân vận Tỉnh ủy Tây Ninh", "ban-dan-van", cast.province, valid_from=MERGER)
    demo.load(SimpleNamespace(commission_old=old, commission=new, province=cast.province))
    return SimpleNamespace(old=old, new=new)


def district_table() -> Table:
    rows = [
        [i, name, registered, recognized, percent(recognized, registered)]
        for i, (name, registered, recognized) in enumerate(DISTRICTS, start=1)
    ]
    total_registered = sum(d[1] for d in DISTRICTS)
    total_recognized = sum(d[2] for d in DISTRICTS)
    return Table(
        columns=[
            Column("STT", 12),
            Column("Đơn vị", 58),
            Column("Số mô hình đăng ký"),
            Column("Số mô hình được công nhận"),
            Column("Tỷ lệ (%)", 22, decimals=1),
        ],
        rows=rows,
        totals_row=["", "Tổng cộng", total_registered, total_recognized, percent(total_recognized, total_registered)],
    )


def report_blocks() -> list:
    return [
        Paragraph(
            "Thực hiện Kế hoạch của Ban Chỉ đạo phong trào thi đua “Dân vận khéo” tỉnh, Ban Dân vận Tỉnh ủy "
            "báo cáo kết quả thực hiện phong trào năm 2020 như sau:"
        ),
        Heading("I. KẾT QUẢ THỰC HIỆN", 1),
        Heading("1. Công tác lãnh đạo, chỉ đạo", 2),
        Paragraph(
            "Ban Thường vụ Tỉnh ủy quan tâm lãnh đạo, chỉ đạo các cấp ủy, chính quyền, Mặt trận Tổ quốc và các "
            "đoàn thể đẩy mạnh phong trào thi đua “Dân vận khéo” gắn với thực hiện Chỉ thị số 05-CT/TW của Bộ "
            "Chính trị; công tác tuyên truyền được đổi mới, phù hợp với từng đối tượng, địa bàn."
        ),
        Heading("2. Kết quả xây dựng mô hình, điển hình “Dân vận khéo”", 2),
        Paragraph(SENTENCE),
        district_table(),
        Heading("II. NHIỆM VỤ TRỌNG TÂM NĂM 2021", 1),
        Paragraph(
            "Tiếp tục nâng cao chất lượng phong trào thi đua “Dân vận khéo”, chú trọng xây dựng mô hình ở "
            "lĩnh vực kinh tế, văn hóa - xã hội; kịp thời biểu dương, khen thưởng, nhân rộng các điển hình tiêu biểu."
        ),
    ]


def sample_report(unit, day: dt.date = REPORT_DAY, number: int | None = 5, signature: Signature | None = None):
    return compose(
        REPORT,
        unit,
        day,
        "Kết quả thực hiện phong trào thi đua “Dân vận khéo” năm 2020",
        report_blocks(),
        RECIPIENTS,
        signature=signature,
        number=number,
    )


def sample_decision(unit, day: dt.date = dt.date(2025, 12, 20)):
    """A Party award decision with its annex list."""
    recipients = [
        ("Chi bộ ấp Long Hưng", "", "Đảng ủy xã Long Thuận"),
        ("Hội Liên hiệp Phụ nữ xã Long Chữ", "", "Ủy ban MTTQ Việt Nam xã Long Chữ"),
        ("Ông Trần Văn Hai", "Bí thư Chi bộ ấp Long Hưng", "Đảng ủy xã Long Thuận"),
        ("Bà Nguyễn Thị Tuyết Mai", "Chủ tịch Hội Nông dân xã", "Đảng ủy xã Tân Lập"),
    ]
    table = Table(
        columns=[Column("STT", 12), Column("Tên tập thể, họ và tên", 58), "Chức vụ", "Đơn vị"],
        rows=[[i, *row] for i, row in enumerate(recipients, start=1)],
    )
    return compose(
        DECISION,
        unit,
        day,
        "Về việc tặng Giấy khen",
        [
            Heading("TRƯỞNG BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY", 0),
            Paragraph("- Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"),
            Paragraph("- Căn cứ Quy chế làm việc của Ban Tuyên giáo và Dân vận Tỉnh ủy;"),
            Paragraph("- Xét đề nghị của Văn phòng Ban,"),
            Heading("QUYẾT ĐỊNH", 0),
            Paragraph(
                "Tặng Giấy khen cho 2 tập thể và 2 cá nhân (có danh sách kèm theo) đã có thành tích xuất sắc "
                "trong phong trào thi đua “Dân vận khéo” năm 2025.",
                lead="Điều 1.",
            ),
            Paragraph(
                "Mỗi tập thể được tặng Giấy khen kèm theo tiền thưởng 600.000 đồng; mỗi cá nhân được tặng "
                "Giấy khen kèm theo tiền thưởng 300.000 đồng.",
                lead="Điều 2.",
            ),
            Paragraph(
                "Văn phòng Ban, các tập thể và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
                lead="Điều 3.",
            ),
        ],
        ["Như Điều 3", "Thường trực Tỉnh ủy (báo cáo)", "Lưu VP"],
        annexes=[
            Annex(
                "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN",
                "(Kèm theo Quyết định số 01-QĐ/BTGDVTU, ngày 20 tháng 12 năm 2025 "
                "của Ban Tuyên giáo và Dân vận Tỉnh ủy)",
                table,
            )
        ],
        number=1,
    )


def ubnd_issuer(cast):
    """The provincial People's Committee, which issues in the State format and signs "TM."."""
    from danvan.core.testing.factories import make_unit

    ubnd = make_unit("Ủy ban nhân dân tỉnh Tây Ninh", "ubnd", cast.province)
    return Issuer.objects.create(
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


def sample_state_decision(unit, day: dt.date = dt.date(2025, 12, 20)):
    return compose(
        DECISION,
        unit,
        day,
        "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        [
            Heading("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TÂY NINH", 0),
            Paragraph("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", italic=True),
            Paragraph("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", italic=True),
            Heading("QUYẾT ĐỊNH:", 0),
            Paragraph("Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 54 tập thể và 40 cá nhân.", lead="Điều 1."),
        ],
        ["Như Điều 3", "Lưu: VT"],
        signature=Signature(COLLECTIVE),
        number=3,
    )


@pytest.fixture
def report(commissions):
    return sample_report(commissions.old)


def artifacts() -> Path:
    folder = Path(os.environ.get("DANVAN_ARTIFACTS", "test-artifacts")) / "documents"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def require_tool(name: str) -> str:
    """The path of a poppler tool; a skip on a developer machine without it, a failure under CI."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} không có (gói poppler-utils)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path
