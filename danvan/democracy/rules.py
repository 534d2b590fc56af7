"""Checks of a unit's year of grassroots democracy and its parts, as (field, Vietnamese message) pairs: shared
by the forms' services and the Excel imports."""

from __future__ import annotations

import datetime as dt

from danvan.core.vn import clean_text, format_number, text_date
from danvan.democracy.choices import IN_FORCE, BoardKind, PlaceKind

# The steering committee reviews a year in its last weeks or early in the next one.
REVIEW_LATEST_MONTH = 3


def place_kind_for(unit) -> str:
    """The kind of place a unit's record is, unless the clerk says enterprise: a commune's Party committee
    stands for the commune; any other unit below a district is an agency."""
    return PlaceKind.COMMUNE if unit.kind.tier == "commune" else PlaceKind.AGENCY


def record_errors(record, today: dt.date) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    year, unit = record.year, record.unit if record.unit_id else None
    if year is None:
        return [("year", "Cần chọn năm.")]
    if year > today.year:
        errors.append(("year", f"Năm {year} chưa đến."))
    if unit is None:
        return errors
    tier = unit.kind.tier
    if tier in ("province", "district"):
        errors.append(
            ("unit", f"Dân chủ ở cơ sở ghi cho xã, phường, cơ quan, doanh nghiệp; {unit.name} là cấp ủy cấp trên.")
        )
    elif not unit.overlaps(dt.date(year, 1, 1), dt.date(year, 12, 31)):
        errors.append(("unit", f"{unit.name} không hoạt động trong năm {year} ({unit.period_label})."))
    if record.place_kind == PlaceKind.COMMUNE and tier == "other":
        errors.append(("place_kind", f"{unit.name} không phải xã, phường: chọn cơ quan, đơn vị hoặc doanh nghiệp."))
    elif record.place_kind in (PlaceKind.AGENCY, PlaceKind.ENTERPRISE) and tier == "commune":
        errors.append(("place_kind", f"{unit.name} là cấp xã: chọn loại hình xã, phường, đặc khu."))
    errors += review_errors(record, today)
    return errors


def review_errors(record, today: dt.date) -> list[tuple[str, str]]:
    """The review is dated within its year or the first months of the next, not ahead of today."""
    errors: list[tuple[str, str]] = []
    day = record.review_on
    if day is None:
        if clean_text(record.review_number) or clean_text(record.review_result):
            errors.append(("review_on", "Cần nhập ngày tổng kết."))
        return errors
    if day > today:
        errors.append(("review_on", f"Ngày tổng kết {text_date(day)} chưa đến."))
    if record.year and not (dt.date(record.year, 1, 1) <= day <= dt.date(record.year + 1, REVIEW_LATEST_MONTH, 31)):
        errors.append(
            ("review_on", f"Ngày tổng kết năm {record.year} phải trong năm {record.year} hoặc quý I năm sau.")
        )
    if not clean_text(record.review_result):
        errors.append(("review_result", "Cần ghi kết quả tổng kết."))
    return errors


def _in_year(day: dt.date, record, field: str, label: str, today: dt.date) -> list[tuple[str, str]]:
    errors = []
    if day.year != record.year:
        errors.append((field, f"{label} {text_date(day)} không thuộc năm {record.year}."))
    if day > today:
        errors.append((field, f"{label} {text_date(day)} chưa đến."))
    elif record.unit_id and not record.unit.is_valid_on(day):
        errors.append((field, f"{record.unit.name} không hoạt động vào ngày {text_date(day)}."))
    return errors


def disclosure_errors(disclosure, record, today: dt.date, method_count: int) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    if disclosure.done:
        if disclosure.disclosed_on is None:
            errors.append(("disclosed_on", "Cần nhập ngày công khai."))
        if not method_count:
            errors.append(("methods", "Chọn ít nhất một hình thức công khai."))
    if disclosure.disclosed_on is not None:
        if not disclosure.done:
            errors.append(("done", "Đánh dấu đã công khai khi có ngày công khai."))
        errors += _in_year(disclosure.disclosed_on, record, "disclosed_on", "Ngày công khai", today)
    return errors


def _communes_only(record, what: str) -> list[tuple[str | None, str]]:
    if record.place_kind != PlaceKind.COMMUNE:
        return [
            (
                None,
                f"{what} chỉ ghi cho xã, phường, đặc khu; {record.unit.name} là "
                f"{record.get_place_kind_display().lower()}.",
            )
        ]
    return []


