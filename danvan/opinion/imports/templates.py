"""The import templates of the opinion kinds: the columns, drop-down lists from the user's scope, a guide."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from danvan.core.xlsx import Column
from danvan.opinion.choices import (
    CaseType,
    HostRole,
    Intensity,
    Platform,
    ReceptionKind,
    ReceptionStatus,
    Source,
    State,
    Tendency,
)
from danvan.opinion.imports.common import (
    YES,
)
from danvan.opinion.imports.items import (
    CollaboratorsKind,
    ItemsKind,
)
from danvan.opinion.imports.meetings import (
    DialoguesKind,
    ReceptionsKind,
)
from danvan.opinion.models import (
    Collaborator,
    Topic,
)
from danvan.org.services import area_units, owner_units

# --- Import templates ----------------------------------------------------------------------------

LISTS_SHEET = "Danh mục"
TEMPLATE_ROWS = 2000  # rows of the list sheet that carry the drop-down lists
FREE_TEXT = frozenset({"unit", "place", "collaborator"})  # a list to pick from, but other text is accepted

ITEM_NOTES = {
    "unit": ("Có", "Mã đơn vị nắm tình hình (chọn trong danh sách “mã – tên”); chỉ đơn vị trong phạm vi của bạn."),
    "noted_on": ("Có", "Ngày/tháng/năm, ví dụ 10/3/2026; không sau ngày nhập."),
    "place": ("Không", "Mã xã, phường nơi xảy ra (thuộc địa bàn của đơn vị); để trống là chính đơn vị."),
    "topic": ("Có", "Chọn trong danh sách."),
    "summary": ("Có", "Tóm tắt sự việc, ý kiến của nhân dân."),
    "source": ("Có", "Chọn trong danh sách."),
    "collaborator": ("Khi nguồn là cộng tác viên", "Họ tên cộng tác viên có trong danh sách của đơn vị."),
    "source_detail": ("Không", "Mạng lưới, tổ chức, tên báo, người phản ánh..."),
    "platform": ("Khi nguồn là không gian mạng", "Chọn trong danh sách."),
    "link": ("Khi nguồn là không gian mạng", "Địa chỉ bài viết, ví dụ https://www.facebook.com/…"),
    "reach": ("Không", "Lượt tiếp cận, tương tác (chỉ với nguồn không gian mạng)."),
    "tendency": ("Có", "Chọn trong danh sách."),
    "intensity": ("Không", "Để trống là “Ít quan tâm”."),
    "hot_spot": ("Không", "Ghi “Có” nếu là điểm nóng, vụ việc phức tạp; để trống nếu không."),
    "people_involved": ("Không", "Từ 1 trở lên."),
    "proposal": ("Không", "Đề xuất, kiến nghị."),
    "forwarded_to": ("Khi đã chuyển", "Cơ quan được chuyển đến, ví dụ UBND xã Long Thuận."),
    "forwarded_on": ("Khi đã chuyển", "Không trước ngày ghi nhận."),
    "answer_due": ("Không", "Không trước ngày chuyển."),
    "answer": ("Khi đã trả lời", "Nội dung trả lời của cơ quan."),
    "answered_on": ("Khi đã trả lời", "Không trước ngày chuyển."),
    "state": (
        "Không",
        "Để trống thì theo các cột: có trả lời là “Đã trả lời”, có chuyển là “Đã chuyển”, còn lại là “Mới”.",
    ),
}
ITEM_GUIDE = (
    "HƯỚNG DẪN NHẬP THÔNG TIN TÌNH HÌNH NHÂN DÂN, DƯ LUẬN XÃ HỘI",
    "Mỗi dòng của trang đầu là một thông tin. Giữ nguyên tên các cột; có thể thêm các dòng tiêu đề phía trên, "
    "cột STT ở đầu và dòng “Tổng cộng” ở cuối.",
    "Các cột có danh sách chọn sẵn; chữ hoa, chữ thường, có dấu hay không dấu đều được nhận.",
    "Không dùng công thức trong ô (hãy dán giá trị). Khi nhập, hệ thống kiểm tra toàn bộ tệp và báo mọi lỗi "
    "(dòng, cột, nội dung); chỉ ghi khi không còn lỗi nào.",
    "Một dòng trùng thông tin đã có (cùng đơn vị, địa bàn, ngày ghi nhận, nguồn và nội dung) không được ghi lại: "
    "nhập lại cùng một tệp không làm thay đổi gì. Việc chuyển, trả lời sau đó cập nhật trên trang của thông tin.",
)
COLLABORATOR_NOTES = {
    "unit": ("Có", "Mã đơn vị quản lý cộng tác viên (chọn trong danh sách “mã – tên”)."),
    "name": ("Có", "Họ và tên cộng tác viên."),
    "position": ("Không", "Chức vụ, nơi công tác."),
    "topic": ("Không", "Để trống là theo dõi mọi lĩnh vực."),
    "term_start": ("Có", "Ngày/tháng/năm bắt đầu nhiệm kỳ."),
    "term_end": ("Không", "Để trống khi chưa hết nhiệm kỳ."),
}
COLLABORATOR_GUIDE = (
    "HƯỚNG DẪN NHẬP DANH SÁCH CỘNG TÁC VIÊN DƯ LUẬN XÃ HỘI",
    "Mỗi dòng là một cộng tác viên trong một nhiệm kỳ. Dòng cùng đơn vị, họ tên và ngày bắt đầu nhiệm kỳ với "
    "cộng tác viên đã có sẽ cập nhật chức vụ, lĩnh vực và ngày kết thúc nhiệm kỳ của người đó.",
    "Không dùng công thức trong ô (hãy dán giá trị). Hệ thống báo mọi lỗi và chỉ ghi khi không còn lỗi nào.",
)
ITEM_TEMPLATE_NAME = "Mẫu nhập thông tin dư luận.xlsx"
COLLABORATOR_TEMPLATE_NAME = "Mẫu nhập cộng tác viên dư luận xã hội.xlsx"


def _unit_options(units: QuerySet) -> list[str]:
    return [f"{code} – {name}" for code, name in units.values_list("code", "name")]


def item_template(user: Any) -> Any:
    """The items' template: the list sheet with drop-down lists, a guide, and the hidden lists (the units
    the user records for, the places of their area, fields, collaborators and the choices)."""
    today = timezone.localdate()
    collaborators = Collaborator.objects.restrict(user).filter(Q(term_end__isnull=True) | Q(term_end__gte=today))
    lists = {
        "unit": ("Danh mục đơn vị (mã – tên)", _unit_options(owner_units(user))),
        "place": ("Danh mục địa bàn (mã – tên)", _unit_options(area_units(user))),
        "topic": (
            "Danh mục lĩnh vực",
            [topic.name for topic in Topic.objects.valid_on(today).order_by("order", "name")],
        ),
        "source": ("Danh mục nguồn", [label for _, label in Source.choices]),
        "collaborator": ("Danh sách cộng tác viên", sorted(set(collaborators.values_list("name", flat=True)))),
        "platform": ("Danh mục nền tảng", [label for _, label in Platform.choices]),
        "tendency": ("Danh mục chiều hướng", [label for _, label in Tendency.choices]),
        "intensity": ("Danh mục mức độ", [label for _, label in Intensity.choices]),
        "hot_spot": ("Điểm nóng (ghi “Có”)", [YES]),
        "state": ("Danh mục tình trạng", [label for _, label in State.choices]),
    }
    return _template(ItemsKind.columns, ItemsKind.sheet_title, lists, ITEM_NOTES, ITEM_GUIDE)


def collaborator_template(user: Any) -> Any:
    lists = {
        "unit": ("Danh mục đơn vị (mã – tên)", _unit_options(owner_units(user))),
        "topic": ("Danh mục lĩnh vực", [topic.name for topic in Topic.objects.order_by("order", "name")]),
    }
    return _template(
        CollaboratorsKind.columns, CollaboratorsKind.sheet_title, lists, COLLABORATOR_NOTES, COLLABORATOR_GUIDE
    )


RECEPTION_NOTES = {
    "unit": ("Có (dòng đầu của buổi)",
             "Mã cấp ủy, đơn vị (chọn “mã – tên”); để trống cùng Ngày tiếp là tiếp tục buổi ở dòng trên."),
    "day": ("Có (dòng đầu của buổi)", "Ngày/tháng/năm, ví dụ 15/3/2026; ngày chưa đến là ngày trên lịch tiếp."),
    "leader": ("Có", "Họ tên, chức vụ người chủ trì, ví dụ Nguyễn Văn A, Bí thư Đảng ủy xã."),
    "kind": ("Không", "Để trống là “Định kỳ”."),
    "status": ("Không", "Để trống: ngày đã qua là “Đã tiếp”, ngày chưa đến là “Theo lịch”."),
    "place": ("Không", "Nơi tiếp công dân."),
    "notes": ("Không", "Lý do hoãn, tiếp đột xuất..."),
    "petitioner": ("Khi có vụ việc", "Họ tên người đến (người đại diện), nơi cư trú."),
    "case_type": ("Khi có vụ việc", "Chọn trong danh sách."),
    "people": ("Không", "Để trống là 1 người."),
    "content": ("Khi có vụ việc", "Nội dung phản ánh, kiến nghị, khiếu nại, tố cáo."),
    "assigned_to": ("Không", "Cơ quan, người được giao giải quyết."),
    "deadline": ("Không", "Không trước ngày tiếp."),
    "result": ("Khi có kết quả", "Kết quả giải quyết."),
    "settled_on": ("Khi có kết quả", "Không trước ngày tiếp, không sau ngày nhập."),
}  # fmt: skip
RECEPTION_GUIDE = (
    "HƯỚNG DẪN NHẬP SỔ TIẾP CÔNG DÂN",
    "Mỗi dòng là một vụ việc tiếp nhận khi tiếp công dân, kèm các cột của buổi tiếp (đơn vị, ngày tiếp, "
    "người chủ trì...). Các dòng sau của cùng buổi có thể để trống các cột của buổi (kể cả khi gộp ô); "
    "buổi không có ai đến, buổi trên lịch hoặc đã hoãn ghi một dòng, để trống các cột của vụ việc.",
    "Cùng đơn vị, ngày tiếp và hình thức là một buổi tiếp; cùng buổi, người đến, loại đơn, việc và nội dung "
    "là một vụ việc. Nhập lại tệp đã nhập (hoặc tệp xuất ra) không thêm gì; ô có ghi thì cập nhật (ví dụ "
    "kết quả giải quyết), ô để trống không xóa dữ liệu đã có.",
    "Không dùng công thức trong ô (hãy dán giá trị). Hệ thống kiểm tra toàn bộ tệp, báo mọi lỗi và chỉ ghi khi "
    "không còn lỗi nào.",
)
DIALOGUE_NOTES = {
    "unit": ("Có (dòng đầu của hội nghị)",
             "Mã cấp ủy (chọn “mã – tên”); để trống cùng Ngày đối thoại là tiếp tục hội nghị ở dòng trên."),
    "day": ("Có (dòng đầu của hội nghị)", "Ngày/tháng/năm."),
    "host_role": ("Có", "Bí thư cấp ủy hoặc Chủ tịch Ủy ban nhân dân."),
    "hosts": ("Có", "Họ tên, chức vụ người chủ trì."),
    "topic": ("Có", "Chủ đề đối thoại."),
    "place": ("Không", "Địa điểm tổ chức."),
    "notice_on": ("Không", "Nên thông báo cho nhân dân trước ít nhất 7 ngày."),
    "participants": ("Không", "Từ 1 trở lên."),
    "published_on": ("Không", "Không trước ngày đối thoại, không sau ngày nhập."),
    "publication": ("Không", "Niêm yết tại trụ sở, loa truyền thanh..."),
    "content": ("Khi có cam kết", "Nội dung cam kết."),
    "responsible": ("Khi có cam kết", "Cơ quan chịu trách nhiệm thực hiện."),
    "deadline": ("Khi có cam kết", "Không trước ngày đối thoại."),
    "done_on": ("Khi đã hoàn thành", "Không sau ngày nhập."),
    "result": ("Khi đã hoàn thành", "Kết quả thực hiện cam kết."),
}  # fmt: skip
DIALOGUE_GUIDE = (
    "HƯỚNG DẪN NHẬP HỘI NGHỊ ĐỐI THOẠI VÀ CAM KẾT",
    "Mỗi dòng là một cam kết tại hội nghị, kèm các cột của hội nghị; các dòng sau của cùng hội nghị có thể để trống "
    "các cột của hội nghị. Hội nghị chưa có cam kết ghi một dòng, để trống các cột cam kết.",
    "Cùng đơn vị và ngày đối thoại là một hội nghị; cùng hội nghị và nội dung là một cam kết. Nhập lại không thêm gì; "
    "ô có ghi thì cập nhật (ví dụ ngày hoàn thành), ô để trống không xóa dữ liệu đã có.",
    "Không dùng công thức trong ô (hãy dán giá trị). Hệ thống báo mọi lỗi và chỉ ghi khi không còn lỗi nào.",
)
RECEPTION_TEMPLATE_NAME = "Mẫu nhập sổ tiếp công dân.xlsx"
DIALOGUE_TEMPLATE_NAME = "Mẫu nhập đối thoại với nhân dân.xlsx"


def reception_template(user: Any) -> Any:
    lists = {
        "unit": ("Danh mục đơn vị (mã – tên)", _unit_options(owner_units(user))),
        "kind": ("Danh mục hình thức", [label for _, label in ReceptionKind.choices]),
        "status": ("Danh mục tình trạng", [label for _, label in ReceptionStatus.choices]),
        "case_type": ("Danh mục loại đơn, việc", [label for _, label in CaseType.choices]),
    }
    return _template(ReceptionsKind.columns, ReceptionsKind.sheet_title, lists, RECEPTION_NOTES, RECEPTION_GUIDE)


def dialogue_template(user: Any) -> Any:
    lists = {
        "unit": ("Danh mục đơn vị (mã – tên)", _unit_options(owner_units(user))),
        "host_role": ("Danh mục người chủ trì", [label for _, label in HostRole.choices]),
    }
    return _template(DialoguesKind.columns, DialoguesKind.sheet_title, lists, DIALOGUE_NOTES, DIALOGUE_GUIDE)


def _template(
    columns: Sequence[Column],
    title: str,
    lists: dict[str, tuple[str, list[str]]],
    notes: dict[str, tuple[str, str]],
    guide_lines: Sequence[str],
) -> Any:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    bold = Font(bold=True)
    sheet.append([column.header for column in columns])
    positions = {}
    for index, column in enumerate(columns, start=1):
        sheet.cell(1, index).font = bold
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        positions[column.field] = letter
    sheet.freeze_panes = "A2"

    hidden = workbook.create_sheet(LISTS_SHEET)
    headers = {column.field: column.header for column in columns}
    for index, (field, (heading, values)) in enumerate(lists.items(), start=1):
        letter = get_column_letter(index)
        hidden.cell(1, index, heading).font = bold
        for number, value in enumerate(values, start=2):
            hidden.cell(number, index, value)
        hidden.column_dimensions[letter].width = 50 if field in FREE_TEXT else 26
        free = field in FREE_TEXT
        validation = DataValidation(
            type="list",
            formula1=f"'{LISTS_SHEET}'!${letter}$2:${letter}${max(len(values), 1) + 1}",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning" if free else "stop",
            errorTitle=headers[field],
            error=(
                "Không có trong danh sách; vẫn có thể ghi đúng mã hoặc họ tên."
                if free
                else f"Vui lòng chọn {headers[field].lower()} trong danh sách."
            ),
        )
        validation.add(f"{positions[field]}2:{positions[field]}{TEMPLATE_ROWS + 1}")
        sheet.add_data_validation(validation)
    hidden.sheet_state = "hidden"

    guide = workbook.create_sheet("Hướng dẫn")
    for letter, width in (("A", 26), ("B", 22), ("C", 100)):
        guide.column_dimensions[letter].width = width
    guide.append([guide_lines[0]])
    guide["A1"].font = Font(bold=True, size=13)
    for line in guide_lines[1:]:
        guide.append([line])
    guide.append([])
    guide.append(["Cột", "Bắt buộc", "Cách ghi"])
    for cell in guide[guide.max_row]:
        cell.font = bold
    wrap = Alignment(wrap_text=True, vertical="top")
    for column in columns:
        required, note = notes[column.field]
        guide.append([column.header, required, note])
        for cell in guide[guide.max_row]:
            cell.alignment = wrap
    return workbook
