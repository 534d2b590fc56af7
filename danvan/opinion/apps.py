from django.apps import AppConfig


class OpinionConfig(AppConfig):
    name = "danvan.opinion"
    label = "opinion"
    verbose_name = "Tình hình nhân dân, dư luận xã hội"
