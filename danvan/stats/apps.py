from django.apps import AppConfig


class StatsConfig(AppConfig):
    name = "danvan.stats"
    label = "stats"
    verbose_name = "Thống kê, báo cáo"
