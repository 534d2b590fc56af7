from django.contrib import admin

from danvan.org.models import Bloc, LineageEvent, RoleAssignment, Unit, UnitKind


@admin.register(Bloc)
class BlocAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "order", "valid_from", "valid_until")


@admin.register(UnitKind)
class UnitKindAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "tier", "default_bloc", "order", "valid_from", "valid_until")
    list_filter = ("tier",)


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "parent", "valid_from", "valid_until")
    list_filter = ("kind",)
    search_fields = ("code", "name", "search_text")
    raw_id_fields = ("parent",)
    list_select_related = ("kind", "parent")


@admin.register(LineageEvent)
class LineageEventAdmin(admin.ModelAdmin):
    list_display = ("kind", "date", "legal_basis")
    list_filter = ("kind",)
    raw_id_fields = ("predecessors", "successors")


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ("user", "unit", "role", "position")
    list_filter = ("role",)
    raw_id_fields = ("unit",)
