from django.contrib import admin

from waypoint.presence.models import FlowPoint, Location, Round


@admin.register(FlowPoint)
class FlowPointAdmin(admin.ModelAdmin):
    list_display = ["site", "point_type"]


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "type", "municipality", "active_from", "active_until"]
    search_fields = ["code", "name"]


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["number", "snapshot_date", "status"]
    # Status changes go through the review pages so checks and audit apply.
    readonly_fields = ["status", "published_at", "published_by"]
