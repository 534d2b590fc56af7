"""The mass organizations whose members are counted; administrators can add, rename or end them."""

# code, name
ORGANIZATIONS = [
    ("mat-tran", "Mặt trận Tổ quốc"),
    ("cong-doan", "Công đoàn"),
    ("nong-dan", "Hội Nông dân"),
    ("phu-nu", "Hội Liên hiệp Phụ nữ"),
    ("doan-thanh-nien", "Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
    ("cuu-chien-binh", "Hội Cựu chiến binh"),
    ("nguoi-cao-tuoi", "Hội Người cao tuổi"),
    ("chu-thap-do", "Hội Chữ thập đỏ"),
]

# The models seed_config takes, in order (a data migration passes its historical ones).
MODELS = ("Organization",)


def seed_config(Organization) -> None:
    for order, (code, name) in enumerate(ORGANIZATIONS, start=1):
        Organization.objects.get_or_create(code=code, defaults={"name": name, "order": order})
