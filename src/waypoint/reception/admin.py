"""Django admin: configuring a centre's units and beds. Stays change only through services."""

from __future__ import annotations

from django.contrib import admin

from waypoint.reception.models import AccommodationUnit, Bed


class BedInline(admin.TabularInline):
    model = Bed
    extra = 0


@admin.register(AccommodationUnit)
class AccommodationUnitAdmin(admin.ModelAdmin):
    list_display = ["name", "site", "kind", "profile"]
    list_filter = ["site", "profile", "kind"]
    search_fields = ["name"]
    inlines = [BedInline]
