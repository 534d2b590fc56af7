"""Configuration of grassroots democracy: what must be made public (per kind of place, dated by the law valid
then) and how. Records change only through the services (scoping, change log), so they are not edited here."""

from django.contrib import admin

from danvan.democracy.models import DisclosureItem, DisclosureMethod


@admin.register(DisclosureItem)
class DisclosureItemAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "place_kind", "basis", "valid_from", "valid_until", "order")
    list_filter = ("place_kind", "basis")
    search_fields = ("code", "name")


@admin.register(DisclosureMethod)
class DisclosureMethodAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "order", "valid_from", "valid_until")
    search_fields = ("code", "name")
