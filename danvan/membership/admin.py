"""Configuration of the membership app: the organizations counted, dated.

Reports change only through the services (scoping, change log), so they are not edited here.
"""

from django.contrib import admin

from danvan.membership.models import Organization


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "order", "valid_from", "valid_until")
    search_fields = ("code", "name")
