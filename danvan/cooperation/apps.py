from django.apps import AppConfig


class CooperationConfig(AppConfig):
    name = "danvan.cooperation"
    label = "cooperation"
    verbose_name = "Chương trình, quy chế phối hợp"
