from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "danvan.planning"
    label = "planning"
    verbose_name = "Kế hoạch, kiểm tra giám sát"
