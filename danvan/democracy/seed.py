# ruff: noqa: E501 (the texts of the law read better unbroken)
"""What must be made public, and how, by the law valid in each year; the legal grounds the yearly report
cites. Administrators can change them (Cấu hình → Nội dung phải công khai, Hình thức công khai, Căn cứ
pháp lý).

The Law on grassroots democracy 10/2022/QH15 took effect on 1/7/2023. Before it, communes followed the
Pháp lệnh 34/2007/PL-UBTVQH11, agencies and public units Nghị định 04/2015/NĐ-CP, and enterprises
Nghị định 149/2018/NĐ-CP (replaced for the workplace by Nghị định 145/2020/NĐ-CP from 1/2/2021).
"""

import datetime as dt

LAW_DAY = dt.date(2023, 7, 1)
BEFORE_LAW = LAW_DAY - dt.timedelta(days=1)

ORDINANCE = "Pháp lệnh số 34/2007/PL-UBTVQH11"
DECREE_AGENCY = "Nghị định số 04/2015/NĐ-CP"
DECREE_ENTERPRISE = "Nghị định số 149/2018/NĐ-CP, Nghị định số 145/2020/NĐ-CP"
LAW = "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15"

# place kind, basis, valid from, valid until, [(code, name)]
ITEMS = [
    ("commune", ORDINANCE, None, BEFORE_LAW, [
        ("pl34-kinh-te", "Kế hoạch phát triển kinh tế - xã hội, dự toán và quyết toán ngân sách hằng năm của xã"),
        ("pl34-du-an", "Dự án, công trình đầu tư; phương án bồi thường, hỗ trợ giải phóng mặt bằng, tái định cư"),
        ("pl34-dat-dai", "Quy hoạch, kế hoạch sử dụng đất chi tiết và phương án điều chỉnh"),
        ("pl34-can-bo", "Nhiệm vụ, quyền hạn của cán bộ, công chức xã trực tiếp giải quyết công việc của nhân dân"),
        ("pl34-quy", "Việc quản lý, sử dụng các loại quỹ, khoản đầu tư, tài trợ và các khoản nhân dân đóng góp"),
        ("pl34-vay-von", "Chủ trương, kế hoạch vay vốn cho nhân dân phát triển sản xuất, giảm nghèo; danh sách hộ nghèo"),
        ("pl34-dia-gioi", "Đề án thành lập, nhập, chia đơn vị hành chính, điều chỉnh địa giới liên quan đến xã"),
        ("pl34-thanh-tra", "Kết quả thanh tra, kiểm tra, giải quyết vụ việc tiêu cực, tham nhũng của cán bộ, công chức xã"),
        ("pl34-y-kien", "Nội dung và kết quả tiếp thu ý kiến của nhân dân về những vấn đề chính quyền xã lấy ý kiến"),
        ("pl34-phi", "Đối tượng, mức thu các loại phí, lệ phí và nghĩa vụ tài chính khác do chính quyền xã thu"),
        ("pl34-thu-tuc", "Thủ tục hành chính, giải quyết công việc liên quan đến nhân dân do chính quyền xã thực hiện"),
    ]),
    ("commune", LAW, LAW_DAY, None, [
        ("l10-chinh-sach", "Chủ trương, chính sách, pháp luật liên quan trực tiếp đến người dân, cộng đồng dân cư ở xã"),
        ("l10-kinh-te", "Kế hoạch phát triển kinh tế - xã hội hằng năm; dự toán, quyết toán ngân sách xã"),
        ("l10-dat-dai", "Quy hoạch, kế hoạch sử dụng đất; phương án bồi thường, hỗ trợ, tái định cư trên địa bàn"),
        ("l10-du-an", "Chương trình, dự án, đề án đầu tư trên địa bàn; tiến độ và kết quả thực hiện"),
        ("l10-quy", "Việc quản lý, sử dụng các quỹ, khoản huy động, đóng góp của Nhân dân"),
        ("l10-thu-tuc", "Thủ tục hành chính và việc giải quyết thủ tục hành chính thuộc thẩm quyền của xã"),
        ("l10-phi", "Đối tượng, mức thu các loại phí, lệ phí và nghĩa vụ tài chính khác do chính quyền xã thu"),
        ("l10-an-sinh", "Danh sách hộ nghèo, hộ cận nghèo; người được hưởng chính sách an sinh xã hội"),
        ("l10-thanh-tra", "Kết quả thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo; xử lý vi phạm của cán bộ, công chức xã"),
        ("l10-y-kien", "Kết quả lấy ý kiến Nhân dân về những nội dung Nhân dân tham gia ý kiến"),
        ("l10-huong-uoc", "Hương ước, quy ước của cộng đồng dân cư và kết quả thực hiện"),
        ("l10-dia-gioi", "Việc thành lập, nhập, chia, điều chỉnh địa giới đơn vị hành chính liên quan đến xã"),
    ]),
    ("agency", DECREE_AGENCY, None, BEFORE_LAW, [
        ("nd04-chinh-sach", "Chủ trương, chính sách, pháp luật liên quan đến công việc của cơ quan"),
        ("nd04-ke-hoach", "Kế hoạch công tác hằng năm, hằng quý, hằng tháng của cơ quan"),
        ("nd04-kinh-phi", "Kinh phí hoạt động hằng năm, quyết toán kinh phí; việc mua sắm, sử dụng tài sản"),
        ("nd04-can-bo", "Tuyển dụng, đào tạo, điều động, bổ nhiệm, khen thưởng, kỷ luật cán bộ, công chức, viên chức"),
        ("nd04-thanh-tra", "Kết quả thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo trong cơ quan"),
        ("nd04-quy-che", "Quy chế làm việc, quy chế chi tiêu nội bộ, quy chế dân chủ của cơ quan"),
        ("nd04-che-do", "Việc thực hiện chế độ tiền lương, nâng bậc lương, bảo hiểm của cán bộ, công chức"),
    ]),
    ("agency", LAW, LAW_DAY, None, [
        ("l10-cq-chinh-sach", "Chủ trương, chính sách, pháp luật liên quan đến cơ quan, đơn vị"),
        ("l10-cq-ke-hoach", "Kế hoạch công tác, chương trình hoạt động hằng năm của cơ quan, đơn vị"),
        ("l10-cq-tai-chinh", "Dự toán, quyết toán ngân sách, tài sản, trang thiết bị; quy chế chi tiêu nội bộ"),
        ("l10-cq-can-bo", "Tuyển dụng, quy hoạch, bổ nhiệm, đào tạo, khen thưởng, kỷ luật cán bộ, công chức, viên chức"),
        ("l10-cq-che-do", "Chế độ, chính sách về tiền lương, thu nhập, bảo hiểm của cán bộ, công chức, viên chức"),
        ("l10-cq-ke-khai", "Kê khai tài sản, thu nhập của người có nghĩa vụ kê khai"),
        ("l10-cq-thanh-tra", "Kết quả thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo trong cơ quan, đơn vị"),
        ("l10-cq-tiet-kiem", "Kết quả thực hành tiết kiệm, chống lãng phí, phòng, chống tham nhũng, tiêu cực"),
    ]),
    ("enterprise", DECREE_ENTERPRISE, None, BEFORE_LAW, [
        ("nd149-san-xuat", "Tình hình sản xuất, kinh doanh của doanh nghiệp"),
        ("nd149-noi-quy", "Nội quy lao động, thang lương, bảng lương, định mức lao động, quy chế thưởng"),
        ("nd149-thoa-uoc", "Thỏa ước lao động tập thể; quy chế dân chủ ở cơ sở tại nơi làm việc"),
        ("nd149-quy", "Việc trích lập, sử dụng quỹ khen thưởng, phúc lợi và các quỹ người lao động đóng góp"),
        ("nd149-bao-hiem", "Việc trích nộp kinh phí công đoàn, bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp"),
        ("nd149-khieu-nai", "Kết quả thi đua, khen thưởng; giải quyết khiếu nại, tố cáo của người lao động"),
    ]),
    ("enterprise", LAW, LAW_DAY, None, [
        ("l10-dn-san-xuat", "Tình hình sản xuất, kinh doanh, kết quả hoạt động của doanh nghiệp"),
        ("l10-dn-noi-quy", "Nội quy, quy chế của doanh nghiệp; thang lương, bảng lương, định mức lao động"),
        ("l10-dn-thoa-uoc", "Thỏa ước lao động tập thể; quy chế dân chủ ở cơ sở tại nơi làm việc"),
        ("l10-dn-quy", "Việc trích lập, sử dụng các quỹ do người lao động đóng góp"),
        ("l10-dn-bao-hiem", "Việc trích nộp kinh phí công đoàn, bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp"),
        ("l10-dn-an-toan", "Điều kiện làm việc, an toàn, vệ sinh lao động"),
        ("l10-dn-khieu-nai", "Kết quả thi đua, khen thưởng; giải quyết khiếu nại, tố cáo của người lao động"),
    ]),
]  # fmt: skip

