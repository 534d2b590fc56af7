from django.apps import AppConfig
from django.db.backends.signals import connection_created


def _on_connection_created(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        from danvan.core.db import register_sqlite_functions

        register_sqlite_functions(connection)


class CoreConfig(AppConfig):
    name = "danvan.core"
    label = "core"
    verbose_name = "Hệ thống"

    def ready(self) -> None:
        connection_created.connect(_on_connection_created, dispatch_uid="danvan-sqlite-functions")
        from danvan.core import changelog

        changelog.connect_signals()
        from django.contrib.auth.signals import user_logged_in

        from danvan.core.middleware import IdleTimeoutMiddleware

        user_logged_in.connect(IdleTimeoutMiddleware.on_login, dispatch_uid="danvan-idle-timeout")
