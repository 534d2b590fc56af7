from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "danvan.review"
    label = "review"
    verbose_name = "Báo cáo tổng kết năm"
