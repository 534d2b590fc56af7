"""Configuration of the planning app: directive types (with symbols) and issuing bodies, both dated.

Records change only through the services (due dates, scoping, change log), so they are not edited here.
"""

from django.contrib import admin

from danvan.planning.models import DirectiveType, IssuingBody


@admin.register(DirectiveType)
class DirectiveTypeAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "symbol", "order", "valid_from", "valid_until")
    search_fields = ("code", "name", "symbol")


@admin.register(IssuingBody)
class IssuingBodyAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "order", "valid_from", "valid_until")
    search_fields = ("code", "name")
