from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from danvan.core.models import ChangeLogEntry, User


@admin.register(User)
class DanvanUserAdmin(UserAdmin):
    list_display = ("username", "last_name", "first_name", "email", "is_active", "is_superuser")


@admin.register(ChangeLogEntry)
class ChangeLogEntryAdmin(admin.ModelAdmin):
    list_display = ("timestamp", "actor_name", "action", "object_repr", "source")
    list_filter = ("action", "source")
    search_fields = ("object_repr", "actor_name")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