def matter_errors(matter, record, today: dt.date) -> list[tuple[str | None, str]]:
    errors: list[tuple[str | None, str]] = list(_communes_only(record, "Nội dung nhân dân bàn và quyết định"))
    if not clean_text(matter.content):
        errors.append(("content", "Cần ghi nội dung nhân dân bàn và quyết định."))
    if not matter.method:
        errors.append(("method", "Cần chọn hình thức (hội nghị, phát phiếu hoặc biểu quyết trực tuyến)."))
    if matter.held_on is None:
        errors.append(("held_on", "Cần nhập ngày lấy ý kiến."))
    else:
        errors += _in_year(matter.held_on, record, "held_on", "Ngày lấy ý kiến", today)
    if matter.households is None:
        errors.append(("households", "Cần nhập tổng số hộ gia đình."))
    elif matter.households < 1:
        errors.append(("households", "Tổng số hộ gia đình phải từ 1 trở lên."))
    if matter.agreeing is not None:
        if matter.agreeing < 0:
            errors.append(("agreeing", "Số hộ đồng ý không được là số âm."))
        elif matter.households and matter.agreeing > matter.households:
            errors.append(
                (
                    "agreeing",
                    f"Số hộ đồng ý ({format_number(matter.agreeing)}) vượt quá tổng số hộ gia đình "
                    f"({format_number(matter.households)}).",
                )
            )
    return errors


def board_errors(board, record) -> list[tuple[str | None, str]]:
    errors: list[tuple[str | None, str]] = []
    if not board.kind:
        errors.append(("kind", "Cần chọn ban (Ban Thanh tra nhân dân hoặc Ban Giám sát đầu tư của cộng đồng)."))
    elif board.kind == BoardKind.INVESTMENT:
        errors += _communes_only(record, "Ban Giám sát đầu tư của cộng đồng")
    if board.members is None:
        errors.append(("members", "Cần nhập số thành viên."))
    elif board.members < 1:
        errors.append(("members", "Số thành viên phải từ 1 trở lên."))
    for field, label in (("meetings", "Số cuộc họp, giám sát"), ("recommendations", "Số kiến nghị"),
                         ("resolved", "Số kiến nghị được giải quyết")):  # fmt: skip
        value = getattr(board, field)
        if value is not None and value < 0:
            errors.append((field, f"{label} không được là số âm."))
    made, resolved = board.recommendations or 0, board.resolved or 0
    if resolved > made >= 0:
        errors.append(
            (
                "resolved",
                f"Số kiến nghị được giải quyết ({format_number(resolved)}) vượt quá số kiến nghị "
                f"({format_number(made)}).",
            )
        )
    return errors


def charter_errors(charter, record, today: dt.date) -> list[tuple[str | None, str]]:
    errors: list[tuple[str | None, str]] = list(_communes_only(record, "Hương ước, quy ước"))
    if not clean_text(charter.village):
        errors.append(("village", "Cần ghi thôn, ấp, khu phố."))
    if not charter.state:
        errors.append(("state", "Cần chọn tình trạng."))
    if charter.state in IN_FORCE:
        if charter.decided_on is None:
            errors.append(("decided_on", "Cần nhập ngày quyết định công nhận."))
        if not clean_text(charter.decision_number):
            errors.append(("decision_number", "Cần ghi số quyết định công nhận."))
    elif charter.decided_on or clean_text(charter.decision_number):
        errors.append(("state", "Hương ước, quy ước đang xây dựng chưa có quyết định công nhận."))
    if charter.decided_on is not None:
        if charter.decided_on > today:
            errors.append(("decided_on", f"Ngày quyết định {text_date(charter.decided_on)} chưa đến."))
        if record.year and charter.decided_on.year > record.year:
            errors.append(("decided_on", f"Ngày quyết định {text_date(charter.decided_on)} sau năm {record.year}."))
    return errors


def dialogue_errors(dialogue, record, today: dt.date) -> list[tuple[str | None, str]]:
    errors: list[tuple[str | None, str]] = []
    if record.place_kind == PlaceKind.COMMUNE:
        errors.append((None, "Đối thoại tại nơi làm việc chỉ ghi cho cơ quan, đơn vị và doanh nghiệp."))
    if dialogue.held_on is None:
        errors.append(("held_on", "Cần nhập ngày đối thoại."))
    else:
        errors += _in_year(dialogue.held_on, record, "held_on", "Ngày đối thoại", today)
    if dialogue.participants is None:
        errors.append(("participants", "Cần nhập số người tham dự."))
    elif dialogue.participants < 1:
        errors.append(("participants", "Số người tham dự phải từ 1 trở lên."))
    issues, resolved = dialogue.issues or 0, dialogue.resolved or 0
    if issues < 0 or resolved < 0:
        errors.append(("issues", "Số ý kiến không được là số âm."))
    elif resolved > issues:
        errors.append(
            (
                "resolved",
                f"Số ý kiến được giải quyết ({format_number(resolved)}) vượt quá số ý kiến, kiến nghị "
                f"({format_number(issues)}).",
            )
        )
    return errors
