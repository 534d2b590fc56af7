from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "danvan.events"
    label = "events"
    verbose_name = "Hội thi, hội nghị"