METHODS = [
    ("niem-yet", "Niêm yết tại trụ sở"),
    ("truyen-thanh", "Hệ thống truyền thanh cơ sở"),
    ("hoi-nghi", "Hội nghị, cuộc họp"),
    ("trang-tin", "Trang thông tin điện tử"),
    ("truong-thon", "Qua trưởng thôn, tổ trưởng tổ dân phố"),
    ("van-ban", "Văn bản gửi đến người dân, người lao động"),
    ("mang-xa-hoi", "Mạng xã hội, nhóm trực tuyến"),
]

# code, name, text (after "Căn cứ" / "Thực hiện"), valid from, valid until: what the yearly report cites.
LEGAL_BASES = [
    ("ct-30-1998", "Chỉ thị 30-CT/TW",
     "Chỉ thị số 30-CT/TW ngày 18 tháng 02 năm 1998 của Bộ Chính trị về xây dựng và thực hiện Quy chế dân "
     "chủ ở cơ sở", None, None),
    ("kl-120-2016", "Kết luận 120-KL/TW",
     "Kết luận số 120-KL/TW ngày 07 tháng 01 năm 2016 của Bộ Chính trị về tiếp tục đẩy mạnh, nâng cao chất "
     "lượng, hiệu quả việc xây dựng và thực hiện quy chế dân chủ ở cơ sở", dt.date(2016, 1, 7), None),
    ("pl-34-2007", ORDINANCE,
     "Pháp lệnh Thực hiện dân chủ ở xã, phường, thị trấn ngày 20 tháng 4 năm 2007", None, BEFORE_LAW),
    ("nd-04-2015", DECREE_AGENCY,
     "Nghị định số 04/2015/NĐ-CP ngày 09 tháng 01 năm 2015 của Chính phủ về thực hiện dân chủ trong hoạt động "
     "của cơ quan hành chính nhà nước và đơn vị sự nghiệp công lập", None, BEFORE_LAW),
    ("nd-149-2018", "Nghị định số 149/2018/NĐ-CP",
     "Nghị định số 149/2018/NĐ-CP ngày 07 tháng 11 năm 2018 của Chính phủ quy định chi tiết khoản 3 Điều 63 "
     "của Bộ luật Lao động về thực hiện quy chế dân chủ ở cơ sở tại nơi làm việc", None, dt.date(2021, 1, 31)),
    ("nd-145-2020", "Nghị định số 145/2020/NĐ-CP",
     "Nghị định số 145/2020/NĐ-CP ngày 14 tháng 12 năm 2020 của Chính phủ quy định chi tiết và hướng dẫn thi "
     "hành một số điều của Bộ luật Lao động về điều kiện lao động và quan hệ lao động",
     dt.date(2021, 2, 1), BEFORE_LAW),
    ("luat-10-2022", LAW, "Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022", LAW_DAY, None),
    ("nd-59-2023", "Nghị định số 59/2023/NĐ-CP",
     "Nghị định số 59/2023/NĐ-CP ngày 14 tháng 8 năm 2023 của Chính phủ quy định chi tiết một số điều của "
     "Luật Thực hiện dân chủ ở cơ sở", dt.date(2023, 8, 14), None),
    ("nd-61-2023", "Nghị định số 61/2023/NĐ-CP",
     "Nghị định số 61/2023/NĐ-CP ngày 16 tháng 8 năm 2023 của Chính phủ về xây dựng và thực hiện hương ước, "
     "quy ước của cộng đồng dân cư", dt.date(2023, 8, 16), None),
]  # fmt: skip
PURPOSE = "democracy"  # documents.Purpose.DEMOCRACY; a literal, as a migration may not import the model

