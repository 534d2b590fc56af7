"""What the opinion app's Excel kinds share: messages, parsers for its cells, the unit columns."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from danvan.core.vn import fold_key
from danvan.core.xlsx import Column, Context, Parser, Row, Text
from danvan.core.xlsx.modelkind import KEY_CHUNK
from danvan.opinion.choices import (
    Intensity,
    Platform,
    Source,
    State,
    Tendency,
)
from danvan.opinion.models import (
    OpinionItem,
    Topic,
)
from danvan.org.models import Unit
from danvan.org.resolver import UnitResolver

MSG_TOPIC_ENDED = "Lĩnh vực “{}” không dùng vào ngày {}."
MSG_COLLABORATOR_UNKNOWN = "Không có “{}” trong danh sách cộng tác viên của {}."
MSG_COLLABORATOR_AMBIGUOUS = (
    "Có {} cộng tác viên tên “{}” trong nhiệm kỳ vào ngày {} ({}); sửa trên trang của thông tin."
)
MSG_NEW_FORWARDED = (
    "Tình trạng “Mới” là chưa chuyển cơ quan nào: để trống các cột chuyển và trả lời, hoặc ghi tình trạng đúng."
)
MSG_FORWARDED_ANSWERED = (
    "Tình trạng “Đã chuyển” là cơ quan chưa trả lời: để trống Nội dung trả lời và Ngày trả lời, "
    "hoặc ghi tình trạng “Đã trả lời”."
)
MSG_SAME_ITEM = "Trùng với dòng {} (cùng đơn vị, địa bàn, ngày ghi nhận, nguồn và nội dung)."
MSG_RECORDED = (
    "Thông tin này đã có trong hệ thống (ghi nhận ngày {}) nên không ghi lại; khác ở cột {}: "
    "sửa hoặc chuyển bước trên trang của thông tin."
)
MSG_SAME_COLLABORATOR = "Trùng với dòng {} (cùng đơn vị, họ tên và ngày bắt đầu nhiệm kỳ)."
MSG_YES_NO = "Ghi “Có” nếu là điểm nóng, vụ việc phức tạp; để trống nếu không."
MSG_LINK = "Đường dẫn không hợp lệ: '{}'; ghi đầy đủ địa chỉ bài viết, ví dụ https://www.facebook.com/…"

UNIT_CODE = Unit._meta.get_field("code").max_length
LINK_LENGTH = OpinionItem._meta.get_field("link").max_length
YES = "Có"


def _max_length(model: Any, name: str) -> int:
    return model._meta.get_field(name).max_length


# --- Parsers -------------------------------------------------------------------------------------


class YesNo(Parser):
    """ "Có" (or x, TRUE, 1) is yes; blank is no. Exported as "Có" or blank."""

    empty = False
    pure = True
    YES_KEYS = frozenset({"co", "x", "true", "1", "dung", "phai", "yes"})
    NO_KEYS = frozenset({"khong", "false", "0", "no"})

    def parse(self, value: Any) -> bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float):
            value = int(value) if float(value).is_integer() else value
        key = fold_key(value)
        if key in self.YES_KEYS:
            return True
        if key in self.NO_KEYS:
            return False
        raise ValueError(MSG_YES_NO)

    def export(self, value: Any) -> str:
        return YES if value else ""


class Link(Parser):
    """A web address; one without a scheme is read as https, as the web form does."""

    empty = ""
    pure = True
    _valid = URLValidator(schemes=["http", "https"])

    def parse(self, value: Any) -> str:
        text = str(value).strip()
        if "://" not in text:
            text = f"https://{text}"
        if len(text) > LINK_LENGTH:
            raise ValueError(f"Dài quá {LINK_LENGTH} ký tự (hiện có {len(text)} ký tự)")
        try:
            self._valid(text)
        except ValidationError:
            raise ValueError(MSG_LINK.format(str(value).strip())) from None
        return text

    def export(self, value: Any) -> str:
        return value or ""


def _topics() -> Iterable[Topic]:
    return Topic.objects.order_by("order", "name")


SOURCE_ALIASES = {
    Source.COLLABORATOR: ("Cộng tác viên", "Cộng tác viên dư luận", "CTV", "CTV DLXH"),
    Source.BRIEFING: ("Giao ban", "Sinh hoạt định kỳ", "Sinh hoạt"),
    Source.RECEPTION: ("Tiếp dân",),
    Source.FRONT: ("Mặt trận", "Đoàn thể", "MTTQ", "Mặt trận Tổ quốc"),
    Source.PRESS: ("Báo", "Báo in", "Báo đài"),
    Source.CYBERSPACE: ("Mạng xã hội", "MXH", "Internet", "Trên mạng"),
    Source.OTHER: ("Khác",),
}
PLATFORM_ALIASES = {
    Platform.NEWS_SITE: ("Trang tin", "Báo điện tử", "Trang tin điện tử"),
    Platform.FORUM: ("Diễn đàn", "Mạng khác"),
}
TENDENCY_ALIASES = {
    Tendency.AGREE: ("Ủng hộ", "Tích cực", "Đồng thuận"),
    Tendency.DISAGREE: ("Phản đối", "Tiêu cực", "Bức xúc, phản đối"),
    Tendency.UNSURE: ("Băn khoăn", "Chưa rõ", "Trung lập", "Băn khoăn, lo lắng"),
}
INTENSITY_ALIASES = {
    Intensity.LOW: ("Ít", "Thấp", "Bình thường"),
    Intensity.MEDIUM: ("Nhiều", "Quan tâm", "Trung bình"),
    Intensity.HIGH: ("Bức xúc", "Lan rộng", "Cao", "Nghiêm trọng"),
}
STATE_ALIASES = {
    State.NEW: ("Mới ghi nhận", "Chưa chuyển", "Chưa xử lý"),
    State.FORWARDED: ("Chuyển", "Đã chuyển cơ quan chức năng", "Chờ trả lời"),
    State.ANSWERED: ("Đã có trả lời", "Có trả lời"),
    State.RESOLVED: ("Giải quyết xong", "Xong", "Hoàn thành"),
    State.WATCHING: ("Theo dõi", "Đang theo dõi", "Tiếp tục theo dõi"),
}


def unit_column(header: str, field: str, required: bool, aliases: tuple[str, ...]) -> Column:
    return Column(
        header,
        field,
        Text(300),
        required=required,
        aliases=aliases,
        width=14,
        export_value=lambda obj: getattr(obj, field).code,
    )


# --- Units ---------------------------------------------------------------------------------------


def unit_resolver(rows: list[Row], ctx: Context, fields: Sequence[str]) -> UnitResolver:
    """The one resolver, with the units' kind and parent (for the area a unit works for), and the
    units these columns name looked up at once."""
    units = UnitResolver(ctx.user, related=("kind", "parent"))
    units.load(row.values.get(field) for row in rows for field in fields)
    return units


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), KEY_CHUNK):
        yield values[start : start + KEY_CHUNK]


def _has_error(row: Row, field: str) -> bool:
    header = row.headers.get(field)
    return any(error.column == header for error in row.errors)
