from django.apps import AppConfig


class MembershipConfig(AppConfig):
    name = "danvan.membership"
    label = "membership"
    verbose_name = "Đoàn viên, hội viên các tổ chức chính trị - xã hội"
