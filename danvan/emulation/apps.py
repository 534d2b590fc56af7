from django.apps import AppConfig


class EmulationConfig(AppConfig):
    name = "danvan.emulation"
    label = "emulation"
    verbose_name = "Chấm điểm thi đua"
