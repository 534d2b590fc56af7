from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django_otp.plugins.otp_totp.models import TOTPDevice

from danvan.core import twofactor
from danvan.core.models import ChangeLogEntry, User

# Devices are managed from the user's page (status, reset), never listed with their keys.
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)

MSG_RESET = "Đã đặt lại xác thực hai lớp của {}: lần đăng nhập sau chỉ cần mật khẩu, rồi thiết lập lại nếu cần."
MSG_RESET_NONE = "{} chưa bật xác thực hai lớp; không có gì để đặt lại."


@admin.register(User)
class DanvanUserAdmin(UserAdmin):
    list_display = ("username", "last_name", "first_name", "email", "is_active", "is_superuser")
    readonly_fields = ("two_factor",)
    fieldsets = (*UserAdmin.fieldsets, ("Xác thực hai lớp", {"fields": ("two_factor",)}))
    actions = ("reset_two_factor",)

    @admin.display(description="Trạng thái")
    def two_factor(self, obj):
        device = twofactor.device_of(obj) if obj and obj.pk else None
        if device is None:
            return "Chưa bật"
        url = reverse("admin:core_user_reset_2fa", args=[obj.pk])
        return format_html(
            'Đang bật (ứng dụng xác thực, từ {}). <a class="button" href="{}" data-testid="reset-2fa">'
            "Đặt lại xác thực hai lớp</a>",
            timezone.localtime(device.created_at).strftime("%d/%m/%Y") if device.created_at else "",
            url,
        )

    def get_urls(self):
        extra = [
            path(
                "<int:pk>/dat-lai-xac-thuc/",
                self.admin_site.admin_view(self.reset_view),
                name="core_user_reset_2fa",
            )
        ]
        return extra + super().get_urls()

    def reset_view(self, request, pk):
        """Ask, then remove the user's device (a lost phone); the user logs in with the password alone."""
        user = get_object_or_404(User, pk=pk)
        if not self.has_change_permission(request, user):
            raise PermissionDenied
        if request.method == "POST":
            self._reset(request, user)
            return redirect("admin:core_user_change", user.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": "Đặt lại xác thực hai lớp",
            "subject": user,
            "opts": self.model._meta,
            "has_device": twofactor.device_of(user) is not None,
        }
        return TemplateResponse(request, "admin/core/user/reset_2fa.html", context)

    def _reset(self, request, user) -> None:
        if twofactor.reset(user):
            self.log_change(request, user, "Đặt lại xác thực hai lớp")
            self.message_user(request, MSG_RESET.format(user.get_username()), messages.SUCCESS)
        else:
            self.message_user(request, MSG_RESET_NONE.format(user.get_username()), messages.INFO)

    @admin.action(description="Đặt lại xác thực hai lớp", permissions=["change"])
    def reset_two_factor(self, request, queryset):
        for user in queryset:
            self._reset(request, user)


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
