from django.apps import AppConfig


class ShowcaseConfig(AppConfig):
    name = "danvan.showcase"
    verbose_name = "Trang giới thiệu mô hình"
