"""Configuration (fields and levels, with their validity periods) and a read-only view of records.

Records change only through the services (numbering, rules, workflow, change log), so the admin
shows practices but neither adds, edits nor deletes them.
"""

from django.contrib import admin

from danvan.practices.models import Amendment, Field, Level, Practice, PracticeFile


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "order", "valid_from", "valid_until")
    search_fields = ("code", "name")


@admin.register(Level)
class LevelAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "tier", "order", "valid_from", "valid_until")
    list_filter = ("tier",)
    search_fields = ("code", "name")


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class FileInline(ReadOnlyInline):
    model = PracticeFile
    fields = ("kind", "file", "caption", "uploaded_by", "uploaded_at")
    readonly_fields = fields


class AmendmentInline(ReadOnlyInline):
    model = Amendment
    fields = ("created_at", "author", "reason", "before", "after")
    readonly_fields = fields


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "unit_name", "year", "level", "status")
    list_filter = ("status", "kind", "subject", "level", "field")
    search_fields = ("code", "search_text")
    list_select_related = ("level",)
    show_full_result_count = False  # no COUNT(*) over the whole table on every page
    raw_id_fields = ("unit", "replicated_from", "recognizing_unit")
    inlines = [FileInline, AmendmentInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser
