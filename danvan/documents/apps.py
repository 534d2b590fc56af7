from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "danvan.documents"
    label = "documents"
    verbose_name = "Văn bản, thể thức"
