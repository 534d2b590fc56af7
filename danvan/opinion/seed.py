"""The fields (lĩnh vực) opinion items are filed under; administrators can change them."""

# code, name
TOPICS = [
    ("kinh-te-doi-song", "Kinh tế, đời sống"),
    ("dat-dai-moi-truong", "Đất đai, môi trường"),
    ("giai-phong-mat-bang", "Bồi thường, giải phóng mặt bằng"),
    ("y-te-giao-duc", "Y tế, giáo dục"),
    ("van-hoa-xa-hoi", "Văn hóa, xã hội"),
    ("an-ninh-trat-tu", "An ninh, trật tự"),
    ("ton-giao-dan-toc", "Tôn giáo, dân tộc"),
    ("chinh-sach-phap-luat", "Chủ trương, chính sách, pháp luật"),
    ("sap-xep-bo-may", "Sắp xếp tổ chức bộ máy, đơn vị hành chính"),
    ("xay-dung-dang", "Xây dựng Đảng, hệ thống chính trị"),
    ("tham-nhung-tieu-cuc", "Phòng, chống tham nhũng, tiêu cực"),
]

# The models seed_config takes, in order (a data migration passes its historical ones).
MODELS = ("Topic",)


def seed_config(Topic) -> None:
    for order, (code, name) in enumerate(TOPICS, start=1):
        Topic.objects.get_or_create(code=code, defaults={"name": name, "order": order})
