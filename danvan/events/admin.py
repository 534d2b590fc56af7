"""Configuration of the events app: the kinds of contests, conferences and prizes, dated.

Contests and conferences change only through the services (scoping, change log), so they are not edited here.
"""

from django.contrib import admin

from danvan.events.models import ConferenceKind, ContestKind, PrizeKind


@admin.register(ContestKind, ConferenceKind, PrizeKind)
class KindAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "order", "valid_from", "valid_until")
    search_fields = ("code", "name")
