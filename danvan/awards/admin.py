"""Configuration (authorities and award types with their validity periods and certificate layout) and a
read-only view of records: these change only through the services (rules, workflow, change log)."""

from django.contrib import admin

from danvan.awards.models import Authority, AwardType, Decision, Proposal


@admin.register(Authority)
class AuthorityAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "unit", "numbered_by_system", "valid_from", "valid_until")
    search_fields = ("code", "name")
    raw_id_fields = ("unit",)


@admin.register(AwardType)
class AwardTypeAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "form", "authority", "recipient_kinds", "order", "valid_from", "valid_until")
    list_filter = ("authority", "recipient_kinds")
    search_fields = ("code", "name")
    fieldsets = [
        (None, {"fields": ["code", "name", "form", "authority", "recipient_kinds", "order", "valid_from",
                           "valid_until"]}),
        ("Tiền thưởng", {"fields": ["reward_collective", "reward_individual"]}),
        (
            "Mẫu giấy khen, bằng khen",
            {
                "fields": [
                    "certificate_title",
                    "certificate_orientation",
                    "certificate_preprinted",
                    "certificate_offset_x_mm",
                    "certificate_offset_y_mm",
                    "certificate_top_mm",
                    "certificate_title_size",
                    "certificate_name_size",
                    "certificate_text_size",
                ]
            },
        ),
    ]  # fmt: skip


class ReadOnlyAdmin(admin.ModelAdmin):
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser


@admin.register(Proposal)
class ProposalAdmin(ReadOnlyAdmin):
    list_display = ("unit_name", "award_type", "year", "status")
    list_filter = ("status", "award_type")


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ("number", "date", "award_type", "year", "status")
    list_filter = ("status", "award_type")
