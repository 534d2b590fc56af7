from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "danvan.api"
    verbose_name = "API"
