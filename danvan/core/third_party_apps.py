"""Third-party apps shown in the admin under Vietnamese names (their models' names are translated in
danvan/locale; the app names are not translatable strings in those packages). Kept out of core/apps.py,
where a second AppConfig would stop Django from picking CoreConfig by itself."""

from axes.apps import AppConfig as AxesAppConfig
from django_tasks_db.apps import TasksAppConfig


class AxesConfig(AxesAppConfig):
    verbose_name = "Đăng nhập"


class TasksDatabaseConfig(TasksAppConfig):
    verbose_name = "Việc nền"