# The models seed_config takes, in order (a data migration passes its historical ones).
MODELS = ("DisclosureItem", "DisclosureMethod")


def seed_config(DisclosureItem, DisclosureMethod) -> None:
    """Create what is missing: the checklist items, the methods, and the report's legal grounds (documents'
    LegalBasis, found through the same registry as the models given, so a migration uses its own)."""
    order = 0
    for place_kind, basis, start, until, items in ITEMS:
        for code, name in items:
            order += 1
            DisclosureItem.objects.get_or_create(
                code=code,
                defaults={"name": name, "place_kind": place_kind, "basis": basis, "valid_from": start,
                          "valid_until": until, "order": order},
            )  # fmt: skip
    for order, (code, name) in enumerate(METHODS, start=1):
        DisclosureMethod.objects.get_or_create(code=code, defaults={"name": name, "order": order})
    LegalBasis = DisclosureItem._meta.apps.get_model("documents", "LegalBasis")
    for order, (code, name, text, start, until) in enumerate(LEGAL_BASES, start=1):
        LegalBasis.objects.get_or_create(
            code=f"qcdc-{code}",
            defaults={"name": name, "text": text, "purpose": PURPOSE, "system": "party", "valid_from": start,
                      "valid_until": until, "order": order},
        )  # fmt: skip
