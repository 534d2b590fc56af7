from django.contrib import admin

from danvan.cooperation.models import Party


@admin.register(Party)
class PartyAdmin(admin.ModelAdmin):
    list_display = ("name", "abbreviation", "code", "order", "valid_from", "valid_until")
    search_fields = ("name", "code", "abbreviation")
    ordering = ("order", "name")
