"""Configuration of the opinion app: the fields items are filed under, dated.

Items and collaborators change only through the services (scoping, change log), so they are not edited here.
"""

from django.contrib import admin

from danvan.opinion.models import Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "order", "valid_from", "valid_until")
    search_fields = ("code", "name")
